import { Client, ClientConfig, Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
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
  WrongExpectedRevisionError,
} from '../event-store.port';
import { EventStoreClosedError, SerializedEvent, checkExpectedRevision, prepareAppend, resolveRetry, toAppendResult } from '../shared/append-checks';
import { CatchUpFeed } from '../shared/catch-up.feed';
import { Anchor, ChainWalker, IntegrityReport } from '../shared/chain-walker';
import { GENESIS_HASH, eventHash, globalHash } from '../shared/hash-chain';
import { PostgresUnavailableError, describeConnectionString, isUnavailable } from './postgres.errors';
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

interface PendingAppend {
  request: { streamId: string; events: SerializedEvent[]; expected: ExpectedRevision };
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; wrote: boolean; stored: StoredEvent[] } | { ok: false; error: Error };

interface EventRowPg extends QueryResultRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

// ORDER BY below names events.position: a bare `position` would mean this text output column and sort as text.
const COLUMNS = 'position::text AS position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash';

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
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  /** Where the store connects, without the password: for messages and logs. */
  readonly target: string;
  private readonly pool: Pool;
  private readonly q: string;
  private readonly channel: string;
  private readonly feed: CatchUpFeed;
  private readonly sql: ReturnType<typeof statements>;
  private readonly options: Required<Pick<PostgresEventStoreOptions, 'pollIntervalMs' | 'anchorEvery' | 'maxBatch'>> & PostgresEventStoreOptions;
  private queue: PendingAppend[] = [];
  private writing = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;
  private commits = 0;
  /** Highest position known committed (local commits, notifications, polls): a wake-up below it is a repeat. */
  private knownHead = 0n;
  private listener: Client | null = null;
  private listenerConnects = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = 100;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private readFailed = false;

  /** Connects, applies pending migrations and starts listening; rejects with PostgresUnavailableError if it cannot connect. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.start();
    } catch (error) {
      await store.shutdownConnections();
      throw store.wrap(error);
    }
    return store;
  }

  private constructor(options: PostgresEventStoreOptions) {
    this.options = { pollIntervalMs: 1000, anchorEvery: 1000, maxBatch: 500, ...options };
    this.schema = options.schema ?? 'casetrail';
    this.q = quoteSchema(this.schema);
    this.channel = `casetrail_events_${this.schema}`.slice(0, 63);
    this.target = describeConnectionString(options.connectionString);
    this.pool = new Pool({ ...this.clientConfig(), max: Math.max(1, options.poolSize ?? 10), idleTimeoutMillis: 30_000 });
    // An idle pooled connection that dies (server restart) emits here; unhandled, it would crash the process.
    this.pool.on('error', (error) => this.report(error));
    this.sql = statements(this.q, this.schema, this.channel);
    this.feed = new CatchUpFeed(
      // Not readAll(): subscribers still read while close() lets them catch up, after the store refuses new calls.
      async (after, limit) => (await this.query<EventRowPg>(this.sql.readAll(after, limit))).map(toStoredEvent),
      (error) => {
        this.readFailed = true;
        this.report(error);
      },
    );
  }

  /** Transactions committed so far; fewer than appends when group commit works. */
  get commitCount(): number {
    return this.commits;
  }

  get subscriberCount(): number {
    return this.feed.subscriberCount;
  }

  /** How many times the LISTEN connection has (re)connected; for tests of the reconnect path. */
  get listenerConnections(): number {
    return this.listenerConnects;
  }

  /** The backend pid of the LISTEN connection, or null while it is down; for tests that cut it. */
  get listenerPid(): number | null {
    return (this.listener as unknown as { processID?: number } | null)?.processID ?? null;
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.assertOpen();
      const request = { streamId, events: prepareAppend(streamId, events, expectedRevision), expected: expectedRevision };
      // PostgreSQL text cannot hold NUL; refused here so that it cannot abort a transaction shared with other appends.
      for (const text of [streamId, ...request.events.flatMap((e) => [e.id, e.type])]) {
        if (text.includes('\u0000')) throw new TypeError(`Stream ${streamId}: ids and types must not contain NUL characters`);
      }
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return (await this.query<EventRowPg>(this.sql.readStream(streamId, Math.max(0, options.fromRevision ?? 0), null))).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = options.limit === undefined || !Number.isFinite(options.limit) ? null : Math.max(0, Math.floor(options.limit));
    return (await this.query<EventRowPg>(this.sql.readAll(options.after ?? 0n, limit))).map(toStoredEvent);
  }

  subscribe(after: bigint = 0n): Observable<StoredEvent> {
    return this.feed.subscribe(after);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.readHead();
  }

  /**
   * Recomputes both hash chains over the whole log, page by page, and checks the anchors (the same walk as SQLite's
   * verifyIntegrity): names the first edited, missing, inserted, reordered or truncated position.
   */
  async verifyIntegrity(pageSize = 5000): Promise<IntegrityReport> {
    this.assertOpen();
    const walker = new ChainWalker(await this.listAnchors());
    let after = 0n;
    for (;;) {
      const rows = await this.query<EventRowPg & { global_hash: string | null }>({
        text: `SELECT ${COLUMNS}, global_hash FROM ${this.q}.events WHERE position > $1 ORDER BY events.position LIMIT $2`,
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

  async listAnchors(): Promise<Anchor[]> {
    this.assertOpen();
    const rows = await this.query<{ seq: string; position: string; global_hash: string; created_at: Date; reason: string }>(
      `SELECT seq::text AS seq, position::text AS position, global_hash, created_at, reason FROM ${this.q}.anchors ORDER BY seq`,
    );
    return rows.map((a) => ({ seq: Number(a.seq), position: a.position, globalHash: a.global_hash, createdAt: a.created_at.toISOString(), reason: a.reason }));
  }

  /** Commits what is queued, lets subscribers catch up and completes them, then closes every connection. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = (async () => {
      if (this.writing || this.queue.length) await new Promise<void>((resolve) => (this.drained = resolve));
      if (this.pollTimer) clearInterval(this.pollTimer);
      if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
      await this.feed.complete();
      await this.shutdownConnections();
    })();
    return this.closing;
  }

  /* ---------------------------------------------------------------------------------------------------------- */

  private clientConfig(): ClientConfig {
    return {
      connectionString: this.options.connectionString,
      // node-postgres waits forever by default; an unreachable server must fail start-up, not hang it.
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 10_000,
      application_name: 'casetrail',
    };
  }

  private async start(): Promise<void> {
    await migratePostgres(this.pool, this.schema);
    this.knownHead = await this.readHead();
    if (this.options.listen !== false) await this.connectListener();
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.pollTimer.unref();
  }

  private async shutdownConnections(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    if (listener) await listener.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async connectListener(): Promise<void> {
    const client = new Client(this.clientConfig());
    const lost = (error?: unknown) => this.listenerLost(client, error);
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => this.headMoved(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.listenerConnects++;
    this.reconnectDelay = 100;
    // Whatever committed while nobody listened is found by the subscribers reading onward from where they are.
    this.feed.notify();
  }

  private listenerLost(client: Client, error?: unknown): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.report(error ?? new Error('LISTEN connection closed'));
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed) return;
      this.connectListener().catch((error: unknown) => {
        this.report(error);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  private headMoved(payload: string | undefined): void {
    let head: bigint;
    try {
      head = BigInt(payload ?? '');
    } catch {
      head = this.knownHead + 1n;
    }
    if (head <= this.knownHead) return;
    this.knownHead = head;
    this.feed.notify();
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed || this.feed.subscriberCount === 0) return;
    this.polling = true;
    try {
      const head = await this.readHead();
      if (head > this.knownHead || this.readFailed) {
        this.readFailed = false;
        this.knownHead = head > this.knownHead ? head : this.knownHead;
        this.feed.notify();
      }
    } catch (error) {
      this.report(error);
    } finally {
      this.polling = false;
    }
  }

  private schedule(): void {
    if (this.writing) return;
    this.writing = true;
    // One turn of the event loop lets appends fired together share the first transaction too.
    setImmediate(() => void this.writeQueued());
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      await this.commitBatch(batch);
    }
    this.writing = false;
    this.drained?.();
  }

  private async commitBatch(batch: PendingAppend[]): Promise<void> {
    try {
      this.settle(batch, await this.transaction(batch));
    } catch (error) {
      if (batch.length === 1 || error instanceof PostgresUnavailableError) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // Something other than an append's own check failed the shared transaction, so nothing of it committed. Each
      // append then gets a transaction of its own, so the one at fault fails alone. Safe even if the COMMIT's outcome
      // was unknown: appends are idempotent by event id, so a repeat returns what the first attempt stored.
      for (const pending of batch) {
        try {
          this.settle([pending], await this.transaction([pending]));
        } catch (own) {
          pending.reject(own);
        }
      }
    }
  }

  private settle(batch: PendingAppend[], outcomes: Outcome[]): void {
    this.commits++;
    let head = 0n;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) return pending.reject(outcome.error);
      if (outcome.wrote) head = outcome.stored[outcome.stored.length - 1].position;
      pending.resolve(toAppendResult(pending.request.streamId, outcome.stored));
    });
    if (head > this.knownHead) {
      this.knownHead = head;
      this.feed.notify();
    }
  }

  /** One transaction: the append lock, each append checked and written in turn, the automatic anchor, NOTIFY, COMMIT. */
  private async transaction(batch: PendingAppend[]): Promise<Outcome[]> {
    const client = await this.connect();
    let failed = false;
    try {
      await client.query(this.sql.beginAndLock);
      try {
        const [head] = (await client.query<{ position: string; global_hash: string }>(this.sql.globalHead)).rows;
        const before = head ? BigInt(head.position) : 0n;
        const state = { position: before, global: head?.global_hash ?? GENESIS_HASH };
        const outcomes: Outcome[] = [];
        for (const { request } of batch) {
          try {
            outcomes.push(await this.writeAppend(client, request, state));
          } catch (error) {
            // An append's own refusal is decided before it writes anything, so the transaction goes on for the others.
            if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
        const every = BigInt(this.options.anchorEvery);
        if (every > 0n && state.position / every > before / every)
          await client.query(this.sql.insertAnchor(state.position, state.global));
        if (this.options.beforeCommit) await this.options.beforeCommit();
        await client.query(state.position > before ? this.sql.notifyAndCommit(state.position) : 'COMMIT');
        return outcomes;
      } catch (error) {
        failed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } catch (error) {
      failed = true;
      throw this.wrap(error);
    } finally {
      // A connection whose transaction failed in an unknown way is not handed to the next caller.
      client.release(failed);
    }
  }

  private async writeAppend(
    client: PoolClient,
    { streamId, events, expected }: PendingAppend['request'],
    state: { position: bigint; global: string },
  ): Promise<Outcome> {
    const ids = events.map((e) => e.id);
    const { rows } = await client.query<{ kind: 'e' | 's'; stream_id: string; revision: number; event_id: string | null; hash: string | null }>(
      this.sql.check(ids, streamId),
    );
    const found = new Map<string, { stream_id: string; revision: number }>();
    let stream: { revision: number; hash: string } | undefined;
    for (const row of rows) {
      if (row.kind === 's') stream = { revision: row.revision, hash: row.hash! };
      else found.set(row.event_id!, row);
    }
    if (found.size) {
      const first = found.get(ids[0]);
      if (!first) throw new DuplicateEventIdError(ids.find((id) => found.has(id))!, streamId);
      const run = (await client.query<EventRowPg>(this.sql.readStream(first.stream_id, first.revision, ids.length))).rows.map(toStoredEvent);
      return { ok: true, wrote: false, stored: resolveRetry(streamId, ids, run).events };
    }
    checkExpectedRevision(streamId, expected, stream?.revision);

    const base = stream ? stream.revision + 1 : 0;
    let prev = stream?.hash ?? GENESIS_HASH;
    let global = state.global;
    let position = state.position;
    const stored: StoredEvent[] = [];
    const columns = { positions: [] as string[], revisions: [] as number[], prevs: [] as string[], hashes: [] as string[], globals: [] as string[] };
    events.forEach((event, i) => {
      const revision = base + i;
      const hash = eventHash(prev, { streamId, revision, id: event.id, type: event.type, data: event.data, metadata: event.metadata });
      global = globalHash(global, hash);
      position += 1n;
      columns.positions.push(String(position));
      columns.revisions.push(revision);
      columns.prevs.push(prev);
      columns.hashes.push(hash);
      columns.globals.push(global);
      // Parsed from the written text, so the result shares no object with the caller's input.
      stored.push({ id: event.id, streamId, type: event.type, revision, position, data: JSON.parse(event.data) as unknown, metadata: JSON.parse(event.metadata) as StoredEvent['metadata'], prevHash: prev, hash });
      prev = hash;
    });
    await client.query(
      this.sql.insert([
        columns.positions,
        ids,
        streamId,
        columns.revisions,
        events.map((e) => e.type),
        events.map((e) => e.data),
        events.map((e) => e.metadata),
        columns.prevs,
        columns.hashes,
        columns.globals,
        base + events.length - 1,
        prev,
      ]),
    );
    state.position = position;
    state.global = global;
    return { ok: true, wrote: true, stored };
  }

  private async readHead(): Promise<bigint> {
    const [row] = await this.query<{ head: string }>(this.sql.headPosition);
    return BigInt(row.head);
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private async query<R extends QueryResultRow>(config: QueryConfig | string): Promise<R[]> {
    try {
      return (await this.pool.query<R>(config)).rows;
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private wrap(error: unknown): unknown {
    return isUnavailable(error) && !(error instanceof PostgresUnavailableError) ? new PostgresUnavailableError(this.target, error) : error;
  }

  private report(error: unknown): void {
    this.options.onBackgroundError?.(this.wrap(error));
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

/** Every statement the store runs. Named statements are prepared once per connection. */
function statements(q: string, schema: string, channel: string) {
  // The schema name is validated (quoteSchema), so it is safe inside these literals.
  const appendLockKey = `hashtextextended('casetrail.append:${schema}', 0)`;
  return {
    // READ COMMITTED whatever the server's default: each statement after the lock must see the previous holder's
    // commit, which a REPEATABLE READ snapshot taken before the lock was granted would not.
    beginAndLock: `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${appendLockKey})`,
    globalHead: { name: `${schema}.head`, text: `SELECT position::text AS position, global_hash FROM ${q}.events ORDER BY events.position DESC LIMIT 1` },
    headPosition: { name: `${schema}.headPosition`, text: `SELECT COALESCE(max(position), 0)::text AS head FROM ${q}.events` },
    check: (ids: string[], streamId: string): QueryConfig => ({
      name: `${schema}.check`,
      text: `SELECT 'e' AS kind, stream_id, revision, event_id, NULL::text AS hash FROM ${q}.events WHERE event_id = ANY($1::text[])
             UNION ALL
             SELECT 's', stream_id, revision, NULL, hash FROM ${q}.streams WHERE stream_id = $2`,
      values: [ids, streamId],
    }),
    readStream: (streamId: string, fromRevision: number, limit: number | null): QueryConfig => ({
      name: `${schema}.readStream`,
      text: `SELECT ${COLUMNS} FROM ${q}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY events.revision LIMIT $3`,
      values: [streamId, fromRevision, limit],
    }),
    readAll: (after: bigint, limit: number | null): QueryConfig => ({
      name: `${schema}.readAll`,
      text: `SELECT ${COLUMNS} FROM ${q}.events WHERE position > $1 ORDER BY events.position LIMIT $2`,
      values: [String(after), limit],
    }),
    // One round trip writes the events and moves the stream's row (a data-modifying CTE always runs to completion).
    insert: (values: unknown[]): QueryConfig => ({
      name: `${schema}.insert`,
      text: `WITH written AS (
               INSERT INTO ${q}.events (position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash)
               SELECT p, e, $3, r, t, d, m, ph, h, g
               FROM unnest($1::bigint[], $2::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                 AS u(p, e, r, t, d, m, ph, h, g)
             )
             INSERT INTO ${q}.streams (stream_id, revision, hash) VALUES ($3, $11, $12)
             ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, hash = EXCLUDED.hash`,
      values,
    }),
    insertAnchor: (position: bigint, hash: string): QueryConfig => ({
      text: `INSERT INTO ${q}.anchors (position, global_hash, created_at, reason) VALUES ($1, $2, now(), 'automatic')`,
      values: [String(position), hash],
    }),
    // NOTIFY is delivered only if and when the transaction commits, so a listener never hears of an uncommitted head.
    notifyAndCommit: (head: bigint) => `SELECT pg_notify('${channel}', '${head}'); COMMIT`,
  };
}

function toStoredEvent(row: EventRowPg): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    revision: row.revision,
    // int8 arrives as a string (it may not fit a double); positions are bigint throughout.
    position: BigInt(row.position),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
