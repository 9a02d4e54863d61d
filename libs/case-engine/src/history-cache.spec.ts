import { InMemoryEventStore } from '@app/event-store';
import { HistoryCache, eventsBytes } from './history-cache';

describe('HistoryCache', () => {
  const append = (store: InMemoryEventStore, stream: string, n: number, from = 0) =>
    store.append(
      stream,
      Array.from({ length: n }, (_, i) => ({ id: `${stream}-${from + i}`, type: 'EvidenceRecorded', data: { i: from + i }, metadata: {} })),
      'any',
    );

  it('reads only the tail after what it holds, and answers the same as a full read', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'case-a', 5);
    const reads: (number | undefined)[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (id, options) => (reads.push(options?.fromRevision), readStream(id, options));
    const cache = new HistoryCache(100);
    expect((await cache.read(store, 'case-a')).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    await append(store, 'case-a', 2, 5);
    const again = await cache.read(store, 'case-a');
    expect(again).toEqual(await readStream('case-a'));
    expect(reads).toEqual([0, 5]);
    expect(await cache.read(store, 'case-missing')).toEqual([]);
  });

  it('keeps at most its budget of events, dropping the least recently read histories first', async () => {
    const store = new InMemoryEventStore();
    for (const s of ['case-a', 'case-b', 'case-c']) await append(store, s, 4);
    await append(store, 'case-long', 20);
    const cache = new HistoryCache(10);
    const reads: string[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (id, options) => (reads.push(`${id}@${options?.fromRevision ?? 0}`), readStream(id, options));
    await cache.read(store, 'case-a');
    await cache.read(store, 'case-b');
    await cache.read(store, 'case-a'); // a is now the most recent
    await cache.read(store, 'case-c'); // 12 > 10: b goes
    await cache.read(store, 'case-long'); // longer than the budget: never kept, nothing evicted for it
    reads.length = 0;
    for (const s of ['case-a', 'case-c', 'case-b', 'case-long']) await cache.read(store, s);
    expect(reads).toEqual(['case-a@4', 'case-c@4', 'case-b@0', 'case-long@0']);
  });
});

describe('HistoryCache byte budget', () => {
  it('keeps the histories within their estimated bytes, measuring only each new tail, least recently read first', async () => {
    const store = new InMemoryEventStore();
    const event = (stream: string, i: number) => ({
      id: `${stream}-${i}`,
      type: 'EvidenceRecorded',
      data: { note: '现场'.repeat(500) },
      metadata: {},
    });
    for (const s of ['case-a', 'case-b', 'case-c'])
      await store.append(
        s,
        [0, 1, 2].map((i) => event(s, i)),
        'any',
      );
    const one = eventsBytes((await store.readStream('case-a')).slice(0, 1));
    const cache = new HistoryCache(1_000, one * 7); // room for two histories of three events, not three
    const reads: string[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (id, options) => (reads.push(`${id}@${options?.fromRevision ?? 0}`), readStream(id, options));
    await cache.read(store, 'case-a');
    await cache.read(store, 'case-b');
    await cache.read(store, 'case-a');
    await cache.read(store, 'case-c'); // b goes
    expect(cache.bytes).toBe(one * 6);
    await store.append('case-a', [event('case-a', 3)], 'any');
    await cache.read(store, 'case-a'); // a grows to 4 events: 7 in all, still within
    expect(cache.bytes).toBe(one * 7);
    expect(cache.bytes).toBe(eventsBytes(await readStream('case-a')) + eventsBytes(await readStream('case-c')));
    reads.length = 0;
    for (const s of ['case-a', 'case-c', 'case-b']) await cache.read(store, s);
    expect(reads).toEqual(['case-a@4', 'case-c@3', 'case-b@0']);
    expect(cache.bytes).toBeLessThanOrEqual(one * 7);
  });
});
