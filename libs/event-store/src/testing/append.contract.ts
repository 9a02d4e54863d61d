import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.port';
import { ContractContext, ids, newEvent, newEvents, rejectionOf } from './contract.helpers';

export function describeAppendContract(ctx: ContractContext): void {
  const { store, stream } = ctx;
  describe('append', () => {
    it('appends to a new stream and reads the events back as stored', async () => {
      const events = [newEvent({ amount: 1, tags: ['a'], nested: { ok: true, none: null } }, 'CaseOpened', { user: 'u1' })];
      events.push(...newEvents(2));
      const result = await store().append(stream('case-1'), events, 'no_stream');

      expect(result.streamId).toBe(stream('case-1'));
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.events.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(result.position).toBe(result.events[2].position);
      expect(ids(result.events)).toEqual(ids(events));
      expect(result.events[0]).toMatchObject({
        streamId: stream('case-1'),
        type: 'CaseOpened',
        data: { amount: 1, tags: ['a'], nested: { ok: true, none: null } },
        metadata: { user: 'u1' },
      });
      expect(await store().readStream(stream('case-1'))).toEqual(result.events);
    });

    it('numbers revisions from 0 per stream and positions from 1, globally increasing', async () => {
      const a1 = await store().append(stream('a'), newEvents(2), 'no_stream');
      const b1 = await store().append(stream('b'), newEvents(1), 'no_stream');
      const a2 = await store().append(stream('a'), newEvents(1), 1);

      expect((await store().readStream(stream('a'))).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect((await store().readStream(stream('b'))).map((e) => e.revision)).toEqual([0]);
      const positions = [...a1.events, ...b1.events, ...a2.events].map((e) => e.position);
      positions.forEach((position) => expect(typeof position).toBe('bigint'));
      expect(positions[0]).toBeGreaterThanOrEqual(1n);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(typeof a2.nextExpectedRevision).toBe('number');
    });

    it('no_stream fails with the actual revision once the stream exists, writing nothing', async () => {
      await store().append(stream('s'), newEvents(1), 'no_stream');
      const head = await store().headPosition();
      const error = await rejectionOf(store().append(stream('s'), newEvents(1), 'no_stream'));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: stream('s'), expected: 'no_stream', actual: 0 });
      expect(await store().headPosition()).toBe(head);
      expect(await store().readStream(stream('s'))).toHaveLength(1);
    });

    it('any appends to new and existing streams', async () => {
      await store().append(stream('s'), newEvents(1), 'any');
      const result = await store().append(stream('s'), newEvents(2), 'any');
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('an exact revision succeeds when it is the current one and fails otherwise, writing nothing', async () => {
      await store().append(stream('s'), newEvents(3), 'no_stream');
      const ok = await store().append(stream('s'), newEvents(1), 2);
      expect(ok.events[0].revision).toBe(3);

      const before = await ctx.readAll();
      const stale = await rejectionOf(store().append(stream('s'), newEvents(1), 2));
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ streamId: stream('s'), expected: 2, actual: 3 });
      const ahead = await rejectionOf(store().append(stream('s'), newEvents(1), 7));
      expect(ahead).toMatchObject({ expected: 7, actual: 3 });
      const missing = await rejectionOf(store().append(stream('nope'), newEvents(1), 0));
      expect(missing).toBeInstanceOf(WrongExpectedRevisionError);
      expect(missing).toMatchObject({ streamId: stream('nope'), expected: 0, actual: 'no_stream' });
      expect(await ctx.readAll()).toEqual(before);
    });

    it('a retry with the same event ids returns the original result and writes nothing, even with a stale expectation', async () => {
      const events = newEvents(2);
      const original = await store().append(stream('s'), events, 'no_stream');
      await store().append(stream('s'), newEvents(1), 1);
      const before = await ctx.readAll();

      expect(await store().append(stream('s'), events, 'no_stream')).toEqual(original);
      expect(await store().append(stream('s'), events, 0)).toEqual(original);
      expect(await store().append(stream('s'), events, 'any')).toEqual(original);
      expect(await store().append(stream('s'), [{ ...events[0] }], 'no_stream')).toEqual({
        ...original,
        nextExpectedRevision: 0,
        position: original.events[0].position,
        events: [original.events[0]],
      });
      expect(await ctx.readAll()).toEqual(before);
    });

    it('two identical appends fired together store once and both get the same result', async () => {
      const events = newEvents(2);
      const [first, second] = await Promise.all([
        store().append(stream('s'), events, 'no_stream'),
        store().append(stream('s'), events, 'no_stream'),
      ]);
      expect(second).toEqual(first);
      expect(await ctx.readAll()).toEqual(first.events);
    });

    it('rejects appends that overlap stored ids without being exact retries, writing nothing', async () => {
      const [a, b] = newEvents(2);
      await store().append(stream('s'), [a, b], 'no_stream');
      const before = await ctx.readAll();
      const fresh = newEvent();

      const attempts: Array<[string, (typeof a)[]]> = [
        [stream('s'), [fresh, a]], // stored id later in the append
        [stream('s'), [a, fresh]], // retry extended with a new event
        [stream('s'), [b, a]], // same ids, other order
      ];
      for (const [streamId, events] of attempts) {
        const error = await rejectionOf(store().append(streamId, events, 'any'));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ streamId });
      }
      expect(await ctx.readAll()).toEqual(before);
    });

    // Where event ids must be unique: in the whole store (SQLite, PostgreSQL, in-memory), or per stream only
    // (EventStoreDB has no index by event id). Each adapter is held to the scope it declares.
    if (ctx.options.eventIdScope === 'store') {
      it('rejects stored ids appended to another stream, writing nothing', async () => {
        const [a, b] = newEvents(2);
        await store().append(stream('s'), [a, b], 'no_stream');
        const before = await ctx.readAll();

        const error = await rejectionOf(store().append(stream('other'), [a, b], 'any'));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({ streamId: stream('other') });
        expect(await ctx.readAll()).toEqual(before);
        expect(await store().readStream(stream('other'))).toEqual([]);
      });
    } else {
      it("keeps event ids unique per stream: the same ids in another stream are that stream's own events", async () => {
        const [a, b] = newEvents(2);
        await store().append(stream('s'), [a, b], 'no_stream');
        const inFirst = await store().readStream(stream('s'));

        const result = await store().append(stream('other'), [a, b], 'no_stream');
        expect(result.events.map((e) => [e.streamId, e.revision, e.id])).toEqual([
          [stream('other'), 0, a.id],
          [stream('other'), 1, b.id],
        ]);
        expect(await store().readStream(stream('s'))).toEqual(inFirst);
        // A retry in that stream is still a retry: nothing written twice.
        await store().append(stream('other'), [a, b], 'no_stream');
        expect(await store().readStream(stream('other'))).toHaveLength(2);
      });
    }

    it('rejects a repeated id inside one append and an empty append', async () => {
      const event = newEvent();
      expect(await rejectionOf(store().append(stream('s'), [event, event], 'any'))).toBeInstanceOf(DuplicateEventIdError);
      expect(await rejectionOf(store().append(stream('s'), [], 'any'))).toBeInstanceOf(Error);
      expect(await store().headPosition()).toBe(ctx.start());
    });

    it('checks appends fired together one by one: each sees the earlier ones, a failure affects only itself', async () => {
      const results = await Promise.allSettled([
        store().append(stream('x'), newEvents(1), 'no_stream'),
        store().append(stream('x'), newEvents(1), 0),
        store().append(stream('x'), newEvents(1), 0),
        store().append(stream('y'), newEvents(2), 'no_stream'),
        store().append(stream('x'), newEvents(1), 1),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ expected: 0, actual: 1 });
      expect((await store().readStream(stream('x'))).map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(await store().readStream(stream('y'))).toHaveLength(2);
    });

    it('keeps stored events independent of the caller mutating its objects', async () => {
      const event = newEvent({ list: [1] });
      const result = await store().append(stream('s'), [event], 'no_stream');
      (event.data as { list: number[] }).list.push(2);
      (result.events[0].data as { list: number[] }).list.push(3);
      const [read] = await store().readStream(stream('s'));
      (read.data as { list: number[] }).list.push(4);
      expect((await store().readStream(stream('s')))[0].data).toEqual({ list: [1] });
    });
  });
}
