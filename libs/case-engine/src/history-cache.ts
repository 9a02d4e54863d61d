import { EventStore, StoredEvent } from '@app/event-store';
import { ByteBudgetLru, estimatedBytes } from './byte-budget-lru';

/** What a parsed event holds beside its data and metadata (ids, hashes, numbers). */
const EVENT_OVERHEAD_BYTES = 400;

/** The estimated memory of parsed events: their data and metadata as JSON, and their fixed fields. */
export function eventsBytes(events: readonly StoredEvent[]): number {
  let bytes = 0;
  for (const e of events) bytes += estimatedBytes(e.data) + estimatedBytes(e.metadata) + EVENT_OVERHEAD_BYTES;
  return bytes;
}

/**
 * The parsed histories of the cases read lately (GET /events, timeline replay), for an inspector scrubbing through a
 * long case: events never change, so a cached history stays true and only its tail — the events after the cached
 * revision — is read again. Bounded by a total number of events and by their estimated bytes (least recently read
 * cases go first); a history larger than either whole budget is not kept. Callers must not change the arrays they get.
 */
export class HistoryCache {
  private readonly histories: ByteBudgetLru<string, StoredEvent[]>;

  constructor(budget: number, maxBytes = Infinity) {
    this.histories = new ByteBudgetLru<string, StoredEvent[]>(maxBytes, eventsBytes, budget, (h) => h.length);
  }

  /** The estimated bytes the cached histories hold. */
  get bytes(): number {
    return this.histories.bytes;
  }

  async read(store: EventStore, streamId: string): Promise<StoredEvent[]> {
    const cached = this.histories.get(streamId);
    const tail = await store.readStream(streamId, { fromRevision: cached?.length ?? 0 });
    const history = !cached ? tail : tail.length ? [...cached, ...tail] : cached;
    // Only the tail is measured: the cached part's size is known.
    if (history.length) this.histories.set(streamId, history, this.histories.sizeOfEntry(streamId) + eventsBytes(tail));
    return history;
  }
}
