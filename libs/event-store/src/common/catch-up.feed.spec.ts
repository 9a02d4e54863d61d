import { StoredEvent } from '../event-store.port';
import { collect, waitUntil } from '../testing/contract.helpers';
import { CatchUpFeed } from './catch-up.feed';

const event = (position: number): StoredEvent => ({
  id: `e${position}`,
  streamId: 's',
  type: 'T',
  revision: position - 1,
  position: BigInt(position),
  data: {},
  metadata: {},
});
const log = (count: number) => Array.from({ length: count }, (_, i) => event(i + 1));
const page = (events: StoredEvent[]) => (after: bigint, limit: number) => events.filter((e) => e.position > after).slice(0, limit);

describe('CatchUpFeed', () => {
  it('a failed read is reported and retried from the same position on the next wake-up; the subscription stays open', async () => {
    const events = log(3);
    const errors: unknown[] = [];
    let fail = true;
    const feed = new CatchUpFeed(
      (after, limit) => {
        if (fail) throw new Error('SQLITE_IOERR');
        return page(events)(after, limit);
      },
      (error) => errors.push(error),
    );
    const subscriber = collect(feed.subscribe(0n));
    await waitUntil(() => errors.length === 1, 'the failed read is reported');
    expect(subscriber.error).toBeUndefined();
    expect(feed.subscriberCount).toBe(1);

    fail = false;
    feed.notify();
    await waitUntil(() => subscriber.events.length === 3, 'the retried read delivers');
    expect(subscriber.events.map((e) => e.position)).toEqual([1n, 2n, 3n]);
    await feed.complete();
    expect(subscriber.completed).toBe(true);
  });

  it('a read that fails while the store closes ends the subscription with the error (no retry can come)', async () => {
    let fail = false;
    const feed = new CatchUpFeed((after, limit) => {
      if (fail) throw new Error('disk gone');
      return page(log(1))(after, limit);
    });
    const subscriber = collect(feed.subscribe(0n));
    await waitUntil(() => subscriber.events.length === 1, 'history arrives');
    fail = true;
    await feed.complete();
    expect((subscriber.error as Error).message).toBe('disk gone');
  });

  it('yields a turn of the event loop between pages of a long catch-up, even with a synchronous reader', async () => {
    const feed = new CatchUpFeed(page(log(5000)));
    const subscriber = collect(feed.subscribe(0n));
    expect(subscriber.events).toHaveLength(0);
    const seenByAnotherTask = await new Promise<number>((resolve) => setImmediate(() => resolve(subscriber.events.length)));
    expect(seenByAnotherTask).toBeLessThan(5000);
    await waitUntil(() => subscriber.events.length === 5000, 'the whole history arrives');
    await feed.complete();
  });
});
