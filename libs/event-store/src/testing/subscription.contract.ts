import { collect, ContractContext, expectStrictlyIncreasing, ids, newEvents, waitUntil } from './contract.helpers';

export function describeSubscriptionContract(ctx: ContractContext): void {
  const { store, stream } = ctx;
  describe('subscribe', () => {
    it('delivers history and concurrent appends exactly once, in position order', async () => {
      // More history than one catch-up page, so live commits land while the subscriber is still paging.
      await Promise.all(Array.from({ length: 50 }, (_, i) => store().append(stream(`history-${i % 10}`), newEvents(50), 'any')));
      // From an explicit position: 0n on a fresh store.
      const subscriber = collect(store().subscribe(ctx.start()));

      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 40; i++) await store().append(stream(`live-${w}-${i % 3}`), newEvents(1 + (i % 4)), 'any');
      });
      await Promise.all(writers);
      const head = await store().headPosition();
      await waitUntil(() => subscriber.lastPosition() >= head, 'the subscriber reaches the head');

      const all = await ctx.readAll();
      expect(subscriber.error).toBeUndefined();
      expect(subscriber.events).toHaveLength(all.length);
      expect(ids(subscriber.events)).toEqual(ids(all));
      expect(new Set(ids(subscriber.events)).size).toBe(all.length);
      expectStrictlyIncreasing(subscriber.events.map((e) => e.position));
      expect(subscriber.events).toEqual(all);
      subscriber.subscription.unsubscribe();
    });

    it('catches up on several pages of history without any further append', async () => {
      await Promise.all(Array.from({ length: 25 }, () => store().append(stream('history'), newEvents(100), 'any')));
      const head = await store().headPosition();
      const subscriber = collect(ctx.subscribeFromStart());
      await waitUntil(() => subscriber.lastPosition() >= head, 'the subscriber reaches the head');
      expect(ids(subscriber.events)).toEqual(ids(await ctx.readAll()));
      subscriber.subscription.unsubscribe();
    });

    it('starts after the given position, then follows live appends', async () => {
      await store().append(stream('s'), newEvents(20), 'no_stream');
      const all = await ctx.readAll();
      const subscriber = collect(store().subscribe(all[9].position));
      const live = await store().append(stream('t'), newEvents(3), 'no_stream');

      await waitUntil(() => subscriber.lastPosition() >= live.position, 'the live events arrive');
      expect(ids(subscriber.events)).toEqual([...ids(all.slice(10)), ...ids(live.events)]);
      subscriber.subscription.unsubscribe();
    });

    it('never delivers synchronously, neither on subscribe nor on append', async () => {
      await store().append(stream('s'), newEvents(2), 'no_stream');
      const subscriber = collect(ctx.subscribeFromStart());
      expect(subscriber.events).toHaveLength(0);
      await waitUntil(() => subscriber.events.length === 2, 'history arrives');

      const appended = store().append(stream('s'), newEvents(1), 1);
      expect(subscriber.events).toHaveLength(2);
      await appended;
      await waitUntil(() => subscriber.events.length === 3, 'the live event arrives');
      subscriber.subscription.unsubscribe();
    });

    it('stops delivering after unsubscribe', async () => {
      const stopped = collect(ctx.subscribeFromStart());
      const control = collect(ctx.subscribeFromStart());
      await store().append(stream('s'), newEvents(3), 'no_stream');
      await waitUntil(() => stopped.events.length === 3, 'the first events arrive');

      stopped.subscription.unsubscribe();
      const later = await store().append(stream('s'), newEvents(3), 2);
      // The control subscriber is the clock: once it has the later events, any delivery to the other would have happened.
      await waitUntil(() => control.lastPosition() >= later.position, 'the control subscriber sees the later events');
      expect(stopped.events).toHaveLength(3);
      expect(stopped.completed).toBe(false);
      expect(control.events).toHaveLength(6);
      control.subscription.unsubscribe();
    });

    it('close commits pending appends, delivers them, then completes subscriptions', async () => {
      const subscriber = collect(ctx.subscribeFromStart());
      const pending = store().append(stream('s'), newEvents(2), 'no_stream');
      await store().close();
      const result = await pending;

      expect(subscriber.completed).toBe(true);
      expect(subscriber.error).toBeUndefined();
      expect(ids(subscriber.events)).toEqual(ids(result.events));
    });
  });
}
