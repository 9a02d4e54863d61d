import { EventStore, StoredEvent } from '@app/event-store';

/**
 * The parsed histories of the cases read lately (GET /events, timeline replay), for an inspector scrubbing through a
 * long case: events never change, so a cached history stays true and only its tail — the events after the cached
 * revision — is read again. Bounded by a total number of events (least recently read cases go first); a history
 * longer than the whole budget is not kept. Callers must not change the arrays they get.
 */
export class HistoryCache {
  private readonly histories = new Map<string, StoredEvent[]>();
  private events = 0;

  constructor(private readonly budget: number) {}

  async read(store: EventStore, streamId: string): Promise<StoredEvent[]> {
    const cached = this.histories.get(streamId);
    const tail = await store.readStream(streamId, { fromRevision: cached?.length ?? 0 });
    const history = !cached ? tail : tail.length ? [...cached, ...tail] : cached;
    this.remember(streamId, history, cached?.length ?? 0);
    return history;
  }

  private remember(streamId: string, history: StoredEvent[], before: number): void {
    this.histories.delete(streamId);
    this.events -= before;
    if (!history.length || history.length > this.budget) return;
    this.histories.set(streamId, history);
    this.events += history.length;
    for (const [id, h] of this.histories) {
      if (this.events <= this.budget) break;
      this.histories.delete(id);
      this.events -= h.length;
    }
  }
}
