import { ids, newEvent, newEvents, StoreGetter } from './contract.helpers';

export function describeReadContract(store: StoreGetter): void {
  describe('reading', () => {
    it('readAll returns every stream in position order and honours after and limit', async () => {
      const appended = [];
      for (const streamId of ['a', 'b', 'a', 'c', 'b']) {
        appended.push(...(await store().append(streamId, newEvents(2), 'any')).events);
      }
      const all = await store().readAll();
      expect(all).toEqual(appended);

      expect(await store().readAll({ after: all[0].position })).toEqual(all.slice(1));
      expect(await store().readAll({ after: all[3].position })).toEqual(all.slice(4));
      expect(await store().readAll({ limit: 3 })).toEqual(all.slice(0, 3));
      expect(await store().readAll({ after: all[3].position, limit: 2 })).toEqual(all.slice(4, 6));
      expect(await store().readAll({ after: all[all.length - 1].position })).toEqual([]);
      expect(await store().readAll({ limit: 0 })).toEqual([]);
    });

    it('reads only the requested stream, also among similarly named ones', async () => {
      const names = ['case', 'case-1', 'case-10', 'Case', 'case '];
      for (const name of names) await store().append(name, [newEvent({ name })], 'no_stream');
      for (const name of names) {
        const events = await store().readStream(name);
        expect(events.map((e) => [e.streamId, e.data])).toEqual([[name, { name }]]);
      }
      expect(await store().readStream('cas')).toEqual([]);
      expect(await store().readStream('unknown')).toEqual([]);
    });

    it('readStream starts at fromRevision', async () => {
      const { events } = await store().append('s', newEvents(5), 'no_stream');
      expect(await store().readStream('s', { fromRevision: 3 })).toEqual(events.slice(3));
      expect(await store().readStream('s', { fromRevision: 0 })).toEqual(events);
      expect(await store().readStream('s', { fromRevision: 5 })).toEqual([]);
    });

    it('headPosition is 0n when empty and the last position afterwards', async () => {
      expect(await store().headPosition()).toBe(0n);
      await store().append('a', newEvents(2), 'any');
      const last = await store().append('b', newEvents(1), 'any');
      expect(await store().headPosition()).toBe(last.position);
    });

    it('round-trips a 1 MB payload', async () => {
      const big = 'x'.repeat(1024 * 1024);
      const event = newEvent({ big, tail: 'end' });
      await store().append('big', [event], 'no_stream');
      const [read] = await store().readStream('big');
      expect((read.data as { big: string }).big).toHaveLength(big.length);
      expect(read.data).toEqual({ big, tail: 'end' });
    });

    it('round-trips unicode in stream ids, types, data and metadata', async () => {
      const streamId = '案件-郴应急立〔2026〕17号';
      const event = newEvent(
        { docNo: '郴应急立〔2026〕17号', note: '现场检查发现隐患 🚧✅', surrogate: '𠀀𝄞' },
        '立案审批✓',
        { handler: '张三 👷' },
      );
      await store().append(streamId, [event], 'no_stream');
      const [read] = await store().readStream(streamId);
      expect(read).toMatchObject({ streamId, type: event.type, data: event.data, metadata: event.metadata });
      expect(ids(await store().readAll())).toEqual([event.id]);
    });
  });
}
