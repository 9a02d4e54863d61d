import { InMemoryEventStore } from '@app/event-store';
import { NumberingService } from './numbering.service';

describe('NumberingService: a number per case, or per occurrence of a document the case produces again', () => {
  it('gives each occurrence its own gapless number, and a retry of one its number back, also after a restart', async () => {
    const store = new InMemoryEventStore();
    const numbers = new NumberingService(store);
    const take = (occurrence?: number, n = numbers) => n.assign('rectification', 'ag-1', 2026, 'case-a', occurrence);
    expect(await take(4)).toBe(1);
    expect(await take(4)).toBe(1);
    expect(await take(11)).toBe(2);
    // Another case's number, keyed by the case alone, in the same series.
    expect(await numbers.assign('rectification', 'ag-1', 2026, 'case-b')).toBe(3);
    // A new process reads the counter stream back: the same occurrences keep their numbers.
    const restarted = new NumberingService(store);
    expect([await take(11, restarted), await take(4, restarted), await take(20, restarted)]).toEqual([2, 1, 4]);
    expect((await store.readStream('numbers-rectification-ag-1-2026')).map((e) => e.data)).toEqual([
      { number: 1, caseId: 'case-a', occurrence: 4 },
      { number: 2, caseId: 'case-a', occurrence: 11 },
      { number: 3, caseId: 'case-b' },
      { number: 4, caseId: 'case-a', occurrence: 20 },
    ]);
  });
});
