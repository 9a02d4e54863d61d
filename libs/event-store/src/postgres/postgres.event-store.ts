import { Observable } from 'rxjs';
import { StoreCapabilities, WithCapabilities } from '../capabilities';
import { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '../event-store.port';
import { EventStoreClosedError, prepareAppend } from '../common/append-checks';
import { CatchUpFeed } from '../common/catch-up.feed';
import { PgCommitListener } from './pg-commit-listener';
import { PgDatabase } from './pg-database';
import { PgGroupCommit } from './pg-group-commit';
import { PgIntegrity } from './pg-integrity';
import { PgEventRow, PgStatements, pgStatements, toStoredEvent } from './pg-statements';
import { migratePostgres, quoteSchema } from './postgres.migrations';

export interface PostgresEventStoreOptions {
  /** postgres://user:password@host:port/database (any libpq-style URL node-postgres understands). */
  connectionString: string;
  /** Schema holding the store's tables; created if missing. Default `casetrail`. */
  schema?: string;
  /** Connections in the pool (appends use one at a time; reads and subscribers the rest). Default 10. */
  poolSize?: number;
  /** How long to wait for a connection before reporting the database unreachable, in ms. Default 10000. */
  connectTimeoutMs?: number;
  /** Subscribers look for commits this often even without a notification (the fallback for a lost LISTEN). Default 1000. */
  pollIntervalMs?: number;
  /**
   * LISTEN for commits (default true). false leaves live delivery to the poll alone: for connection poolers that
   * cannot hold a LISTEN (PgBouncer in transaction mode), and for tests of the fallback.
   */
  listen?: boolean;
  /** Anchor the global chain whenever the head crosses a multiple of this many events (0: never). Default 1000. */
  anchorEvery?: number;
  /** Most appends committed in one transaction. Default 500. */
  maxBatch?: number;
  /** Errors of background work (listener, poll, a subscriber's read) that will be retried; default: ignored. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Fault injection for tests: awaited inside every append transaction after its rows are written and before COMMIT,
   * i.e. while the append lock is held. Never set in production.
   */
  beforeCommit?: () => Promise<void>;
}

/**
 * The PostgreSQL event store.
 *
 * Global order, and why a subscriber can follow it with "position > checkpoint": every append transaction first takes
 * a transaction-scoped advisory lock (one key per schema), then reads the head and gives its events head+1, head+2, ….
 * The lock is held until COMMIT and PostgreSQL releases a transaction's locks only after its commit is visible, so the
 * next appender, in this process or any other, sees that commit and numbers after it. Positions therefore become
 * visible in order, with no hole: whoever sees position n also sees every position below it. A bigserial would not do:
 * its values are handed out at INSERT, not at COMMIT, so a transaction holding position 5 can commit after one holding
 * 6, and a reader that saw 6 and moved its checkpoint past 5 would skip 5 forever (test/event-store/postgres.concurrency
 * shows this happening on a plain bigserial table). The global hash chain needs the same serialisation anyway: each
 * event's global hash covers the previous one's, so appends cannot be computed side by side.
 *
 * Serialising appends costs throughput, which group commit buys back: appends queued while a transaction runs share
 * the next one (one lock, one COMMIT, one fsync), each still checked on its own so a failing append rejects only itself.
 * The alternative (a bigserial plus readers that stop below pg_snapshot_xmin, as Marten and emmett do) lets writers
 * run in parallel but delays every reader by the oldest open transaction and still leaves the hash chain unordered.
 *
 * Live delivery: each commit sends NOTIFY (delivered only once it commits); a dedicated connection LISTENs and wakes
 * the subscribers, and re-LISTENs after reconnecting. A poll of the head is the fallback for notifications lost while
 * that connection was down.
 *
 * The parts: pg-group-commit (the append transactions), pg-commit-listener (LISTEN, reconnect, poll), pg-integrity
 * (verification and anchors), pg-statements (the SQL), pg-database (the pool and its errors).
 */
export class PostgresEventStore implements EventStore, WithCapabilities {
  readonly schema: string;
  /** Where the store connects, without the password: for messages and logs. */
  readonly target: string;
  readonly capabilities: StoreCapabilities & { readonly integrity: PgIntegrity };
  private readonly db: PgDatabase;
  private readonly sql: PgStatements;
  private readonly feed: CatchUpFeed;
  private readonly writer: PgGroupCommit;
  private readonly listener: PgCommitListener;
  private closed = false;
  private closing: Promise<void> | null = null;

  /** Connects, applies pending migrations and starts listening; rejects with PostgresUnavailableError if it cannot connect. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await migratePostgres(store.db.pool, store.schema);
      await store.listener.start();
    } catch (error) {
      await store.shutdownConnections();
      throw store.db.wrap(error);
    }
    return store;
  }

  private constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'casetrail';
    const q = quoteSchema(this.schema);
    const channel = `casetrail_events_${this.schema}`.slice(0, 63);
    this.db = new PgDatabase(
      options.connectionString,
      options.poolSize ?? 10,
      options.connectTimeoutMs ?? 10_000,
      options.onBackgroundError,
    );
    this.target = this.db.target;
    this.sql = pgStatements(q, this.schema, channel);
    this.feed = new CatchUpFeed(
      // Not readAll(): subscribers still read while close() lets them catch up, after the store refuses new calls.
      async (after, limit) => (await this.db.query<PgEventRow>(this.sql.readAll(after, limit))).map(toStoredEvent),
      (error) => {
        this.listener.readFailedOnce();
        this.db.report(error);
      },
    );
    this.listener = new PgCommitListener(this.db, {
      channel,
      listen: options.listen !== false,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      readHead: () => this.readHead(),
      hasSubscribers: () => this.feed.subscriberCount > 0,
      headMoved: () => this.feed.notify(),
    });
    this.writer = new PgGroupCommit(
      this.db,
      this.sql,
      { anchorEvery: options.anchorEvery ?? 1000, maxBatch: options.maxBatch ?? 500, beforeCommit: options.beforeCommit },
      (head) => this.listener.committed(head),
    );
    this.capabilities = { integrity: new PgIntegrity(this.db, q, () => this.assertOpen()) };
  }

  /** Transactions committed so far; fewer than appends when group commit works. */
  get commitCount(): number {
    return this.writer.commitCount;
  }

  get subscriberCount(): number {
    return this.feed.subscriberCount;
  }

  /** How many times the LISTEN connection has (re)connected; for tests of the reconnect path. */
  get listenerConnections(): number {
    return this.listener.connections;
  }

  /** The backend pid of the LISTEN connection, or null while it is down; for tests that cut it. */
  get listenerPid(): number | null {
    return this.listener.pid;
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const request = { streamId, events: prepareAppend(streamId, events, expectedRevision), expected: expectedRevision };
    // PostgreSQL text cannot hold NUL; refused here so that it cannot abort a transaction shared with other appends.
    for (const text of [streamId, ...request.events.flatMap((e) => [e.id, e.type])]) {
      if (text.includes('\u0000')) throw new TypeError(`Stream ${streamId}: ids and types must not contain NUL characters`);
    }
    return this.writer.append(request);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return (await this.db.query<PgEventRow>(this.sql.readStream(streamId, Math.max(0, options.fromRevision ?? 0), null))).map(
      toStoredEvent,
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = options.limit === undefined || !Number.isFinite(options.limit) ? null : Math.max(0, Math.floor(options.limit));
    return (await this.db.query<PgEventRow>(this.sql.readAll(options.after ?? 0n, limit))).map(toStoredEvent);
  }

  subscribe(after: bigint = 0n): Observable<StoredEvent> {
    return this.feed.subscribe(after);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.readHead();
  }

  /** Commits what is queued, lets subscribers catch up and completes them, then closes every connection. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = (async () => {
      await this.writer.idle();
      this.listener.close();
      await this.feed.complete();
      await this.shutdownConnections();
    })();
    return this.closing;
  }

  private async shutdownConnections(): Promise<void> {
    await this.listener.end();
    await this.db.end();
  }

  private async readHead(): Promise<bigint> {
    const [row] = await this.db.query<{ head: string }>(this.sql.headPosition);
    return BigInt(row.head);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
