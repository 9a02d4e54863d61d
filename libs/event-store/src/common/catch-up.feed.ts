import { Observable } from 'rxjs';
import { StoredEvent } from '../event-store.port';
import { EventStoreClosedError } from './append-checks';

/** Up to `limit` committed events with position > `after`, in position order (read synchronously or not). */
export type PageReader = (after: bigint, limit: number) => StoredEvent[] | Promise<StoredEvent[]>;

export const DEFAULT_PAGE_SIZE = 1000;

interface Follower {
  wake(): void;
  finish(): Promise<void>;
}

/** One turn of the event loop: between pages of a long catch-up, appends and requests get to run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns "the head may have moved" notifications into gap-free, duplicate-free subscriptions, for every adapter that
 * reads its own log (in-memory, SQLite, PostgreSQL). Each subscriber remembers the last position it delivered and,
 * when woken, reads onward from there; the notification carries no events on purpose, so a commit that lands while a
 * page is being read is found by the next read. Only valid when a position, once visible, has every lower position
 * visible too: the store must commit positions in order (the PostgreSQL adapter serialises its appends for this).
 *
 * A failed read does not end the subscription: the database may be restarting, and a subscriber such as the deadline
 * scheduler has no way to resubscribe. The error goes to `onReadError` and the next wake-up (a commit, a notification
 * or the store's poll) reads again from the same position. Only while the store closes, when no retry can come, does
 * a failed read end the subscription with the error.
 */
export class CatchUpFeed {
  private readonly followers = new Set<Follower>();
  private completed = false;

  constructor(
    private readonly readPage: PageReader,
    private readonly onReadError: (error: unknown) => void = () => undefined,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  /** Open subscriptions; for diagnostics and leak tests. */
  get subscriberCount(): number {
    return this.followers.size;
  }

  /** Call whenever the head may have moved (a local commit, a notification, a poll that saw a new head). */
  notify(): void {
    for (const follower of this.followers) follower.wake();
  }

  /** Delivers to every subscriber what it has not seen yet, then completes it; resolves once all are done. */
  async complete(): Promise<void> {
    this.completed = true;
    await Promise.all([...this.followers].map((follower) => follower.finish()));
  }

  subscribe(after: bigint): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      if (this.completed) {
        subscriber.error(new EventStoreClosedError());
        return undefined;
      }
      let position = after;
      let running: Promise<void> | null = null;
      let again = false;

      // Reads page after page until a short page; repeats if woken meanwhile (that commit may be past the short page).
      // Each read waits for the next turn first, so nothing is delivered synchronously, neither on subscribe nor on append.
      const drain = async (): Promise<void> => {
        do {
          again = false;
          while (!subscriber.closed) {
            await nextTurn();
            if (subscriber.closed) return;
            const page = await this.readPage(position, this.pageSize);
            for (const event of page) {
              if (subscriber.closed) return;
              position = event.position;
              subscriber.next(event);
            }
            if (page.length < this.pageSize) break;
          }
        } while (again && !subscriber.closed);
      };
      const start = (): Promise<void> =>
        (running = drain()
          .catch((error: unknown) => {
            if (!subscriber.closed) this.onReadError(error);
          })
          .finally(() => (running = null)));

      const follower: Follower = {
        wake: () => {
          if (subscriber.closed) return;
          if (running) again = true;
          else void start();
        },
        finish: async () => {
          while (running) await running;
          if (!subscriber.closed) {
            // A read that fails now cannot be retried later: the store is closing, so the error goes to the subscriber.
            try {
              await drain();
              subscriber.complete();
            } catch (error) {
              subscriber.error(error);
            }
          }
          this.followers.delete(follower);
        },
      };
      this.followers.add(follower);
      void start();
      return () => {
        this.followers.delete(follower);
      };
    });
  }
}
