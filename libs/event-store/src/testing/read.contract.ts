import { ContractContext, ids, newEvent, newEvents } from './contract.helpers';

export function describeReadContract(ctx: ContractContext): void {
  const { store, stream } = ctx;
  describe('reading', () => {
    it('readAll returns every stream in position order and honours after and limit', async () => {
      const appended = [];
      for (const streamId of ['a', 'b', 'a', 'c', 'b']) {
        appended.push(...(await store().append(stream(streamId), newEvents(2), 'any')).events);
      }
      const all = await ctx.readAll();
      expect(all).toEqual(appended);

      expect(await ctx.readAll({ after: all[0].position })).toEqual(all.slice(1));
      expect(await ctx.readAll({ after: all[3].position })).toEqual(all.slice(4));
      expect(await ctx.readAll({ limit: 3 })).toEqual(all.slice(0, 3));
      expect(await ctx.readAll({ after: all[3].position, limit: 2 })).toEqual(all.slice(4, 6));
      expect(await ctx.readAll({ after: all[all.length - 1].position })).toEqual([]);
      expect(await ctx.readAll({ limit: 0 })).toEqual([]);
    });

    it('reads only the requested stream, also among similarly named ones', async () => {
      const names = ['case', 'case-1', 'case-10', 'Case', 'case '];
      for (const name of names) await store().append(stream(name), [newEvent({ name })], 'no_stream');
      for (const name of names) {
        const events = await store().readStream(stream(name));
        expect(events.map((e) => [e.streamId, e.data])).toEqual([[stream(name), { name }]]);
      }
      expect(await store().readStream(stream('cas'))).toEqual([]);
      expect(await store().readStream(stream('unknown'))).toEqual([]);
    });

    it('readStream starts at fromRevision', async () => {
      const { events } = await store().append(stream('s'), newEvents(5), 'no_stream');
      expect(await store().readStream(stream('s'), { fromRevision: 3 })).toEqual(events.slice(3));
      expect(await store().readStream(stream('s'), { fromRevision: 0 })).toEqual(events);
      expect(await store().readStream(stream('s'), { fromRevision: 5 })).toEqual([]);
    });

    it('headPosition is 0n when empty (on a shared store: what it was at the start) and the last position afterwards', async () => {
      expect(await store().headPosition()).toBe(ctx.start());
      if (ctx.options.isolation === 'fresh') expect(ctx.start()).toBe(0n);
      await store().append(stream('a'), newEvents(2), 'any');
      const last = await store().append(stream('b'), newEvents(1), 'any');
      expect(await store().headPosition()).toBe(last.position);
    });

    it('round-trips a 1 MB payload', async () => {
      const big = 'x'.repeat(1024 * 1024);
      const event = newEvent({ big, tail: 'end' });
      await store().append(stream('big'), [event], 'no_stream');
      const [read] = await store().readStream(stream('big'));
      expect((read.data as { big: string }).big).toHaveLength(big.length);
      expect(read.data).toEqual({ big, tail: 'end' });
    });

    it('round-trips unicode in stream ids, types, data and metadata', async () => {
      const streamId = stream('案件-郴应急立〔2026〕17号');
      const event = newEvent({ docNo: '郴应急立〔2026〕17号', note: '现场检查发现隐患 🚧✅', surrogate: '𠀀𝄞' }, '立案审批✓', {
        handler: '张三 👷',
      });
      await store().append(streamId, [event], 'no_stream');
      const [read] = await store().readStream(streamId);
      expect(read).toMatchObject({ streamId, type: event.type, data: event.data, metadata: event.metadata });
      expect(ids(await ctx.readAll())).toEqual([event.id]);
    });
  });
}
