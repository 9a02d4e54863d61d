import Database from 'better-sqlite3';
import { AnchorPage, StoreIntegrity } from '../capabilities';
import { Anchor, ChainWalker, IntegrityReport } from '../common/chain-walker';
import { EventRow } from './sqlite.statements';

export type { Anchor, IntegrityProblem, IntegrityReport } from '../common/chain-walker';

interface Row extends EventRow {
  global_hash: string | null;
}

interface AnchorRow {
  seq: number;
  position: number;
  global_hash: string;
  created_at: string;
  reason: string;
}

const toAnchor = (a: AnchorRow): Anchor => ({
  seq: a.seq,
  position: String(a.position),
  globalHash: a.global_hash,
  createdAt: a.created_at,
  reason: a.reason,
});

/** The SQLite store's tamper evidence, on a connection to its file. */
export class SqliteIntegrity implements StoreIntegrity {
  constructor(private readonly db: Database.Database) {}

  /**
   * Walks every event in commit order, recomputing both chains, then checks the anchors: names the first bad
   * position of an edited, deleted, inserted, reordered or truncated log (docs/supervision.md §1).
   */
  async verify(): Promise<IntegrityReport> {
    const walker = new ChainWalker(this.anchors());
    const rows = this.db
      .prepare(
        'SELECT position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash FROM events ORDER BY position',
      )
      .safeIntegers(true)
      .iterate() as Iterable<Row>;
    for (const r of rows) {
      const problem = walker.step(r);
      if (problem) return problem;
    }
    return walker.finish();
  }

  async listAnchors(page?: AnchorPage): Promise<Anchor[]> {
    if (!page) return this.anchors();
    return (
      this.db
        .prepare('SELECT seq, position, global_hash, created_at, reason FROM anchors WHERE seq > ? ORDER BY seq LIMIT ?')
        .all(page.after ?? 0, page.limit ?? -1) as AnchorRow[]
    ).map(toAnchor);
  }

  /**
   * Anchors are recorded at the head as it grows (seq and position rise together), so the first by position, then
   * seq, at or after a position is the earliest covering it: one seek in anchors_position.
   */
  async anchorCovering(position: bigint): Promise<Anchor | null> {
    const a = this.db
      .prepare('SELECT seq, position, global_hash, created_at, reason FROM anchors WHERE position >= ? ORDER BY position, seq LIMIT 1')
      .get(position) as AnchorRow | undefined;
    return a ? toAnchor(a) : null;
  }

  /** Records the current head of the global chain in the anchor log (export it and keep it elsewhere). */
  async createAnchor(reason: string, now: Date): Promise<Anchor | null> {
    const { db } = this;
    return db
      .transaction(() => {
        const head = db.prepare('SELECT position, global_hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(true).get() as
          { position: bigint; global_hash: string } | undefined;
        if (!head) return null;
        const { lastInsertRowid } = db
          .prepare('INSERT INTO anchors (position, global_hash, created_at, reason) VALUES (?, ?, ?, ?)')
          .run(head.position, head.global_hash, now.toISOString(), reason);
        return {
          seq: Number(lastInsertRowid),
          position: String(head.position),
          globalHash: head.global_hash,
          createdAt: now.toISOString(),
          reason,
        };
      })
      .immediate();
  }

  private anchors(): Anchor[] {
    return (this.db.prepare('SELECT seq, position, global_hash, created_at, reason FROM anchors ORDER BY seq').all() as AnchorRow[]).map(
      toAnchor,
    );
  }
}

/** The integrity of a store's file, opened read-only (it must exist): for `npm run verify`, beside a running service. */
export function openSqliteIntegrity(filename: string): StoreIntegrity & { close(): void } {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  const integrity = new SqliteIntegrity(db);
  return {
    verify: () => integrity.verify(),
    listAnchors: (page) => integrity.listAnchors(page),
    anchorCovering: (position) => integrity.anchorCovering(position),
    createAnchor: (reason, now) => integrity.createAnchor(reason, now),
    close: () => db.close(),
  };
}
