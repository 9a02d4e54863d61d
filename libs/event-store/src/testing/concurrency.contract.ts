import { WrongExpectedRevisionError } from '../event-store.port';
import { ContractContext, expectStrictlyIncreasing, ids, newEvent, newEvents } from './contract.helpers';

const WRITERS = 8;
const APPENDS_PER_WRITER = 50;
const CONTESTED = 'contested';

export function describeConcurrencyContract(ctx: ContractContext): void {
  const { store, stream } = ctx;
  describe('concurrent appenders', () => {
    it(`${WRITERS} writers x ${APPENDS_PER_WRITER} appends: all own appends land, one winner per contested revision`, async () => {
      const wins: Array<{ id: string; expected: number | 'no_stream' }> = [];
      const losses: WrongExpectedRevisionError[] = [];
      const attemptsByExpected = new Map<string, number>();

      const writer = async (w: number): Promise<string[]> => {
        const revisions = new Map<string, number>();
        const written: string[] = [];
        for (let i = 0; i < APPENDS_PER_WRITER; i++) {
          const streamId = stream(`writer-${w}-stream-${i % 7}`);
          const events = newEvents(1 + (i % 3));
          const result = await store().append(streamId, events, revisions.get(streamId) ?? 'no_stream');
          revisions.set(streamId, result.nextExpectedRevision);
          written.push(...ids(events));

          if (i % 5 === 0) {
            // Read-then-append with an exact revision: the classic optimistic-concurrency race.
            const last = (await store().readStream(stream(CONTESTED))).at(-1)?.revision;
            const expected = last ?? 'no_stream';
            const event = newEvent({ w, i });
            attemptsByExpected.set(String(expected), (attemptsByExpected.get(String(expected)) ?? 0) + 1);
            try {
              await store().append(stream(CONTESTED), [event], expected);
              wins.push({ id: event.id, expected });
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
              losses.push(error);
            }
          }
        }
        return written;
      };

      const written = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))).flat();

      const all = await ctx.readAll();
      expectStrictlyIncreasing(all.map((e) => e.position));
      const contested = all.filter((e) => e.streamId === stream(CONTESTED));
      expect(
        all
          .filter((e) => e.streamId !== stream(CONTESTED))
          .map((e) => e.id)
          .sort(),
      ).toEqual([...written].sort());
      expect(contested.map((e) => e.revision)).toEqual(contested.map((_, r) => r));
      expect(ids(contested).sort()).toEqual(wins.map((win) => win.id).sort());
      expect(wins.length + losses.length).toBe(WRITERS * Math.ceil(APPENDS_PER_WRITER / 5));
      for (const expected of attemptsByExpected.keys()) {
        expect([expected, wins.filter((win) => String(win.expected) === expected).length]).toEqual([expected, 1]);
      }
      for (const loss of losses) expect(loss.actual).not.toEqual(loss.expected);
      for (let w = 0; w < WRITERS; w++) {
        for (let s = 0; s < 7; s++) {
          const events = await store().readStream(stream(`writer-${w}-stream-${s}`));
          expect(events.map((e) => e.revision)).toEqual(events.map((_, r) => r));
        }
      }
    });

    it('many appenders racing for the same revision: exactly one wins each round', async () => {
      for (let round = 0; round < 10; round++) {
        const expected = round === 0 ? 'no_stream' : round - 1;
        const results = await Promise.allSettled(
          Array.from({ length: WRITERS }, () => store().append(stream(CONTESTED), newEvents(1), expected)),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const { reason } of lost) {
          expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(reason).toMatchObject({ expected, actual: round });
        }
      }
      expect((await store().readStream(stream(CONTESTED))).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });
}
