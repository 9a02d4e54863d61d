import { EventStore, WrongExpectedRevisionError } from '@app/event-store';
import { KeyedMutex } from './case-cache';
import { deterministicUuid } from './ids';

export type NumberKind = 'case' | 'decision';

interface CounterState {
  revision: number | 'no_stream';
  last: number;
  byCase: Map<string, number>;
}

/**
 * Case numbers (at filing) and decision numbers (at decision), unique and consecutive per agency and year.
 * Each agency-year-kind has a counter stream; a number is taken by appending `NumberAssigned` with the
 * expected revision, so two instances can never take the same number. Asking again for the same case
 * returns its number, so a retried command does not burn a second one. The event id is derived from the
 * case, never from the number: two cases racing for one number must conflict, not pass for a retry.
 */
export class NumberingService {
  private readonly counters = new Map<string, CounterState>();
  /** One assignment at a time per counter in this process; other processes are kept out by the revision check. */
  private readonly mutex = new KeyedMutex();

  constructor(private readonly store: EventStore) {}

  assign(kind: NumberKind, agencyId: string, year: number, caseId: string): Promise<number> {
    const streamId = `numbers-${kind}-${agencyId}-${year}`;
    return this.mutex.run(streamId, () => this.assignLocked(streamId, kind, caseId));
  }

  private async assignLocked(streamId: string, kind: NumberKind, caseId: string): Promise<number> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const state = await this.load(streamId);
      const existing = state.byCase.get(caseId);
      if (existing !== undefined) return existing;
      const number = state.last + 1;
      try {
        const result = await this.store.append(
          streamId,
          [{ id: deterministicUuid(`${streamId}:${caseId}`), type: 'NumberAssigned', data: { number, caseId }, metadata: {} }],
          state.revision,
        );
        const stored = result.events[0];
        const assigned = (stored.data as { number: number }).number;
        // A retry that another instance already stored comes back as the original event, with its own number.
        if (assigned !== number) this.counters.delete(streamId);
        else {
          state.revision = stored.revision;
          state.last = number;
          state.byCase.set(caseId, number);
        }
        return assigned;
      } catch (e) {
        // Another instance took the number: catch up from our revision and try the next one.
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
      }
    }
    throw new Error(`Could not assign a ${kind} number in ${streamId}: too much contention`);
  }

  private async load(streamId: string): Promise<CounterState> {
    let state = this.counters.get(streamId);
    const from = state ? (state.revision === 'no_stream' ? 0 : state.revision + 1) : 0;
    const events = await this.store.readStream(streamId, { fromRevision: from });
    if (!state) {
      state = { revision: 'no_stream', last: 0, byCase: new Map() };
      this.counters.set(streamId, state);
    }
    for (const e of events) {
      const { number, caseId } = e.data as { number: number; caseId: string };
      state.revision = e.revision;
      state.last = number;
      state.byCase.set(caseId, number);
    }
    return state;
  }
}

/** Default document-number formats; an agency may configure its own (`{short}`, `{year}`, `{n}`). */
export const DEFAULT_NUMBER_FORMATS: Record<NumberKind, string> = {
  case: '{short}立〔{year}〕{n}号',
  decision: '{short}罚〔{year}〕{n}号',
};

export function formatDocumentNumber(format: string, short: string, year: number, n: number): string {
  return format.replace('{short}', short).replace('{year}', String(year)).replace('{n}', String(n));
}
