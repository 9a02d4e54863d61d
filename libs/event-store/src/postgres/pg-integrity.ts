import { AnchorPage, StoreIntegrity } from '../capabilities';
import { Anchor, ChainWalker, IntegrityReport } from '../common/chain-walker';
import { PgDatabase } from './pg-database';
import { PG_EVENT_COLUMNS, PgEventRow } from './pg-statements';

interface AnchorRow {
  seq: string;
  position: string;
  global_hash: string;
  created_at: Date;
  reason: string;
}

const toAnchor = (a: AnchorRow): Anchor => ({
  seq: Number(a.seq),
  position: a.position,
  globalHash: a.global_hash,
  createdAt: a.created_at.toISOString(),
  reason: a.reason,
});
const ANCHOR_COLUMNS = 'seq::text AS seq, position::text AS position, global_hash, created_at, reason';

/** The PostgreSQL store's tamper evidence: the same chains and anchors as SQLite's, walked by the same ChainWalker. */
export class PgIntegrity implements StoreIntegrity {
  constructor(
    private readonly db: PgDatabase,
    /** The quoted schema. */
    private readonly q: string,
    /** Throws once the store is closed. */
    private readonly assertOpen: () => void,
  ) {}

  /**
   * Recomputes both hash chains over the whole log, page by page, and checks the anchors: names the first edited,
   * missing, inserted, reordered or truncated position.
   */
  async verify(pageSize = 5000): Promise<IntegrityReport> {
    this.assertOpen();
    const walker = new ChainWalker(await this.listAnchors());
    let after = 0n;
    for (;;) {
      const rows = await this.db.query<PgEventRow & { global_hash: string | null }>({
        text: `SELECT ${PG_EVENT_COLUMNS}, global_hash FROM ${this.q}.events WHERE position > $1 ORDER BY events.position LIMIT $2`,
        values: [String(after), pageSize],
      });
      for (const r of rows) {
        const problem = walker.step({ ...r, position: BigInt(r.position) });
        if (problem) return problem;
        after = BigInt(r.position);
      }
      if (rows.length < pageSize) return walker.finish();
    }
  }

  async listAnchors(page?: AnchorPage): Promise<Anchor[]> {
    this.assertOpen();
    if (!page) return (await this.db.query<AnchorRow>(`SELECT ${ANCHOR_COLUMNS} FROM ${this.q}.anchors ORDER BY seq`)).map(toAnchor);
    const rows = await this.db.query<AnchorRow>({
      text: `SELECT ${ANCHOR_COLUMNS} FROM ${this.q}.anchors WHERE seq > $1 ORDER BY seq LIMIT $2`,
      values: [page.after ?? 0, page.limit ?? null],
    });
    return rows.map(toAnchor);
  }

  /**
   * Anchors are recorded at the head as it grows (seq and position rise together), so the first by position, then
   * seq, at or after a position is the earliest covering it: one seek in anchors_position.
   */
  async anchorCovering(position: bigint): Promise<Anchor | null> {
    this.assertOpen();
    const [row] = await this.db.query<AnchorRow>({
      text: `SELECT ${ANCHOR_COLUMNS} FROM ${this.q}.anchors WHERE position >= $1 ORDER BY position, seq LIMIT 1`,
      values: [String(position)],
    });
    return row ? toAnchor(row) : null;
  }

  /** One statement reads the head and records it: a committed head's global hash never changes. */
  async createAnchor(reason: string, now: Date): Promise<Anchor | null> {
    this.assertOpen();
    const [row] = await this.db.query<AnchorRow>({
      text: `INSERT INTO ${this.q}.anchors (position, global_hash, created_at, reason)
             SELECT position, global_hash, $1, $2 FROM ${this.q}.events ORDER BY events.position DESC LIMIT 1
             RETURNING ${ANCHOR_COLUMNS}`,
      values: [now.toISOString(), reason],
    });
    return row ? toAnchor(row) : null;
  }
}
