import { Client } from 'pg';
import { PgDatabase } from './pg-database';

export interface PgCommitListenerOptions {
  /** The NOTIFY channel appends announce their head on. */
  channel: string;
  /** LISTEN for commits; false leaves it to the poll alone. */
  listen: boolean;
  pollIntervalMs: number;
  readHead: () => Promise<bigint>;
  /** Whether anyone is waiting for commits (the poll idles otherwise). */
  hasSubscribers: () => boolean;
  /** The head moved past what was known: wake the subscribers. */
  headMoved: () => void;
}

/**
 * Learns that the head moved, from any process: a dedicated connection LISTENs for the NOTIFY each commit sends, and
 * re-LISTENs after reconnecting (with back-off); a poll of the head is the fallback for notifications lost while that
 * connection was down, and the retry for a subscriber's read that failed.
 */
export class PgCommitListener {
  /** Highest position known committed (local commits, notifications, polls): a wake-up below it is a repeat. */
  private knownHead = 0n;
  private listener: Client | null = null;
  private connects = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = 100;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private readFailed = false;
  private closed = false;

  constructor(
    private readonly db: PgDatabase,
    private readonly options: PgCommitListenerOptions,
  ) {}

  /** How many times the LISTEN connection has (re)connected. */
  get connections(): number {
    return this.connects;
  }

  /** The backend pid of the LISTEN connection, or null while it is down. */
  get pid(): number | null {
    return (this.listener as unknown as { processID?: number } | null)?.processID ?? null;
  }

  async start(): Promise<void> {
    this.knownHead = await this.options.readHead();
    if (this.options.listen) await this.connect();
    this.pollTimer = setInterval(() => void this.poll(), this.options.pollIntervalMs);
    this.pollTimer.unref();
  }

  /** This process committed up to `head`. */
  committed(head: bigint): void {
    if (head <= this.knownHead) return;
    this.knownHead = head;
    this.options.headMoved();
  }

  /** A subscriber's read failed: the next poll wakes the subscribers again even if the head stood still. */
  readFailedOnce(): void {
    this.readFailed = true;
  }

  /** Stops polling and reconnecting (the store is closing). */
  close(): void {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
  }

  /** Closes the LISTEN connection. */
  async end(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    if (listener) await listener.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.db.clientConfig());
    const lost = (error?: unknown) => this.lost(client, error);
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => this.notified(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
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
    this.connects++;
    this.reconnectDelay = 100;
    // Whatever committed while nobody listened is found by the subscribers reading onward from where they are.
    this.options.headMoved();
  }

  private lost(client: Client, error?: unknown): void {
    if (this.listener !== client) return;
    this.listener = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.db.report(error ?? new Error('LISTEN connection closed'));
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed) return;
      this.connect().catch((error: unknown) => {
        this.db.report(error);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  private notified(payload: string | undefined): void {
    let head: bigint;
    try {
      head = BigInt(payload ?? '');
    } catch {
      head = this.knownHead + 1n;
    }
    this.committed(head);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.closed || !this.options.hasSubscribers()) return;
    this.polling = true;
    try {
      const head = await this.options.readHead();
      if (head > this.knownHead || this.readFailed) {
        this.readFailed = false;
        this.knownHead = head > this.knownHead ? head : this.knownHead;
        this.options.headMoved();
      }
    } catch (error) {
      this.db.report(error);
    } finally {
      this.polling = false;
    }
  }
}
