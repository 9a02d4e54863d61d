import { Client, ClientConfig } from 'pg';
import { EventStore } from '@app/event-store';
import { Projection } from '../projection';
import { PgLease, projectionsLeaseName } from './pg-lease';
import { PgProjectionRunner } from './pg-projection-runner';

export interface PgProjectionHostOptions {
  store: Pick<EventStore, 'readAll'>;
  /** Where the read models live; the host opens one connection of its own there (the lease's). */
  connection: string | ClientConfig;
  /** The read models' schema. */
  schema: string;
  projections: Projection[];
  pageSize?: number;
  /** How often the caught-up holder looks for events it was not told about (another instance's commits), in ms. Default 250. */
  pollIntervalMs?: number;
  /** How often a standby tries to take over, and the holder checks it still holds, in ms. Default 1000 each. */
  retryIntervalMs?: number;
  checkIntervalMs?: number;
  onError?: (error: unknown) => void;
  onLeading?: (leading: boolean) => void;
  /** Fault injection for tests, passed to the runner. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Runs the PostgreSQL read models on exactly one instance at a time. Every instance starts a host; the one holding the
 * lease (PgLease) runs one PgProjectionRunner over all projections on the lease's own connection, catching up and then
 * following the store; the others stand by and take over within about a second of the holder's connection closing.
 *
 * One lease for all projections rather than one each: the runner reads each page of events once for all five, and
 * they are light next to the event store's own work; five leases would read the log five times and hold five
 * connections per instance to spread work that one instance does easily.
 */
export class PgProjectionHost {
  readonly lease: PgLease;
  private running = false;
  private leading: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pending = false;

  constructor(private readonly options: PgProjectionHostOptions) {
    this.lease = new PgLease({
      connection: options.connection,
      name: projectionsLeaseName(options.schema),
      retryIntervalMs: options.retryIntervalMs,
      checkIntervalMs: options.checkIntervalMs,
      onAcquired: (client) => {
        this.options.onLeading?.(true);
        this.leading = this.lead(client);
      },
      onLost: () => {
        this.options.onLeading?.(false);
        this.notify();
      },
      onError: options.onError,
    });
  }

  /** Whether this instance runs the projections now. */
  get isLeading(): boolean {
    return this.lease.held;
  }

  start(): void {
    this.running = true;
    this.lease.start();
  }

  /** Events were committed: the holder catches up now rather than at its next look at the head. */
  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.lease.stop();
    await this.leading;
  }

  private async lead(client: Client): Promise<void> {
    const { store, schema, projections, pageSize, beforeCommit } = this.options;
    const runner = new PgProjectionRunner({ store, db: client, schema, projections, pageSize, beforeCommit });
    const pollMs = this.options.pollIntervalMs ?? 250;
    const still = () => this.running && this.lease.client === client;
    let ready = false;
    while (still()) {
      try {
        if (!ready) {
          await runner.setup();
          ready = true;
        }
        this.pending = false;
        if ((await runner.step()) > 0) continue;
        // Caught up: wait for a notice, or look again after a while (commits of other instances).
        await new Promise<void>((resolve) => {
          if (this.pending || !still()) return resolve();
          const timer = setTimeout(resolve, pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      } catch (error) {
        // A lost connection ends the lead (the lease notices too); anything else is retried after a pause.
        if (!still()) break;
        this.options.onError?.(error);
        await new Promise((r) => setTimeout(r, this.options.retryIntervalMs ?? 1000).unref());
      }
    }
  }
}
