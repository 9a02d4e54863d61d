import type { Database } from 'better-sqlite3';
import { SqliteProjectionHost, StoredEvent } from '@app/event-store';
import { Projection, rowsOf } from './projection';

export interface ProjectionStatus {
  name: string;
  version: number;
  position: string;
}

/**
 * A SQLite file holding read models: its connection and, when the events live in the same file (the SQLite store's
 * projection host), their reader. A file fed through the store port from another store has no reader: `apply` only.
 */
export type SqliteReadModelFile = Pick<SqliteProjectionHost, 'db'> & Partial<Pick<SqliteProjectionHost, 'readPage'>>;

/**
 * Feeds projections in a SQLite file, in position order, in pages; each page's rows and the projections'
 * checkpoints commit in one transaction, so a restart resumes exactly where it stopped.
 */
export class SqliteProjectionRunner {
  private readonly db: Database;
  private readonly getCheckpoint;
  private readonly setCheckpoint;

  constructor(
    private readonly file: SqliteReadModelFile,
    private readonly projections: Projection[],
    private readonly pageSize = 5000,
  ) {
    const db = (this.db = file.db);
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.getCheckpoint = db.prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?').safeIntegers(true);
    this.setCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
    );
    for (const p of projections) {
      p.sqlite.setup(db);
      const cp = this.getCheckpoint.get(p.name) as { version: bigint; position: bigint } | undefined;
      if (cp && Number(cp.version) !== p.version) this.reset(p);
    }
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => ({ name: p.name, version: p.version, position: String(this.checkpoint(p)) }));
  }

  /** Sets a projection's checkpoint (within the caller's transaction, when there is one): a rebuild's swap. */
  moveCheckpoint(p: Projection, position: bigint): void {
    this.setCheckpoint.run(p.name, p.version, position, new Date().toISOString());
  }

  /** Clears a projection and moves its checkpoint back to zero (the next catch-up rebuilds it). */
  reset(p: Projection): void {
    this.db
      .transaction(() => {
        p.sqlite.clear(this.db);
        this.moveCheckpoint(p, 0n);
      })
      .immediate();
  }

  /** Applies one page of the file's events to every projection behind; returns how many it read (0 when caught up). */
  step(): number {
    if (!this.file.readPage)
      throw new Error('这些读模型经由事件存储端口更新 (these read models are fed through the store port: use apply)');
    const after = this.position();
    const events = this.file.readPage(after, this.pageSize);
    if (!events.length) return 0;
    this.apply(events, after);
    return events.length;
  }

  /** Where the projection furthest behind stands: the next page starts after it. */
  position(): bigint {
    return this.projections.reduce((min, p) => (this.checkpoint(p) < min ? this.checkpoint(p) : min), BigInt(Number.MAX_SAFE_INTEGER));
  }

  /**
   * Applies a page of events — every event after position `after`, in position order — to every projection behind,
   * with their checkpoints in the same transaction (events a projection already has are skipped). A projection whose
   * checkpoint moved back below `after` since the page was read (a rebuild swapped its tables in, or reset it) is left
   * alone: the page would skip the events in between, and the next page starts from its checkpoint again.
   */
  apply(events: StoredEvent[], after: bigint): void {
    if (!events.length) return;
    const last = events[events.length - 1].position;
    this.db
      .transaction(() => {
        for (const p of this.projections) {
          const cp = this.checkpoint(p);
          if (cp >= last || cp < after) continue;
          p.sqlite.write(this.db, rowsOf(p, events, cp));
          this.moveCheckpoint(p, last);
        }
      })
      .immediate();
  }

  /** Runs pages until caught up; `onPage` reports progress (events done so far). */
  catchUp(onPage?: (done: number, position: bigint) => void): number {
    let done = 0;
    for (let n = this.step(); n > 0; n = this.step()) {
      done += n;
      onPage?.(done, this.position());
    }
    return done;
  }

  private checkpoint(p: Projection): bigint {
    return (this.getCheckpoint.get(p.name) as { position: bigint } | undefined)?.position ?? 0n;
  }
}
