import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Observable } from 'rxjs';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import {
  checkExpectedRevision,
  EventStoreClosedError,
  prepareAppend,
  resolveRetry,
  SerializedEvent,
  toAppendResult,
} from '../shared/append-checks';
import { CatchUpFeed } from '../shared/catch-up.feed';
import { migrate } from './sqlite.migrations';
import { prepareStatements, sqlLimit, SqliteStatements, toStoredEvent } from './sqlite.statements';

export interface SqliteEventStoreOptions {
  /** Database file (its directory is created); ':memory:' for a throwaway store. */
  filename: string;
  /** How long a write waits for another connection's lock before failing, in ms; default 5000. */
  busyTimeoutMs?: number;
}

interface PendingAppend {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult; wrote: boolean } | { ok: false; error: unknown };

/**
 * The embedded production event store. Every acknowledged append is fsync-durable (WAL + synchronous=FULL); since an
 * fsync per append would cap throughput, appends made in the same event-loop turn share one transaction (group
 * commit), each still checked on its own so a failing append rejects only itself.
 */
export class SqliteEventStore implements EventStore {
  /** The connection; read models may live in the same file. */
  readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly feed: CatchUpFeed;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private commits = 0;

  constructor(options: SqliteEventStoreOptions) {
    const { filename } = options;
    if (filename !== ':memory:' && filename !== '' && !filename.startsWith('file:')) {
      mkdirSync(dirname(resolve(filename)), { recursive: true });
    }
    this.db = new Database(filename);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      migrate(this.db);
      this.sql = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.feed = new CatchUpFeed((after, limit) => this.sql.readAll.all(after, limit).map(toStoredEvent));
  }

  /** Transactions committed so far; fewer than appends when group commit works. */
  get commitCount(): number {
    return this.commits;
  }

  get subscriberCount(): number {
    return this.feed.subscriberCount;
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.assertOpen();
      const serialized = prepareAppend(streamId, events, expectedRevision);
      this.queue.push({ streamId, events: serialized, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.sql.readStream.all(streamId, Math.max(0, options.fromRevision ?? 0), -1).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.sql.readAll.all(options.after ?? 0n, sqlLimit(options.limit)).map(toStoredEvent);
  }

  subscribe(after: bigint = 0n): Observable<StoredEvent> {
    return this.feed.subscribe(after);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.sql.headPosition.get()?.head ?? 0n;
  }

  /** Commits what is queued, lets subscribers catch up and completes them, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    this.feed.complete();
    this.db.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    let outcomes: Outcome[];
    try {
      outcomes = this.writeBatch(batch);
    } catch (error) {
      // The transaction did not commit, so none of the batch is durable, including appends that passed their checks.
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.commits++;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok && outcome.wrote)) this.feed.notify();
  }

  private writeBatch(batch: PendingAppend[]): Outcome[] {
    this.sql.begin.run();
    try {
      const outcomes = batch.map((pending) => this.applyOne(pending));
      this.sql.commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
      throw error;
    }
  }

  private applyOne(pending: PendingAppend): Outcome {
    try {
      return this.writeAppend(pending);
    } catch (error) {
      // Some errors (I/O, disk full) end the whole transaction; they cannot be confined to this append.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }

  /** Runs inside the batch transaction, so it sees the writes of earlier appends of the same batch. */
  private writeAppend({ streamId, events, expected }: PendingAppend): Outcome {
    const ids = events.map((event) => event.id);
    const first = this.sql.findEvent.get(ids[0]);
    if (first) {
      const run = this.sql.readStream.all(first.stream_id, first.revision, ids.length).map(toStoredEvent);
      return { ok: true, result: resolveRetry(streamId, ids, run), wrote: false };
    }
    for (const id of ids.slice(1)) {
      if (this.sql.findEvent.get(id)) throw new DuplicateEventIdError(id, streamId);
    }
    const current = this.sql.streamRevision.get(streamId)?.revision;
    checkExpectedRevision(streamId, expected, current);

    const base = current === undefined ? 0 : current + 1;
    this.sql.savepoint.run();
    try {
      const stored = events.map((event, i): StoredEvent => {
        const revision = base + i;
        const { lastInsertRowid } = this.sql.insertEvent.run(
          event.id,
          streamId,
          revision,
          event.type,
          event.data,
          event.metadata,
        );
        return {
          id: event.id,
          streamId,
          type: event.type,
          revision,
          position: BigInt(lastInsertRowid),
          data: JSON.parse(event.data) as unknown,
          metadata: JSON.parse(event.metadata) as StoredEvent['metadata'],
        };
      });
      this.sql.upsertStream.run(streamId, base + events.length - 1);
      this.sql.release.run();
      return { ok: true, result: toAppendResult(streamId, stored), wrote: true };
    } catch (error) {
      if (this.db.inTransaction) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
