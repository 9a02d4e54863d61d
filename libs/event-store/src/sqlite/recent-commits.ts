import { StoredEvent } from '../event-store.port';
import { EventTuple, tupleToStoredEvent } from './sqlite.statements';

interface Held {
  row: EventTuple;
  event?: StoredEvent;
}

/**
 * The rows this store's own commits wrote last, kept as a read would return them, so that its subscribers, woken by
 * those very commits, take them from here instead of reading the file again, and each event is parsed once for all
 * of them (subscribers must not change the events they get). Only a run of consecutive positions is held, and a
 * commit by another connection clears it: a page served from here is exactly what the file holds after `after`.
 */
export class RecentCommits {
  private held: Held[] = [];
  private first = 0n;

  constructor(private readonly capacity = 1000) {}

  /** A row this store committed; rows come in position order. A gap starts the run again from this row. */
  add(row: EventTuple): void {
    if (this.held.length === 0 || row[0] !== this.first + BigInt(this.held.length)) {
      this.held = [];
      this.first = row[0];
    }
    this.held.push({ row });
    if (this.held.length > this.capacity) {
      this.held = this.held.slice(this.held.length - (this.capacity >> 1));
      this.first = this.held[0].row[0];
    }
  }

  /** Another connection committed: what is held may no longer be all the file has after it. */
  clear(): void {
    this.held = [];
  }

  /** Up to `limit` events after `after` when the next one is held (the page then ends with what is held); else null. */
  page(after: bigint, limit: number): StoredEvent[] | null {
    const from = after + 1n - this.first;
    if (from < 0n || from >= BigInt(this.held.length)) return null;
    const start = Number(from);
    return this.held.slice(start, start + limit).map((h) => (h.event ??= tupleToStoredEvent(h.row)));
  }
}
