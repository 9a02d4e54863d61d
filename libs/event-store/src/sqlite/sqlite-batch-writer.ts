import type { Database } from 'better-sqlite3';
import { DuplicateEventIdError, ExpectedRevision, StoredEvent, WrongExpectedRevisionError } from '../event-store.port';
import { SerializedEvent, checkExpectedRevision, resolveRetry } from '../common/append-checks';
import { GENESIS_HASH, eventHash, globalHash } from '../common/hash-chain';
import { SqliteStatements, prepareStatements, tupleToStoredEvent } from './sqlite.statements';

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

/** A stream's last revision and hash, as the streams table holds them. */
type StreamHead = { revision: number; hash: string | null };

export type WriteOutcome =
  | { ok: true; wrote: true; firstRevision: number; positions: bigint[]; hashes: [prevHash: string, hash: string][] }
  | { ok: true; wrote: false; stored: StoredEvent[] }
  | { ok: false; error: ErrorShape };

export function toErrorShape(e: unknown): ErrorShape {
  if (e instanceof WrongExpectedRevisionError)
    return { name: e.name, message: e.message, streamId: e.streamId, expected: e.expected, actual: e.actual };
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
  /** Head of the global chain while a batch is written (read at its start: another process may have written). */
  private global = GENESIS_HASH;

  constructor(
    private readonly db: Database,
    /** Anchor the global chain automatically whenever the head crosses a multiple of this many events (0: never). */
    private readonly anchorEvery = 1000,
  ) {
    this.sql = prepareStatements(db);
  }

  write(batch: AppendRequest[]): WriteOutcome[] {
    return this.inTransaction(() => batch.map((append) => this.applyOne(append)));
  }

  /**
   * A bulk import (a store grown or restored outside the service): the appends are read lazily from `appends` and
   * written in one transaction with the same checks, hash chains and anchors as `write`, but no outcome is kept per
   * append, so a long import holds nothing in memory. A refused append rolls the whole transaction back and is
   * thrown. Returns the number of events written.
   */
  import(appends: Iterable<AppendRequest>): number {
    return this.inTransaction(() => {
      let events = 0;
      for (const append of appends) {
        // No savepoint per append: a refusal ends the whole import, rolled back with its transaction.
        const checked = this.check(append);
        if ('retry' in checked) continue;
        this.insert(append, checked.stream);
        events += append.events.length;
      }
      return events;
    });
  }

  private inTransaction<T>(body: () => T): T {
    this.sql.begin.run();
    try {
      const head = this.sql.globalHead.get();
      this.global = head?.global_hash ?? GENESIS_HASH;
      const before = head?.position ?? 0n;
      const result = body();
      const after = this.sql.globalHead.get();
      if (this.anchorEvery > 0 && after && after.position / BigInt(this.anchorEvery) > before / BigInt(this.anchorEvery))
        this.sql.insertAnchor.run(after.position, after.global_hash!, new Date().toISOString(), 'automatic');
      this.sql.commit.run();
      return result;
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

  private writeAppend(append: AppendRequest): WriteOutcome {
    const checked = this.check(append);
    if ('retry' in checked) return { ok: true, wrote: false, stored: checked.retry };
    const globalBefore = this.global;
    this.sql.savepoint.run();
    try {
      const written = this.insert(append, checked.stream);
      this.sql.release.run();
      return { ok: true, wrote: true, ...written };
    } catch (error) {
      this.global = globalBefore;
      if (this.db.inTransaction) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      throw error;
    }
  }

  /**
   * The checks of an append against the store as this transaction sees it: an exact retry gives the events stored
   * then, a duplicate id or a wrong expected revision is thrown, else the stream's head to write after.
   */
  private check({ streamId, events, expected }: AppendRequest): { retry: StoredEvent[] } | { stream?: StreamHead } {
    const ids = events.map((event) => event.id);
    const first = this.sql.findEvent.get(ids[0]);
    if (first) {
      const run = this.sql.readStream.all(first.stream_id, first.revision, ids.length).map(tupleToStoredEvent);
      return { retry: resolveRetry(streamId, ids, run).events };
    }
    for (const id of ids.slice(1)) {
      if (this.sql.findEvent.get(id)) throw new DuplicateEventIdError(id, streamId);
    }
    const stream = this.sql.streamRevision.get(streamId);
    checkExpectedRevision(streamId, expected, stream?.revision);
    return { stream };
  }

  /** Inserts a checked append after the stream's head, chaining both hashes. */
  private insert({ streamId, events }: AppendRequest, stream: StreamHead | undefined) {
    const base = stream === undefined ? 0 : stream.revision + 1;
    let prev = stream?.hash ?? GENESIS_HASH;
    const hashes: [string, string][] = [];
    const positions = events.map((event, i) => {
      const revision = base + i;
      const hash = eventHash(prev, { streamId, revision, id: event.id, type: event.type, data: event.data, metadata: event.metadata });
      this.global = globalHash(this.global, hash);
      const { lastInsertRowid } = this.sql.insertEvent.run(
        event.id,
        streamId,
        revision,
        event.type,
        event.data,
        event.metadata,
        prev,
        hash,
        this.global,
      );
      hashes.push([prev, hash]);
      prev = hash;
      return BigInt(lastInsertRowid);
    });
    this.sql.upsertStream.run(streamId, base + events.length - 1, prev);
    return { firstRevision: base, positions, hashes };
  }
}
