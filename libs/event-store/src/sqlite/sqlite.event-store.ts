import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { startWorker } from '@app/threads';
import { Observable } from 'rxjs';
import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '../event-store.port';
import { StoreCapabilities, WithCapabilities } from '../capabilities';
import { EventStoreClosedError, prepareAppend, toAppendResult } from '../common/append-checks';
import { CatchUpFeed } from '../common/catch-up.feed';
import { AppendRequest, ErrorShape, SqliteBatchWriter, WriteOutcome, fromErrorShape } from './sqlite-batch-writer';
import { decodeOutcomes, encodeBatch } from './batch-wire';
import { SqliteIntegrity } from './sqlite-integrity';
import { sqliteProjectionHost } from './sqlite-projection-host';
import { migrate } from './sqlite.migrations';
import { RecentCommits } from './recent-commits';
import { DEFAULT_BUSY_TIMEOUT_MS, openSqlite } from './sqlite.open';
import { prepareStatements, sqlLimit, SqliteStatements, tupleToStoredEvent } from './sqlite.statements';

export interface SqliteEventStoreOptions {
  /** Database file (its directory is created); ':memory:' for a throwaway store. */
  filename: string;
  /** How long a write waits for another connection's lock before failing, in ms; default DEFAULT_BUSY_TIMEOUT_MS (30 s). */
  busyTimeoutMs?: number;
  /**
   * `worker` (default for files): commits run on a writer thread, so fsync never blocks this thread.
   * `inline`: commits run here (always so for ':memory:', which a second connection cannot share).
   */
  writer?: 'worker' | 'inline';
  /** Called after every commit that wrote events (e.g. to tell another thread's subscribers). */
  onCommit?: () => void;
  /** A subscriber's read that failed (it is retried on the next commit); default: ignored. */
  onBackgroundError?: (error: unknown) => void;
}

interface PendingAppend {
  request: AppendRequest;
  events: NewEvent[];
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded production event store. Every acknowledged append is fsync-durable (WAL + synchronous=FULL); since an
 * fsync per append would cap throughput, appends queued while the previous commit runs share one transaction (group
 * commit), each still checked on its own so a failing append rejects only itself. Reads use this thread's connection
 * and see every committed write (WAL readers never wait for the writer).
 */
export class SqliteEventStore implements EventStore, WithCapabilities {
  /** Tamper evidence, commit notifications, and the file the read models live in (on the read connection). */
  readonly capabilities: Required<StoreCapabilities>;
  /** The read connection. */
  private readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly feed: CatchUpFeed;
  private readonly inlineWriter: SqliteBatchWriter | null = null;
  private readonly worker: Worker | null = null;
  private queue: PendingAppend[] = [];
  private inflight: PendingAppend[] | null = null;
  private flushScheduled = false;
  private closed = false;
  private broken: Error | null = null;
  private commits = 0;
  private batchId = 0;
  private drained: (() => void) | null = null;
  private readonly onCommit: (() => void) | undefined;
  private readonly commitListeners = new Set<() => void>();
  /** What this store committed last, for its subscribers (they need not read their own commits back). */
  private readonly recent = new RecentCommits();

  constructor(options: SqliteEventStoreOptions) {
    const busy = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    this.onCommit = options.onCommit;
    this.db = openSqlite(options.filename, busy);
    try {
      migrate(this.db);
      this.sql = prepareStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.feed = new CatchUpFeed(
      (after, limit) => this.recent.page(after, limit) ?? this.sql.readAll.all(after, limit).map(tupleToStoredEvent),
      options.onBackgroundError,
    );
    const memory = options.filename === ':memory:' || options.filename === '';
    if (memory || options.writer === 'inline') this.inlineWriter = new SqliteBatchWriter(this.db);
    else this.worker = this.startWorker(options.filename, busy);
    this.capabilities = {
      integrity: new SqliteIntegrity(this.db),
      commitNotifications: { onCommitted: (listener) => this.onCommitted(listener) },
      sqliteProjectionHost: sqliteProjectionHost(this.db, options.filename),
    };
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
      if (this.broken) throw this.broken;
      const request: AppendRequest = { streamId, events: prepareAppend(streamId, events, expectedRevision), expected: expectedRevision };
      this.queue.push({ request, events, resolve, reject });
      this.schedule();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.sql.readStream.all(streamId, Math.max(0, options.fromRevision ?? 0), -1).map(tupleToStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.sql.readAll.all(options.after ?? 0n, sqlLimit(options.limit)).map(tupleToStoredEvent);
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
    if (this.queue.length || this.inflight) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        this.dispatch();
      });
    }
    if (this.worker) {
      await new Promise<void>((resolve) => {
        this.worker!.once('exit', () => resolve());
        this.worker!.once('message', () => void this.worker!.terminate());
        this.worker!.postMessage({ type: 'close' });
      });
    }
    await this.feed.complete();
    this.db.close();
  }

  private schedule(): void {
    if (this.flushScheduled || this.inflight) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.dispatch();
    });
  }

  /** Sends everything queued as one batch, unless a batch is still committing (it then goes when that one is done). */
  private dispatch(): void {
    if (this.inflight) return;
    if (this.queue.length === 0) {
      this.drained?.();
      return;
    }
    const batch = this.queue;
    this.queue = [];
    const requests = batch.map((p) => p.request);
    if (this.inlineWriter) {
      let outcomes: WriteOutcome[];
      try {
        outcomes = this.inlineWriter.write(requests);
      } catch (error) {
        this.settleFailed(batch, error);
        this.dispatch();
        return;
      }
      this.settle(batch, outcomes);
      this.dispatch();
      return;
    }
    this.inflight = batch;
    // Keeps the process alive while a commit is owed to someone; an idle writer does not.
    this.worker!.ref();
    this.worker!.postMessage({ type: 'batch', id: ++this.batchId, appends: encodeBatch(requests) });
  }

  private settle(batch: PendingAppend[], outcomes: WriteOutcome[]): void {
    this.commits++;
    let wrote = false;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) return pending.reject(fromErrorShape(outcome.error));
      if (!outcome.wrote) return pending.resolve(toAppendResult(pending.request.streamId, outcome.stored));
      wrote = true;
      const { streamId, events } = pending.request;
      events.forEach((e, j) =>
        this.recent.add([
          outcome.positions[j],
          e.id,
          streamId,
          BigInt(outcome.firstRevision + j),
          e.type,
          e.data,
          e.metadata,
          outcome.hashes[j][0],
          outcome.hashes[j][1],
        ]),
      );
      const stored = pending.events.map((e, j): StoredEvent => ({
        id: e.id,
        streamId: pending.request.streamId,
        type: e.type,
        revision: outcome.firstRevision + j,
        position: outcome.positions[j],
        data: e.data,
        metadata: e.metadata,
        prevHash: outcome.hashes[j][0],
        hash: outcome.hashes[j][1],
      }));
      pending.resolve(toAppendResult(pending.request.streamId, stored));
    });
    if (wrote) {
      this.feed.notify();
      this.onCommit?.();
      for (const listener of this.commitListeners) listener();
    }
  }

  /** Calls `listener` after every commit that wrote events (cheap: no event is read); returns the unsubscribe. */
  private onCommitted(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Another connection (another thread or process) committed events: wake this store's subscribers. */
  notifyCommitted(): void {
    this.recent.clear();
    if (!this.closed) this.feed.notify();
  }

  /** The transaction did not commit, so none of the batch is durable, including appends that passed their checks. */
  private settleFailed(batch: PendingAppend[], error: unknown): void {
    for (const pending of batch) pending.reject(error);
  }

  private startWorker(filename: string, busyTimeoutMs: number): Worker {
    const worker = startWorker(__dirname, 'sqlite-writer', { filename, busyTimeoutMs }, __filename.endsWith('.js'));
    worker.on('message', (m: { type: string; outcomes?: string; error?: ErrorShape }) => {
      if (m.type !== 'done' && m.type !== 'failed') return;
      const batch = this.inflight!;
      this.inflight = null;
      worker.unref();
      if (m.type === 'done') this.settle(batch, decodeOutcomes(m.outcomes!));
      else this.settleFailed(batch, fromErrorShape(m.error!));
      this.dispatch();
    });
    worker.on('error', (error) => {
      // The writer is gone: nothing in flight or queued can be acknowledged, and nothing more can be written.
      this.broken = error;
      const lost = [...(this.inflight ?? []), ...this.queue];
      this.inflight = null;
      this.queue = [];
      this.settleFailed(lost, error);
      this.drained?.();
    });
    worker.unref();
    return worker;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
