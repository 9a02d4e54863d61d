import type { AllStreamResolvedEvent, Filter } from '@eventstore/db-client';
import { Subscriber } from 'rxjs';
import { StoredEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../common/store-errors';
import { EventStoreDbClientLike, EventStoreDbSubscription } from './esdb-client';
import {
  esdbErrorType,
  EventStoreDbMappingError,
  formatEsdbPosition,
  isSystemEvent,
  toEsdbReadPosition,
  toPortError,
  toStoredEvent,
} from './esdb-mapping';

/** How a dropped subscription comes back. */
export interface ResubscribePolicy {
  /** Delay before the first new attempt, in ms; doubled for each further consecutive failure. */
  initialDelayMs: number;
  /** The delay never grows past this, in ms. */
  maxDelayMs: number;
  /**
   * Consecutive failures (no server confirmation and no event in between) after which the Observable errors with
   * EventStoreUnavailableError instead of trying again.
   */
  maxAttempts: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = { initialDelayMs: 250, maxDelayMs: 10_000, maxAttempts: 20 };

export interface EventStoreDbLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** Runs `callback` after `delayMs`; returns a function that cancels it. Injected so tests need no real timers. */
export type Scheduler = (callback: () => void, delayMs: number) => () => void;

export const timerScheduler: Scheduler = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

export interface AllSubscriptionDeps {
  client: Pick<EventStoreDbClientLike, 'subscribeToAll'>;
  /** The server-side filter; `excludeSystemEvents()` in production. */
  filter: () => Filter;
  policy: ResubscribePolicy;
  logger: EventStoreDbLogger;
  schedule: Scheduler;
}

/** The delay before attempt `failures` (1-based): exponential, capped. */
export function backoffDelay(policy: ResubscribePolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failures - 1));
}

/** Errors that another attempt cannot cure: wrong credentials, a request the server refuses, data the port cannot map. */
const PERMANENT = new Set(['access-denied', 'invalid-argument', 'unsupported', 'not-found']);

function isPermanent(error: unknown): boolean {
  const type = esdbErrorType(error);
  return (type !== undefined && PERMANENT.has(type)) || error instanceof EventStoreDbMappingError || error instanceof RangeError;
}

function describe(error: unknown): string {
  const type = esdbErrorType(error);
  const message = error instanceof Error ? error.message : String(error);
  return type ? `${type}: ${message}` : message;
}

/**
 * One port subscription over EventStoreDB's `subscribeToAll`. The client does not resubscribe after an error, a
 * leader change or the server ending the call, so this does: from the position of the last event it delivered, after
 * a capped exponential backoff, logging each drop. Because it resumes from an event it delivered (and drops anything
 * at or before that position, should the server include it), nothing is delivered twice and nothing is skipped.
 *
 * Server checkpoints (`checkpointReached`) are deliberately not used as resume points: a checkpoint may name the next
 * record the server would read, and a subscription starts after its `fromPosition`, so resuming from one could skip
 * the event sitting exactly there. The server-side filter makes re-scanning the system events after the last
 * delivered event cheap.
 */
export class ResilientAllSubscription {
  private last: bigint;
  private current: EventStoreDbSubscription | undefined;
  private cancelRetry: (() => void) | undefined;
  private failures = 0;
  private state: 'running' | 'finishing' | 'stopped' = 'running';

  constructor(
    private readonly deps: AllSubscriptionDeps,
    after: bigint,
    private readonly subscriber: Subscriber<StoredEvent>,
  ) {
    this.last = after;
  }

  /** Position of the last event delivered (the `after` it started from until one is). */
  get lastPosition(): bigint {
    return this.last;
  }

  get stopped(): boolean {
    return this.state === 'stopped';
  }

  start(): void {
    this.open();
  }

  /** The consumer unsubscribed: no further delivery, no further attempt. */
  stop(): void {
    this.state = 'stopped';
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.release();
  }

  /**
   * The store is closing: stops following the server, delivers what was committed after the last delivered event
   * (read by `readRest`, which returns events with position > its argument), then completes.
   */
  async finish(readRest: (after: bigint) => Promise<StoredEvent[]>): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'finishing';
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.release();
    try {
      for (const event of await readRest(this.last)) {
        if (this.subscriber.closed) return;
        if (event.position <= this.last) continue;
        this.last = event.position;
        this.subscriber.next(event);
      }
      this.state = 'stopped';
      this.subscriber.complete();
    } catch (error) {
      this.state = 'stopped';
      this.subscriber.error(error);
    }
  }

  private open(): void {
    this.cancelRetry = undefined;
    if (this.state !== 'running') return;
    let subscription: EventStoreDbSubscription;
    try {
      subscription = this.deps.client.subscribeToAll({
        fromPosition: toEsdbReadPosition(this.last),
        resolveLinkTos: false,
        filter: this.deps.filter(),
      });
    } catch (error) {
      this.dropped(error);
      return;
    }
    this.current = subscription;
    // Events of a subscription already given up (a late event or error after a drop) must change nothing.
    const live = (): boolean => this.current === subscription && this.state === 'running';
    subscription.on('data', (resolved) => {
      if (live()) this.receive(resolved);
    });
    subscription.on('confirmation', () => {
      // The server accepted the subscription: the connection works again, so the failure count starts over.
      if (live()) this.failures = 0;
    });
    subscription.on('error', (error) => {
      if (live()) this.dropped(error);
    });
    subscription.on('end', () => {
      if (live()) this.dropped(new Error('the server ended the subscription'));
    });
  }

  private receive(resolved: AllStreamResolvedEvent): void {
    const recorded = resolved.event;
    // Links are not resolved, so every resolved event has its event; links themselves are system events.
    if (!recorded || isSystemEvent(recorded)) return;
    let event: StoredEvent;
    try {
      event = toStoredEvent(recorded);
    } catch (error) {
      this.fail(error);
      return;
    }
    // A resubscription may start at the last delivered event itself: never deliver it (or anything before) again.
    if (event.position <= this.last) return;
    this.last = event.position;
    this.failures = 0;
    this.subscriber.next(event);
  }

  private dropped(error: unknown): void {
    this.release();
    if (isPermanent(error)) {
      this.deps.logger.error(`EventStoreDB subscription failed and will not be retried: ${describe(error)}`);
      this.fail(toPortError(error, 'subscribe'));
      return;
    }
    this.failures++;
    const { maxAttempts } = this.deps.policy;
    if (this.failures > maxAttempts) {
      this.deps.logger.error(
        `EventStoreDB subscription gave up after ${maxAttempts} consecutive failed attempts after ${formatEsdbPosition(this.last)}: ${describe(error)}`,
      );
      this.fail(
        new EventStoreUnavailableError(
          'subscribe',
          `${maxAttempts} consecutive resubscription attempts failed (last: ${describe(error)})`,
          {
            cause: error,
          },
        ),
      );
      return;
    }
    const delay = backoffDelay(this.deps.policy, this.failures);
    this.deps.logger.warn(
      `EventStoreDB subscription dropped (${describe(error)}); resubscribing after ${formatEsdbPosition(this.last)} in ${delay} ms ` +
        `(attempt ${this.failures} of ${maxAttempts})`,
    );
    this.cancelRetry = this.deps.schedule(() => this.open(), delay);
  }

  private fail(error: unknown): void {
    this.state = 'stopped';
    this.release();
    this.subscriber.error(error);
  }

  private release(): void {
    const subscription = this.current;
    this.current = undefined;
    // Cancelling a call that already failed may reject too; there is nothing left to do about it.
    subscription?.unsubscribe().catch(() => undefined);
  }
}
