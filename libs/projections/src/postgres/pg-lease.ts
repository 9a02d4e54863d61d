import { Client, ClientConfig } from 'pg';

/** The lease of the projections of one schema: every instance of a deployment uses the same name. */
export const projectionsLeaseName = (schema: string) => `casetrail.projections:${schema}`;
/** The lease of the deadline scheduler of one schema (for DeadlineSchedulerService: tick only while held). */
export const deadlineSchedulerLeaseName = (schema: string) => `casetrail.deadlines:${schema}`;

export interface PgLeaseOptions {
  /** Where to open the lease's own connection (never a pooled one: the lock lives exactly as long as this session). */
  connection: string | ClientConfig;
  /** What the lease is for, e.g. `casetrail.projections:casetrail`; every instance must use the same name. */
  name: string;
  /** How often an instance without the lease tries to take it, in ms. Default 1000. */
  retryIntervalMs?: number;
  /** How often the holder checks that its connection (and so the lock) is still there, in ms. Default 1000. */
  checkIntervalMs?: number;
  /** Called once each time the lease is taken, with the connection that holds it. */
  onAcquired?: (client: Client) => void;
  /** Called once each time a held lease is lost (connection ended, terminated or failed) or released. */
  onLost?: (reason: unknown) => void;
  /** Errors while standing by (cannot connect, a try failed); retried on the next interval. Default: ignored. */
  onError?: (error: unknown) => void;
}

const sleep = (ms: number, signal: { wake?: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

/**
 * A lease that one process at a time holds across every instance sharing a PostgreSQL database: a session-level
 * advisory lock (`pg_try_advisory_lock`) taken on a connection of its own. PostgreSQL releases the lock when that
 * session ends — the holder closes it, its process dies (SIGKILL closes the socket), or the session is terminated —
 * and an instance standing by, which tries again every `retryIntervalMs`, then takes it over.
 *
 * Work that must never run twice should run on `client` itself (PgProjectionRunner does): when the lease is lost that
 * very connection is gone, so the old holder cannot commit anything after a successor took over. Work that runs
 * elsewhere (the deadline scheduler appends through the event store) has a window of up to `checkIntervalMs` in which
 * the old holder has not yet noticed; `confirm()` just before the work narrows it, and such work must be idempotent.
 *
 * A holder that vanishes without closing its socket (power or network loss) is noticed by the server through TCP
 * keepalives, which this connection sets short (tcp_keepalives_*), so the lock is freed within about 15 s there too.
 */
export class PgLease {
  private readonly key: string;
  private readonly retryMs: number;
  private readonly checkMs: number;
  private connection: Client | null = null;
  private holding: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly signal: { wake?: () => void } = {};
  private acquiredWaiters: ((client: Client) => void)[] = [];
  private tries = 0;
  private justLost = false;
  /** Connections already closed: pg's end() on one would wait for an 'end' that has already happened. */
  private readonly ended = new WeakSet<Client>();

  constructor(private readonly options: PgLeaseOptions) {
    this.key = options.name;
    this.retryMs = options.retryIntervalMs ?? 1000;
    this.checkMs = options.checkIntervalMs ?? 1000;
  }

  /** Whether this process holds the lease (as far as it has seen: see `confirm`). */
  get held(): boolean {
    return this.holding !== null;
  }

  /** How many times this process has tried to take the lease (for tests: a standby has tried and been refused). */
  get attempts(): number {
    return this.tries;
  }

  /** The connection holding the lease, or null. */
  get client(): Client | null {
    return this.holding;
  }

  /** The server process id of the lease's connection (for tests that terminate it), or null. */
  get backendPid(): number | null {
    return (this.connection as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /** Starts standing by (and taking the lease when free). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Resolves with the holding connection once this process holds the lease. */
  acquired(): Promise<Client> {
    if (this.holding) return Promise.resolve(this.holding);
    return new Promise((resolve) => this.acquiredWaiters.push(resolve));
  }

  /** Asks the server whether the lease is still held (a round trip on the lease's connection); false once lost. */
  async confirm(): Promise<boolean> {
    const client = this.holding;
    if (!client) return false;
    try {
      const { rows } = await client.query<{ held: boolean }>(
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid), objsubid 1.
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND objsubid = 1
           AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)) AS held`,
        [this.key],
      );
      if (rows[0]?.held) return true;
      this.lost(client, new Error('the advisory lock is no longer held'));
      return false;
    } catch (error) {
      this.lost(client, error);
      return false;
    }
  }

  /** Stops standing by; releases the lease if held and closes the connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.signal.wake?.();
    await this.loop;
    const client = this.connection;
    if (client && this.holding === client) {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key]).catch(() => undefined);
      this.lost(client, new Error('released'));
    }
    await this.drop(client);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.connection) await this.connect();
        const client = this.connection!;
        if (this.holding) await client.query('SELECT 1');
        else {
          const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [this.key]);
          this.tries++;
          if (rows[0]?.ok && this.running && this.connection === client) this.take(client);
        }
      } catch (error) {
        const client = this.connection;
        if (client && this.holding === client) this.lost(client, error);
        else this.options.onError?.(error);
        void this.drop(client);
      }
      if (this.running) await sleep(this.holding ? this.checkMs : this.retryMs, this.signal);
      // A holder that just lost its lease waits a whole retry interval before trying again, so that an instance that
      // was standing by gets it (rather than a flapping connection taking it straight back).
      if (this.justLost && this.running) {
        this.justLost = false;
        await sleep(this.retryMs, this.signal);
      }
    }
  }

  private async connect(): Promise<void> {
    const config = typeof this.options.connection === 'string' ? { connectionString: this.options.connection } : this.options.connection;
    const client = new Client({ connectionTimeoutMillis: 10_000, keepAlive: true, application_name: 'casetrail lease', ...config });
    // A terminated session emits 'error' (unhandled, it would crash the process) and then 'end'.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => {
      this.ended.add(client);
      this.lost(client, new Error('connection ended'));
    });
    try {
      await client.connect();
      // The server notices a holder that vanished without closing its socket after about 5 + 2 × 5 s.
      await client.query('SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 5');
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.connection = client;
  }

  private take(client: Client): void {
    this.holding = client;
    this.options.onAcquired?.(client);
    const waiters = this.acquiredWaiters;
    this.acquiredWaiters = [];
    for (const w of waiters) w(client);
  }

  private lost(client: Client, reason: unknown): void {
    if (this.connection === client) this.connection = null;
    if (this.holding !== client) return;
    this.holding = null;
    this.justLost = true;
    this.options.onLost?.(reason);
    void this.drop(client);
  }

  /**
   * Forgets a connection and closes it without waiting: pg's end() on a connection that failed may wait for an 'end'
   * that already happened, and the loop must go on standing by. stop() waits for a clean close of a live one.
   */
  private drop(client: Client | null): Promise<void> {
    if (!client) return Promise.resolve();
    if (this.connection === client) this.connection = null;
    if (this.ended.has(client)) return Promise.resolve();
    const closing = client.end().catch(() => undefined);
    this.ended.add(client);
    return closing;
  }
}
