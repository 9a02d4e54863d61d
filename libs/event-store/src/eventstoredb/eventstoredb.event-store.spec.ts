import type { AppendToStreamOptions, EventData } from '@eventstore/db-client';
import { UnavailableError } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, NewEvent, StoredEvent, WrongExpectedRevisionError } from '../event-store.port';
import { EventStoreClosedError } from '../common/append-checks';
import { EventStoreUnavailableError } from '../common/store-errors';
import { collect, rejectionOf, waitUntil } from '../testing/contract.helpers';
import { runEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbMappingError } from './esdb-mapping';
import { EventStoreDbEventStore } from './eventstoredb.event-store';
import { FakeEsdbClient, FakeEsdbOptions } from './testing/fake-esdb-client';

function events(count: number, type = 'TestEvent'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type, data: { n }, metadata: { source: 'unit' } }));
}

function setup(options: FakeEsdbOptions = {}, pageSize?: number) {
  const client = new FakeEsdbClient(options);
  const warnings: string[] = [];
  const store = new EventStoreDbEventStore({
    client,
    pageSize,
    logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
    // Real timers, kept short: these tests wait for outcomes, never for a time.
    resubscribe: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 5 },
  });
  return { client, store, warnings };
}

/** The expectation each appendToStream call carried. */
function sentExpectations(client: FakeEsdbClient): unknown[] {
  return client.calls.filter((c) => c.method === 'appendToStream').map((c) => (c.args[2] as AppendToStreamOptions).expectedRevision);
}

/** Makes another process write to `streamId` just before the adapter's next append reaches the server. */
function raceNextAppend(client: FakeEsdbClient, streamId: string, competing: Array<{ id: string; type: string; data: unknown }>): void {
  const original = client.appendToStream.bind(client);
  client.appendToStream = async (name: string, sent: EventData[], options: AppendToStreamOptions) => {
    client.appendToStream = original;
    client.writeDirect(streamId, competing);
    return original(name, sent, options);
  };
}

describe('EventStoreDbEventStore over a fake client (no server)', () => {
  describe('append', () => {
    it('sends JSON events with the stable ids and the expected revision mapped', async () => {
      const { client, store } = setup();
      const first = events(2);
      await store.append('case-1', first, 'no_stream');
      await store.append('case-1', events(1), 1);
      await store.append('case-1', events(1), 'any');
      await store.append('case-2', events(1), 'any');

      // `any` is sent as the revision just read, so the duplicate-id check and the write see the same stream.
      expect(sentExpectations(client)).toEqual(['no_stream', 1n, 2n, 'no_stream']);
      const [, sent] = client.calls.find((c) => c.method === 'appendToStream')!.args as [string, EventData[]];
      expect(sent).toEqual(
        first.map((e) => ({ id: e.id, contentType: 'application/json', type: e.type, data: e.data, metadata: e.metadata })),
      );
    });

    it('returns the events as stored: revisions from the records, positions from the log (not dense)', async () => {
      const { store } = setup();
      const result = await store.append('case-1', events(3), 'no_stream');
      expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.position).toBe(result.events[2].position);
      const positions = result.events.map((e) => e.position);
      expect(positions[1] - positions[0]).toBeGreaterThan(1n);
      expect(await store.readStream('case-1')).toEqual(result.events);
    });

    it('answers a retry with the original result without writing, whatever its expectation', async () => {
      const { client, store } = setup();
      const batch = events(2);
      const original = await store.append('s', batch, 'no_stream');
      await store.append('s', events(1), 1);
      const appendsBefore = sentExpectations(client).length;

      expect(await store.append('s', batch, 'no_stream')).toEqual(original);
      expect(await store.append('s', batch, 7)).toEqual(original);
      expect(sentExpectations(client)).toHaveLength(appendsBefore);
    });

    it('refuses ids already in the stream that do not make an exact retry', async () => {
      const { store } = setup();
      const [a, b] = events(2);
      await store.append('s', [a, b], 'no_stream');
      for (const attempt of [
        [events(1)[0], a],
        [a, events(1)[0]],
        [b, a],
      ]) {
        expect(await rejectionOf(store.append('s', attempt, 'any'))).toBeInstanceOf(DuplicateEventIdError);
      }
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('an exact expectation that fails on the server (another process appended) → WrongExpectedRevisionError with the actual revision', async () => {
      const { client, store } = setup();
      await store.append('s', events(1), 'no_stream');
      raceNextAppend(client, 's', [{ id: randomUUID(), type: 'Other', data: {} }]);

      const error = await rejectionOf(store.append('s', events(1), 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 's', expected: 0, actual: 1 });
      expect((await store.readStream('s')).map((e) => e.type)).toEqual(['TestEvent', 'Other']);
    });

    it('the same, with throwOnAppendFailure=false in the connection string (the client then resolves instead of throwing)', async () => {
      const { client, store } = setup({ throwOnAppendFailure: false });
      raceNextAppend(client, 'fresh', [{ id: randomUUID(), type: 'Other', data: {} }]);
      expect(await rejectionOf(store.append('fresh', events(1), 'no_stream'))).toMatchObject({
        name: 'WrongExpectedRevisionError',
        expected: 'no_stream',
        actual: 0,
      });
      raceNextAppend(client, 'fresh', [{ id: randomUUID(), type: 'Other', data: {} }]);
      expect((await store.append('fresh', events(1), 'any')).events[0].revision).toBe(2);
    });

    it('expected revision any survives a race: it reads again and lands after the other process’s event', async () => {
      const { client, store } = setup();
      await store.append('s', events(1), 'no_stream');
      raceNextAppend(client, 's', [{ id: randomUUID(), type: 'Other', data: {} }]);

      const result = await store.append('s', events(1), 'any');
      expect(result.events[0].revision).toBe(2);
      expect(sentExpectations(client)).toEqual(['no_stream', 0n, 1n]);
    });

    it('the same ids written by another process in the race → the original result, not an error', async () => {
      const { client, store } = setup();
      const batch = events(2);
      raceNextAppend(client, 's', batch);
      const result = await store.append('s', batch, 'no_stream');
      expect(result.events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      expect(await store.readStream('s')).toEqual(result.events);
    });

    it('runs appends to one stream in call order, so each sees the earlier ones', async () => {
      const { store } = setup();
      const results = await Promise.allSettled([
        store.append('x', events(1), 'no_stream'),
        store.append('x', events(1), 0),
        store.append('x', events(1), 0),
        store.append('x', events(1), 1),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    });

    it('refuses $ streams, $ types and ids EventStoreDB cannot take, before calling the server', async () => {
      const { client, store } = setup();
      expect(await rejectionOf(store.append('$ce-case', events(1), 'any'))).toBeInstanceOf(TypeError);
      expect(await rejectionOf(store.append('s', events(1, '$Internal'), 'any'))).toBeInstanceOf(TypeError);
      expect(await rejectionOf(store.append('s', [{ id: 'e-1', type: 'T', data: {}, metadata: {} }], 'any'))).toBeInstanceOf(TypeError);
      expect(client.calls).toEqual([]);
    });

    it('an unavailable server → EventStoreUnavailableError; the same append retried afterwards lands once', async () => {
      const { client, store } = setup();
      const batch = events(1);
      client.failNext('appendToStream', new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113'));
      const error = await rejectionOf(store.append('s', batch, 'no_stream'));
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toMatch(/append to s.*ECONNREFUSED/);

      client.failNext('readStream', new UnavailableError(undefined, 'connect ECONNREFUSED 127.0.0.1:2113'));
      expect(await rejectionOf(store.append('s', batch, 'no_stream'))).toMatchObject({
        name: 'EventStoreUnavailableError',
        operation: 'append to s',
      });

      const retried = await store.append('s', batch, 'no_stream');
      expect(await store.append('s', batch, 'no_stream')).toEqual(retried);
      expect(await store.readStream('s')).toHaveLength(1);
    });
  });

  describe('reads', () => {
    it('readStream: a missing stream is [], fromRevision is honoured', async () => {
      const { store } = setup();
      expect(await store.readStream('nope')).toEqual([]);
      const { events: stored } = await store.append('s', events(4), 'no_stream');
      expect(await store.readStream('s', { fromRevision: 2 })).toEqual(stored.slice(2));
    });

    it('readStream needs positions on stream reads (server 22.6 or later) and says so', async () => {
      const { client, store } = setup({ streamReadsWithoutPositions: true });
      client.writeDirect('s', [{ id: randomUUID(), type: 'T', data: {} }]);
      const error = await rejectionOf(store.readStream('s'));
      expect(error).toBeInstanceOf(EventStoreDbMappingError);
      expect((error as Error).message).toMatch(/22\.6/);
    });

    it('readAll leaves out system events and pages through $all with after and limit', async () => {
      const { client, store } = setup({}, 3);
      const written: StoredEvent[] = [];
      for (let i = 0; i < 4; i++) {
        written.push(...(await store.append(`s-${i}`, events(2), 'no_stream')).events);
        client.writeSystemEvent();
        client.writeSystemEvent('$ce-s', '$>');
      }
      expect(await store.readAll()).toEqual(written);
      expect(await store.readAll({ after: written[2].position })).toEqual(written.slice(3));
      expect(await store.readAll({ after: written[2].position, limit: 4 })).toEqual(written.slice(3, 7));
      expect(await store.readAll({ limit: 1 })).toEqual(written.slice(0, 1));
      expect(await store.readAll({ after: written[7].position })).toEqual([]);
      // Several pages of three were needed.
      expect(client.calls.filter((c) => c.method === 'readAll').length).toBeGreaterThan(5);
    });

    it('headPosition is the last non-system event, 0n when there is only system data', async () => {
      const { client, store } = setup();
      expect(await store.headPosition()).toBe(0n);
      const { position } = await store.append('s', events(2), 'no_stream');
      // More system events after it than one backward page holds.
      for (let i = 0; i < 40; i++) client.writeSystemEvent();
      client.calls.length = 0;
      expect(await store.headPosition()).toBe(position);
      const reads = client.calls.map((c) => c.args[0] as { direction: string; fromPosition: unknown; maxCount: number });
      expect(reads[0]).toMatchObject({ direction: 'backwards', fromPosition: 'end' });
      // The first page held only system events; the second, read from below the first, reached the event.
      expect(reads).toHaveLength(2);
      expect(reads[1].fromPosition).not.toBe('end');
    });
  });

  describe('subscribe', () => {
    it('resubscribes after the server drops it and delivers everything once, in order', async () => {
      const { client, store, warnings } = setup({ subscriptionsIncludeStart: true });
      await store.append('a', events(5), 'no_stream');
      const subscriber = collect(store.subscribe());
      await waitUntil(() => subscriber.events.length === 5, 'history arrives');

      client.dropSubscriptions(new UnavailableError(undefined, 'leader lost'));
      await store.append('b', events(3), 'no_stream');
      client.writeSystemEvent();
      await store.append('a', events(2), 4);
      const head = await store.headPosition();
      await waitUntil(() => subscriber.lastPosition() >= head, 'the subscriber reaches the head');

      expect(subscriber.error).toBeUndefined();
      expect(subscriber.events).toEqual(await store.readAll());
      expect(warnings.some((w) => /dropped \(unavailable: leader lost\)/.test(w))).toBe(true);
      const fromPositions = client.calls
        .filter((c) => c.method === 'subscribeToAll')
        .map((c) => (c.args[0] as { fromPosition: unknown }).fromPosition);
      expect(fromPositions).toEqual(['start', { commit: subscriber.events[4].position, prepare: subscriber.events[4].position }]);
      subscriber.subscription.unsubscribe();
      expect(client.liveSubscriptions).toEqual([]);
    });

    it('close waits for appends in progress, delivers them, completes subscribers, then disposes the client', async () => {
      const { client, store } = setup();
      const subscriber = collect(store.subscribe());
      const pending = store.append('s', events(2), 'no_stream');
      await store.close();
      const result = await pending;

      expect(subscriber.completed).toBe(true);
      expect(subscriber.events.map((e) => e.id)).toEqual(result.events.map((e) => e.id));
      expect(client.disposed).toBe(true);
      expect(store.subscriberCount).toBe(0);
      expect(await rejectionOf(store.append('s', events(1), 1))).toBeInstanceOf(EventStoreClosedError);
      expect(await rejectionOf(store.readAll())).toBeInstanceOf(EventStoreClosedError);
      const late = collect(store.subscribe());
      expect(late.error).toBeInstanceOf(EventStoreClosedError);
      await store.close();
    });
  });
});

// The whole port contract against the same in-process model of the server: it checks the adapter's logic (paging,
// retries, ordering, close) in every unit run. It is not a substitute for the run against a real server
// (test/event-store/eventstoredb.contract.e2e-spec.ts with EVENTSTORE_CONNECTION_STRING).
runEventStoreContract(
  'eventstoredb adapter over the in-process client model (no server), fresh model per test',
  async () => setup().store,
  undefined,
  {
    eventIdScope: 'stream',
  },
);

// The shared mode the real-server run uses: one model for every test, as one server is.
const sharedModel = new FakeEsdbClient();
runEventStoreContract(
  'eventstoredb adapter over the in-process client model (no server), one model shared by all tests',
  async () => new EventStoreDbEventStore({ client: sharedModel, logger: { warn: () => undefined, error: () => undefined } }),
  undefined,
  { isolation: 'shared', eventIdScope: 'stream' },
);
