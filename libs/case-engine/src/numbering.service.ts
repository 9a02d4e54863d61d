import { EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { NumberKind } from '@workflows/enforcement-case';
import { deterministicUuid } from './ids';

export type { NumberKind };

interface CounterState {
  revision: number | 'no_stream';
  last: number;
  byCase: Map<string, number>;
}

/**
 * Case numbers (at filing), decision numbers (at decision) and the numbers of documents with a series of their own (at
 * issue, e.g. the 告知书's 罚告), unique and consecutive per agency, series and year.
 * Each agency-year-kind has a counter stream; a number is taken by appending `NumberAssigned` with the
 * expected revision, so two instances can never take the same number. Asking again for the same case (or the
 * same occurrence of a repeated document) returns its number, so a retried command does not burn a second one. The event id is derived from the
 * case, never from the number: two cases racing for one number must conflict, not pass for a retry.
 */
export class NumberingService {
  private readonly counters = new Map<string, CounterState>();

  constructor(private readonly store: EventStore) {}

  /**
   * Numbers are reserved synchronously in memory and appended with the predicted revision, so concurrent
   * filings in one process share a group commit instead of waiting for each other; a conflict (another
   * process took the number) drops the counter and reserves again from the stored stream.
   */
  async assign(series: string, agencyId: string, year: number, caseId: string, occurrence?: number): Promise<number> {
    const streamId = `numbers-${series}-${agencyId}-${year}`;
    const key = numberKey(caseId, occurrence);
    for (let attempt = 0; attempt < 20; attempt++) {
      const state = await this.load(streamId);
      const existing = state.byCase.get(key);
      if (existing !== undefined) return existing;
      const number = state.last + 1;
      const expected = state.revision;
      state.last = number;
      state.revision = expected === 'no_stream' ? 0 : expected + 1;
      state.byCase.set(key, number);
      const data = occurrence === undefined ? { number, caseId } : { number, caseId, occurrence };
      try {
        const result = await this.store.append(
          streamId,
          [{ id: deterministicUuid(`${streamId}:${key}`), type: 'NumberAssigned', data, metadata: {} }],
          expected,
        );
        const assigned = (result.events[0].data as { number: number }).number;
        // A retry that another process already stored comes back as the original event, with its own number.
        if (assigned !== number) this.counters.delete(streamId);
        return assigned;
      } catch (e) {
        if (this.counters.get(streamId) === state) this.counters.delete(streamId);
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
      }
    }
    throw new Error(`Could not assign a ${series} number in ${streamId}: too much contention`);
  }

  private async load(streamId: string): Promise<CounterState> {
    const known = this.counters.get(streamId);
    if (known) return known;
    const events = await this.store.readStream(streamId);
    const raced = this.counters.get(streamId);
    if (raced) return raced;
    const state: CounterState = { revision: 'no_stream', last: 0, byCase: new Map() };
    for (const e of events) {
      const { number, caseId, occurrence } = e.data as { number: number; caseId: string; occurrence?: number };
      state.revision = e.revision;
      state.last = number;
      state.byCase.set(numberKey(caseId, occurrence), number);
    }
    this.counters.set(streamId, state);
    return state;
  }
}

/**
 * What a number is held for: the case, or for a document the case produces more than once (a second 责令限期整改 …)
 * the occurrence, named by the revision of the event that produced it, so each occurrence takes a number of its own
 * and a retry of one gets its number back.
 */
const numberKey = (caseId: string, occurrence?: number): string => (occurrence === undefined ? caseId : `${caseId}@${occurrence}`);

/** Default document-number formats; an agency may configure its own (`{short}`, `{year}`, `{n}`). */
export const DEFAULT_NUMBER_FORMATS: Record<NumberKind, string> = {
  case: '{short}立〔{year}〕{n}号',
  decision: '{short}罚〔{year}〕{n}号',
};

export function formatDocumentNumber(format: string, short: string, year: number, n: number): string {
  return format.replace('{short}', short).replace('{year}', String(year)).replace('{n}', String(n));
}
