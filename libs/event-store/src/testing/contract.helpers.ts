import { randomUUID } from 'node:crypto';
import { Observable, Subscription } from 'rxjs';
import { EventMetadata, EventStore, NewEvent, StoredEvent } from '../event-store.port';

/** Helpers shared by the contract parts; they rely on jest globals only, so importing them costs nothing at runtime. */

export type StoreGetter = () => EventStore;

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
