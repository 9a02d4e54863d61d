import { Observable, Subject } from 'rxjs';
import { StoredEvent } from '../event-store.port';
import { EventStoreClosedError } from './append-checks';

/** Synchronously returns up to `limit` committed events with position > `after`, in position order. */
export type PageReader = (after: bigint, limit: number) => StoredEvent[];

export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Turns "the head moved" notifications into gap-free, duplicate-free subscriptions. Each subscriber remembers the
 * last position it delivered and, whenever woken, reads onward from there. The notification carries no events on
 * purpose: commits that land while a subscriber is still paging through history are simply found by its next read.
 */
export class CatchUpFeed {
  private readonly headMoved = new Subject<void>();
  private completed = false;
  private open = 0;

  constructor(
    private readonly readPage: PageReader,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  /** Open subscriptions; for diagnostics and leak tests. */
  get subscriberCount(): number {
    return this.open;
  }

  /** Call after every commit that wrote events. */
  notify(): void {
    this.headMoved.next();
  }

  /** Delivers to every subscriber what it has not seen yet (synchronously), then completes it. */
  complete(): void {
    this.completed = true;
    this.headMoved.complete();
  }

  subscribe(after: bigint): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      if (this.completed) {
        subscriber.error(new EventStoreClosedError());
        return undefined;
      }
      let position = after;
      let pending: NodeJS.Immediate | undefined;

      // Delivers one page; true when the page was full, i.e. more may be waiting.
      const readOnce = (): boolean => {
        const page = this.readPage(position, this.pageSize);
        for (const event of page) {
          if (subscriber.closed) return false;
          position = event.position;
          subscriber.next(event);
        }
        return page.length === this.pageSize;
      };
      const run = (): void => {
        pending = undefined;
        if (subscriber.closed) return;
        try {
          if (readOnce()) schedule();
        } catch (error) {
          subscriber.error(error);
        }
      };
      // setImmediate keeps delivery out of the caller's stack and lets appends run between pages of a long catch-up.
      const schedule = (): void => {
        if (pending === undefined && !subscriber.closed) pending = setImmediate(run);
      };
      const drainAndComplete = (): void => {
        if (pending !== undefined) clearImmediate(pending);
        pending = undefined;
        try {
          while (!subscriber.closed && readOnce());
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      };

      const wakeups = this.headMoved.subscribe({ next: schedule, complete: drainAndComplete });
      // Counted on the wakeup subscription itself, so a leaked listener shows up in subscriberCount.
      this.open++;
      wakeups.add(() => this.open--);
      schedule();
      return () => {
        wakeups.unsubscribe();
        if (pending !== undefined) clearImmediate(pending);
        pending = undefined;
      };
    });
  }
}
