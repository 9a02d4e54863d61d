import type * as Esdb from '@eventstore/db-client';
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
} from '../common/append-checks';
import { EventStoreDbClientLike, eventStoreDbLibrary } from './esdb-client';
import { clientConnectionString } from './esdb-connection-string';
import {
  assertStorable,
  isStreamNotFound,
  isSystemEvent,
  isWrongExpectedVersion,
  SYSTEM_PREFIX,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
  toJsonEvent,
  toPortError,
  toPortPosition,
  toStoredEvent,
  toWrongExpectedRevisionError,
  wrongExpectedVersionFromResult,
} from './esdb-mapping';
import {
  DEFAULT_RESUBSCRIBE_POLICY,
  EventStoreDbLogger,
  ResilientAllSubscription,
  ResubscribePolicy,
  Scheduler,
  timerScheduler,
} from './esdb-subscription';

const FORWARDS: typeof Esdb.FORWARDS = 'forwards';
const BACKWARDS: typeof Esdb.BACKWARDS = 'backwards';
const END: typeof Esdb.END = 'end';

export interface EventStoreDbEventStoreOptions {
  /** An `EventStoreDBClient` (see createEventStoreDbStore), or a fake in unit tests. */
  client: EventStoreDbClientLike;
  /** Where subscription drops and give-ups are reported (each message starts with "EventStoreDB"); default: console. */
  logger?: EventStoreDbLogger;
  /** How a dropped subscription is retried; defaults in DEFAULT_RESUBSCRIBE_POLICY. */
  resubscribe?: Partial<ResubscribePolicy>;
  /** Timer used between resubscription attempts; injected by tests. */
  schedule?: Scheduler;
  /** Events per `$all` read request when paging readAll and close; default 1000. */
  pageSize?: number;
  /**
   * An append with expected revision `any` is sent with the revision just read, so the duplicate-id check and the
   * write see the same stream; when another process appends in between, it reads and tries again, this many times
   * at most. Default 50.
   */
  maxAnyAttempts?: number;
}

const consoleLogger: EventStoreDbLogger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

/**
 * The EventStore port over EventStoreDB / KurrentDB (gRPC client `@eventstore/db-client`).
 *
 * Appends. EventStoreDB's own idempotency covers only retries sent with the same expectation, and it does not stop an
 * event id from being stored twice in a stream. The port promises more (a retry returns the original result whatever
 * its expectation; a reused id is refused), so each append reads its stream first: ids already there make it a retry
 * (the original result) or a DuplicateEventIdError; otherwise the events are appended with the stream's revision as
 * just read, so the server refuses the write if anything landed in between, and the check is redone. Ids are
 * therefore unique per stream, not across streams (no server-side index by event id exists). Appends to one stream
 * from this process run one after another in call order, as in the other adapters.
 *
 * Each append costs three calls: read the stream, append, read the appended events back for their positions
 * (the append response reports only one position per call).
 *
 * Positions and the system events left out of readAll, headPosition and subscribe: see esdb-mapping.ts.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDbClientLike;
  private readonly logger: EventStoreDbLogger;
  private readonly policy: ResubscribePolicy;
  private readonly schedule: Scheduler;
  private readonly pageSize: number;
  private readonly maxAnyAttempts: number;
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly streamQueues = new Map<string, Promise<unknown>>();
  private readonly subscriptions = new Set<ResilientAllSubscription>();
  private closing: Promise<void> | undefined;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = options.client;
    this.logger = options.logger ?? consoleLogger;
    this.policy = { ...DEFAULT_RESUBSCRIBE_POLICY, ...options.resubscribe };
    this.schedule = options.schedule ?? timerScheduler;
    this.pageSize = Math.max(2, options.pageSize ?? 1000);
    this.maxAnyAttempts = Math.max(1, options.maxAnyAttempts ?? 50);
  }

  /** Open subscriptions; for diagnostics and leak tests. */
  get subscriberCount(): number {
    return this.subscriptions.size;
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    try {
      this.assertOpen();
      const serialized = prepareAppend(streamId, events, expectedRevision);
      assertStorable(streamId, serialized);
      return this.track(this.inStreamOrder(streamId, () => this.appendInOrder(streamId, serialized, expectedRevision)));
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- whatever was thrown above, as a rejection
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    if (streamId.startsWith(SYSTEM_PREFIX))
      throw new TypeError(`Stream ${streamId}: ids starting with "$" are EventStoreDB system streams`);
    return this.track(this.readStreamFrom(streamId, Math.max(0, options.fromRevision ?? 0), `read of stream ${streamId}`));
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    return this.track(this.readAllAfter(options.after ?? 0n, limit));
  }

  subscribe(after: bigint = 0n): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      if (this.closing) {
        subscriber.error(new EventStoreClosedError());
        return undefined;
      }
      const subscription = new ResilientAllSubscription(
        {
          client: this.client,
          filter: () => eventStoreDbLibrary().excludeSystemEvents(),
          policy: this.policy,
          logger: this.logger,
          schedule: this.schedule,
        },
        after,
        subscriber,
      );
      this.subscriptions.add(subscription);
      subscription.start();
      return () => {
        this.subscriptions.delete(subscription);
        subscription.stop();
      };
    });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.track(this.lastUserPosition());
  }

  /**
   * Refuses new calls, lets the calls in progress finish, delivers to each subscriber what was committed up to then
   * and completes it, and only then disposes the client.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inflight]);
      await Promise.all([...this.subscriptions].map((s) => s.finish((after) => this.readAllAfter(after, Number.POSITIVE_INFINITY))));
      this.subscriptions.clear();
      await this.client.dispose();
    })();
    return this.closing;
  }

  // -------------------------------------------------------------------------------------------------------------

  private async appendInOrder(streamId: string, events: SerializedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const ids = events.map((event) => event.id);
    const operation = `append to ${streamId}`;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStreamFrom(streamId, 0, operation);
      const earlier = findStored(streamId, ids, stored);
      if (earlier) return earlier;

      const current = stored.length === 0 ? undefined : stored[stored.length - 1].revision;
      checkExpectedRevision(streamId, expected, current);
      const sent: ExpectedRevision = expected === 'any' ? (current ?? 'no_stream') : expected;
      const expectedRevision = toEsdbExpectedRevision(sent);
      try {
        const result = await this.client.appendToStream(streamId, events.map(toJsonEvent), { expectedRevision });
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the refusal record is caught just below, as the client's own is
        if (!result.success) throw wrongExpectedVersionFromResult(streamId, expectedRevision, result);
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw toPortError(error, operation) as Error;
        // Another process appended between the read and the write.
        if (expected !== 'any') {
          const now = findStored(streamId, ids, await this.readStreamFrom(streamId, 0, operation));
          if (now) return now;
          throw toWrongExpectedRevisionError(streamId, expected, error);
        }
        if (attempt >= this.maxAnyAttempts) {
          throw new Error(`Stream ${streamId}: an append with expected revision any lost ${attempt} races in a row; try again`, {
            cause: error,
          });
        }
        continue;
      }

      const first = sent === 'no_stream' ? 0 : sent + 1;
      const written = await this.readStreamFrom(streamId, first, operation, ids.length);
      if (written.length !== ids.length || written.some((event, i) => event.id !== ids[i])) {
        throw new Error(`Stream ${streamId}: the events read back after the append are not the ones appended at revision ${first}`);
      }
      return toAppendResult(streamId, written);
    }
  }

  /** Chains work on one stream so it runs in call order; other streams are not held up. */
  private inStreamOrder<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.streamQueues.get(streamId) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.streamQueues.set(streamId, tail);
    void tail.then(() => {
      if (this.streamQueues.get(streamId) === tail) this.streamQueues.delete(streamId);
    });
    return run;
  }

  private async readStreamFrom(streamId: string, fromRevision: number, operation: string, maxCount?: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
        resolveLinkTos: false,
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw toPortError(error, operation);
    }
    return events;
  }

  /**
   * Events with position > after, system events left out, in pages. A page starts at the last position seen, which
   * the server may return again; it is skipped by position.
   */
  private async readAllAfter(after: bigint, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let cursor = after;
    for (;;) {
      // One more than still wanted, for the boundary event a page may start with.
      const maxCount = Math.min(this.pageSize, limit - events.length + 1);
      let received = 0;
      let last = cursor;
      try {
        const read = this.client.readAll({
          fromPosition: toEsdbReadPosition(cursor),
          direction: FORWARDS,
          maxCount,
          resolveLinkTos: false,
        });
        for await (const resolved of read) {
          received++;
          const recorded = resolved.event;
          if (!recorded || recorded.position.commit <= cursor) continue;
          last = recorded.position.commit;
          if (isSystemEvent(recorded)) continue;
          events.push(toStoredEvent(recorded));
          if (events.length >= limit) return events;
        }
      } catch (error) {
        throw toPortError(error, 'read of $all');
      }
      if (received < maxCount || last === cursor) return events;
      cursor = last;
    }
  }

  /** The position of the last non-system event, read from the end of `$all` backwards; 0n when there is none. */
  private async lastUserPosition(): Promise<bigint> {
    // Usually the very last event; a few more cover system events (statistics, projections) written after it.
    const maxCount = 32;
    let from: Esdb.ReadPosition = END;
    let below: bigint | undefined;
    for (;;) {
      let received = 0;
      try {
        for await (const resolved of this.client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount, resolveLinkTos: false })) {
          received++;
          const recorded = resolved.event;
          if (!recorded || (below !== undefined && recorded.position.commit >= below)) continue;
          if (!isSystemEvent(recorded)) return toPortPosition(recorded.position, `event ${recorded.id} of stream ${recorded.streamId}`);
          below = recorded.position.commit;
        }
      } catch (error) {
        throw toPortError(error, 'read of $all');
      }
      if (received < maxCount || below === undefined) return 0n;
      from = { commit: below, prepare: below };
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    const forget = (): void => {
      this.inflight.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreClosedError();
  }
}

/**
 * When the append's first id is already in the stream, the append is a retry (the original result) or a
 * DuplicateEventIdError; when a later id is, it is a DuplicateEventIdError; undefined when none is stored.
 */
function findStored(streamId: string, ids: string[], stored: StoredEvent[]): AppendResult | undefined {
  const firstAt = stored.findIndex((event) => event.id === ids[0]);
  if (firstAt >= 0) return resolveRetry(streamId, ids, stored.slice(firstAt, firstAt + ids.length));
  const storedIds = new Set(stored.map((event) => event.id));
  const clash = ids.find((id) => storedIds.has(id));
  if (clash !== undefined) throw new DuplicateEventIdError(clash, streamId);
  return undefined;
}

/**
 * The adapter on a real client, e.g. `createEventStoreDbStore('esdb://localhost:2113?tls=false')` (or the same as
 * `kurrentdb://`). The connection is opened on first use; a malformed connection string throws here.
 */
export function createEventStoreDbStore(connectionString: string, options: Omit<EventStoreDbEventStoreOptions, 'client'> = {}): EventStore {
  const { EventStoreDBClient } = eventStoreDbLibrary();
  return new EventStoreDbEventStore({ ...options, client: EventStoreDBClient.connectionString(clientConnectionString(connectionString)) });
}
