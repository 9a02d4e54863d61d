import { randomUUID } from 'node:crypto';
import { Observable, Subscription } from 'rxjs';
import { EventMetadata, EventStore, NewEvent, ReadAllOptions, StoredEvent } from '../event-store.port';

/** Helpers shared by the contract parts; they rely on jest globals only, so importing them costs nothing at runtime. */

export interface ContractOptions {
  /**
   * `fresh` (default): `create` returns an empty store for every test, and the contract checks that it is empty.
   * `shared`: the tests share a store that cannot be emptied (a server): each test writes to stream names of its
   * own and reads `$all` after the head position at its start; nothing else may write to that store meanwhile.
   */
  isolation?: 'fresh' | 'shared';
  /**
   * `store` (default): an event id may be stored once in the whole store. `stream`: once per stream only, for stores
   * without an index by event id (EventStoreDB); the cross-stream case is then skipped with a printed reason.
   */
  eventIdScope?: 'store' | 'stream';
}

/** What each contract part gets: the store under test and the test's view of it. */
export interface ContractContext {
  store: () => EventStore;
  /** The stream id to use for `name` in the current test: `name` itself on a fresh store. */
  stream: (name: string) => string;
  /** The head position when the current test started: 0n on a fresh store. */
  start: () => bigint;
  /** store().readAll(options) limited to the current test's events; the very same call on a fresh store. */
  readAll: (options?: ReadAllOptions) => Promise<StoredEvent[]>;
  /** The current test's events from its start: exactly store().subscribe() on a fresh store. */
  subscribeFromStart: () => Observable<StoredEvent>;
  readonly options: Required<ContractOptions>;
}

export function newEvent(data: unknown = {}, type = 'TestEvent', metadata: EventMetadata = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

export function newEvents(count: number, type = 'TestEvent'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent({ n }, type, { source: 'contract' }));
}

/** Resolves to the rejection reason; fails the test if the promise fulfils. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`Expected a rejection, got ${JSON.stringify(value, bigintSafe)}`);
    },
    (error: unknown) => error,
  );
}

/** Polls until `condition` holds; the generous timeout is a safety net, never an assertion about speed. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface Collector {
  events: StoredEvent[];
  completed: boolean;
  error: unknown;
  subscription: Subscription;
  lastPosition(): bigint;
}

export function collect(source: Observable<StoredEvent>): Collector {
  const collector: Collector = {
    events: [],
    completed: false,
    error: undefined,
    subscription: Subscription.EMPTY,
    lastPosition: () => collector.events[collector.events.length - 1]?.position ?? 0n,
  };
  collector.subscription = source.subscribe({
    next: (event) => collector.events.push(event),
    error: (error: unknown) => (collector.error = error),
    complete: () => (collector.completed = true),
  });
  return collector;
}

export function ids(events: { id: string }[]): string[] {
  return events.map((event) => event.id);
}

export function expectStrictlyIncreasing(positions: bigint[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (!(positions[i] > positions[i - 1])) {
      throw new Error(`Position ${positions[i]} at index ${i} does not follow ${positions[i - 1]}`);
    }
  }
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
