import type { Database } from 'better-sqlite3';
import { DuplicateEventIdError, ExpectedRevision, StoredEvent, WrongExpectedRevisionError } from '../event-store.port';
import { SerializedEvent, checkExpectedRevision, resolveRetry } from '../shared/append-checks';
import { SqliteStatements, prepareStatements, toStoredEvent } from './sqlite.statements';

/** One queued append, as it crosses to the writer (plain data: it may go through postMessage). */
export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

/** An error as plain data, so it survives postMessage and becomes the same class again on the other side. */
export interface ErrorShape {
  name: string;
  message: string;
  streamId?: string;
  expected?: ExpectedRevision;
  actual?: number | 'no_stream';
  eventId?: string;
  /** SQLite's error code (e.g. SQLITE_BUSY, SQLITE_FULL). */
  code?: string;
}

export type WriteOutcome =
  | { ok: true; wrote: true; firstRevision: number; positions: bigint[] }
  | { ok: true; wrote: false; stored: StoredEvent[] }
  | { ok: false; error: ErrorShape };

export function toErrorShape(e: unknown): ErrorShape {
  if (e instanceof WrongExpectedRevisionError) return { name: e.name, message: e.message, streamId: e.streamId, expected: e.expected, actual: e.actual };
  if (e instanceof DuplicateEventIdError) return { name: e.name, message: e.message, streamId: e.streamId, eventId: e.eventId };
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function fromErrorShape(s: ErrorShape): Error {
  if (s.name === 'WrongExpectedRevisionError') return new WrongExpectedRevisionError(s.streamId!, s.expected!, s.actual!);
  if (s.name === 'DuplicateEventIdError') return new DuplicateEventIdError(s.eventId!, s.streamId!);
  const e = Object.assign(new Error(s.message), s.code ? { code: s.code } : {});
  e.name = s.name;
  return e;
}

/**
 * Writes a batch of appends in one transaction (one fsync): the group commit. Each append is checked on its own
 * against the state left by the appends before it in the batch; a failing append is confined to itself by a
 * SAVEPOINT. An error that ends the transaction (I/O, disk full) is thrown: nothing of the batch committed.
 */
export class SqliteBatchWriter {
  private readonly sql: SqliteStatements;

  constructor(private readonly db: Database) {
    this.sql = prepareStatements(db);
  }

  write(batch: AppendRequest[]): WriteOutcome[] {
    this.sql.begin.run();
    try {
      const outcomes = batch.map((append) => this.applyOne(append));
      this.sql.commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
      throw error;
    }
  }

  private applyOne(append: AppendRequest): WriteOutcome {
    try {
      return this.writeAppend(append);
    } catch (error) {
      if (!this.db.inTransaction) throw error;
      return { ok: false, error: toErrorShape(error) };
    }
  }

  private writeAppend({ streamId, events, expected }: AppendRequest): WriteOutcome {
    const ids = events.map((event) => event.id);
    const first = this.sql.findEvent.get(ids[0]);
    if (first) {
      const run = this.sql.readStream.all(first.stream_id, first.revision, ids.length).map(toStoredEvent);
      return { ok: true, wrote: false, stored: resolveRetry(streamId, ids, run).events };
    }
    for (const id of ids.slice(1)) {
      if (this.sql.findEvent.get(id)) throw new DuplicateEventIdError(id, streamId);
    }
    const current = this.sql.streamRevision.get(streamId)?.revision;
    checkExpectedRevision(streamId, expected, current);
    const base = current === undefined ? 0 : current + 1;
    this.sql.savepoint.run();
    try {
      const positions = events.map((event, i) => {
        const { lastInsertRowid } = this.sql.insertEvent.run(event.id, streamId, base + i, event.type, event.data, event.metadata);
        return BigInt(lastInsertRowid);
      });
      this.sql.upsertStream.run(streamId, base + events.length - 1);
      this.sql.release.run();
      return { ok: true, wrote: true, firstRevision: base, positions };
    } catch (error) {
      if (this.db.inTransaction) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      throw error;
    }
  }
}
