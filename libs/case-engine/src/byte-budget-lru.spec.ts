import { ByteBudgetLru, estimatedBytes } from './byte-budget-lru';
import { CaseCache, CaseEntry, caseEntryBytes, foldedEventsBytes } from './case-cache';
import { initialCaseSnapshot } from '@workflows/enforcement-case';

describe('ByteBudgetLru', () => {
  const text = (n: number) => 'x'.repeat(n);

  it('never holds more than its byte budget, whatever is put in', () => {
    const lru = new ByteBudgetLru<number, string>(10_000, (v) => v.length);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2_000; i++) {
      lru.set(next() % 50, text(next() % 3_000));
      if (i % 7 === 0) lru.get(next() % 50);
      expect(lru.bytes).toBeLessThanOrEqual(10_000);
    }
    expect(lru.size).toBeGreaterThan(1);
  });

  it('evicts the least recently used first, a read counting as a use', () => {
    const lru = new ByteBudgetLru<string, string>(300, (v) => v.length);
    lru.set('a', text(100));
    lru.set('b', text(100));
    lru.set('c', text(100));
    lru.get('a'); // b is now the least recently used
    lru.set('d', text(100));
    expect(['a', 'b', 'c', 'd'].filter((k) => lru.has(k))).toEqual(['a', 'c', 'd']);
    lru.set('e', text(250)); // needs 250: c, d and a go, oldest first, until it fits
    expect(['a', 'c', 'd', 'e'].filter((k) => lru.has(k))).toEqual(['e']);
    expect(lru.bytes).toBe(250);
  });

  it('keeps no value larger than the whole budget, and replacing a value drops its old size', () => {
    const lru = new ByteBudgetLru<string, string>(100, (v) => v.length);
    lru.set('a', text(60));
    lru.set('huge', text(101));
    expect(lru.has('huge')).toBe(false);
    expect(lru.has('a')).toBe(true);
    lru.set('a', text(90));
    expect(lru.bytes).toBe(90);
    lru.set('a', text(500));
    expect([lru.has('a'), lru.bytes]).toEqual([false, 0]);
  });

  it('also bounds a count (entries, or what countOf counts)', () => {
    const lru = new ByteBudgetLru<string, string[]>(
      1e9,
      () => 1,
      5,
      (v) => v.length,
    );
    lru.set('a', ['1', '2']);
    lru.set('b', ['1', '2']);
    lru.set('c', ['1', '2']); // 6 > 5: a goes
    expect(['a', 'b', 'c'].filter((k) => lru.has(k))).toEqual(['b', 'c']);
  });

  it('estimates Chinese text at two bytes a character', () => {
    expect(estimatedBytes('矿业公司')).toBe(2 * '"矿业公司"'.length + 64);
  });
});

describe('CaseCache', () => {
  const entry = (notes: number): CaseEntry => ({
    snapshot: { ...initialCaseSnapshot(), context: { ...initialCaseSnapshot().context, padding: '案'.repeat(notes) } } as never,
    revision: 0,
    keys: new Map([['u-1:k-1', { first: 0, last: 0, requestHash: 'h'.repeat(64) }]]),
  });

  it('holds cases within its byte budget even when the count allows more, least recently used going first', () => {
    const big = entry(10_000);
    const size = caseEntryBytes(big);
    expect(size).toBeGreaterThan(20_000);
    const cache = new CaseCache(1_000, size * 3);
    for (const id of ['a', 'b', 'c']) cache.set(id, entry(10_000));
    cache.get('a');
    cache.set('d', entry(10_000));
    expect(cache.bytes).toBeLessThanOrEqual(size * 3);
    expect(['a', 'b', 'c', 'd'].map((id) => cache.get(id) !== undefined)).toEqual([true, false, true, true]);
  });

  it('grows a cached case by its new events without serializing the snapshot again; a case not cached is measured whole', () => {
    const cache = new CaseCache(10);
    const first = entry(100);
    cache.grow('a', first, []);
    expect(cache.bytes).toBe(caseEntryBytes(first));
    let serialized = 0;
    const folded = { ...first, snapshot: { ...first.snapshot, toJSON: () => (serialized++, {}) } as never };
    const events = [{ data: { note: '案'.repeat(500) }, metadata: { idempotencyKey: 'k-2', actor: { id: 'u-1' } } }];
    cache.grow('a', folded, events);
    expect(serialized).toBe(0);
    expect(cache.bytes).toBe(caseEntryBytes(first) + foldedEventsBytes(events));
    expect(foldedEventsBytes(events)).toBeGreaterThan(1_000 + 200);
  });

  it('keeps its count bound', () => {
    const cache = new CaseCache(2);
    for (const id of ['a', 'b', 'c']) cache.set(id, entry(1));
    expect(['a', 'b', 'c'].map((id) => cache.get(id) !== undefined)).toEqual([false, true, true]);
  });
});
