import { EventStore, ExpectedRevision, InMemoryEventStore, NewEvent, WrongExpectedRevisionError } from '@app/event-store';
import { CommandRequest } from './case-engine';
import { approveFiling, head, officer, openCase, people, testEngine } from './testing/engine-fixtures';
import { CommandNotAllowedError, ConcurrencyExhaustedError, RevisionMismatchError } from './engine-errors';
import { caseIdOf } from './event-envelope';
import { caseEntryBytes } from './case-cache';

const interference = (caseId: string): CommandRequest => ({
  caseId,
  requestId: 'r',
  actor: officer,
  command: {
    name: 'record-interference',
    body: { intervener: { name: 'n', unit: 'u', post: 'p', relation: 'other' }, means: 'phone', content: 'c', handling: 'h' },
  },
});

function engine(store: EventStore, maxRetries = 5) {
  return testEngine(store, { maxRetries });
}

/** A store that lets another writer slip in right before the engine's next append (a real race, staged). */
class RacingStore extends InMemoryEventStore {
  beforeNextAppend: (() => Promise<void>) | null = null;
  appendCalls: ExpectedRevision[] = [];
  readFrom: number[] = [];
  override async append(streamId: string, events: NewEvent[], expected: ExpectedRevision) {
    this.appendCalls.push(expected);
    const race = this.beforeNextAppend;
    this.beforeNextAppend = null;
    if (race) await race();
    return super.append(streamId, events, expected);
  }
  override async readStream(streamId: string, options?: { fromRevision?: number }) {
    if (caseIdOf(streamId) !== null) this.readFrom.push(options?.fromRevision ?? 0);
    return super.readStream(streamId, options);
  }
}

describe('CaseEngine', () => {
  it('asks its Authorizer once per step, with the case it decides on, before the body is parsed; a refusal writes nothing', async () => {
    const store = new InMemoryEventStore();
    const { caseId } = await engine(store).execute(openCase);
    const asked: unknown[] = [];
    const parsed: string[] = [];
    let refuse = true;
    const guarded = testEngine(store, {
      authorizer: {
        authorize: (r) => {
          asked.push(r);
          if (refuse) throw new Error('refused');
        },
      },
      parser: {
        parse: async (name, raw) => {
          parsed.push(name);
          return raw as never;
        },
      },
    });
    const approve: CommandRequest = {
      caseId,
      requestId: 'r',
      actor: head,
      occurredAt: '2026-09-02T10:00:00+08:00',
      command: { name: 'approve-filing', unparsed: {} },
    };
    await expect(guarded.execute(approve)).rejects.toThrow('refused');
    expect(parsed).toEqual([]);
    expect(await store.readStream(`case-${caseId}`)).toHaveLength(1);
    asked.length = 0;
    refuse = false;
    expect((await guarded.execute(approve)).view.stage).toBe('investigation');
    expect(asked).toEqual([
      {
        actor: head,
        command: 'approve-filing',
        occurredAt: '2026-09-02T10:00:00+08:00',
        case: { agencyId: 'ag-1', handlingOfficerIds: ['o1', 'o2'], presidingOfficerId: null, filingApproverId: null },
      },
    ]);
    expect(parsed).toEqual(['approve-filing']);
  });

  it('on a concurrent append, re-loads and re-decides instead of failing', async () => {
    const store = new RacingStore();
    const a = engine(store);
    const b = engine(store);
    const { caseId } = await a.execute(openCase);
    store.beforeNextAppend = async () => void (await b.execute(interference(caseId)));
    const result = await a.execute({ ...approveFiling(caseId), requestId: 'r2' });
    expect(result.view.stage).toBe('investigation');
    expect((await store.readStream(`case-${caseId}`)).map((e) => e.type)).toEqual(['CaseOpened', 'InterferenceRecorded', 'CaseFiled']);
  });

  it('with If-Match, a concurrent append is a 412, not a retry', async () => {
    const store = new RacingStore();
    const a = engine(store);
    const { caseId } = await a.execute(openCase);
    store.beforeNextAppend = async () => void (await engine(store).execute(interference(caseId)));
    await expect(a.execute({ ...interference(caseId), ifMatch: 0 })).rejects.toBeInstanceOf(RevisionMismatchError);
    expect((await store.readStream(`case-${caseId}`)).map((e) => e.type)).toEqual(['CaseOpened', 'InterferenceRecorded']);
  });

  it('gives up after the bounded number of retries', async () => {
    const store = new RacingStore();
    const { caseId } = await engine(store).execute(openCase);
    const stuck = engine(store, 2);
    const alwaysConflict = jest.spyOn(store, 'append').mockRejectedValue(new WrongExpectedRevisionError('x', 0, 1));
    await expect(stuck.execute(interference(caseId))).rejects.toBeInstanceOf(ConcurrencyExhaustedError);
    expect(alwaysConflict).toHaveBeenCalledTimes(3);
  });

  it('does not replay the stream per command: a cached case decides without reading, and catches up only the events after its revision', async () => {
    const store = new RacingStore();
    const e = engine(store);
    const { caseId } = await e.execute(openCase);
    for (let i = 0; i < 50; i++) await e.execute(interference(caseId));
    store.readFrom = [];
    await e.execute(interference(caseId));
    expect(store.readFrom).toEqual([]);
    await engine(store).execute(interference(caseId)); // another process moves the case on (it folds all 53 events once)
    store.readFrom = [];
    await e.execute(interference(caseId)); // stale cache → conflict → catch up from revision 52 only
    expect(store.readFrom).toEqual([52]);
    expect((await store.readStream(`case-${caseId}`)).length).toBe(54);
  });

  it('estimates a case grown command by command no lower than measuring its fold whole, and not far above', async () => {
    const e = engine(new InMemoryEventStore());
    const { caseId } = await e.execute(openCase);
    await e.execute(approveFiling(caseId));
    for (let i = 0; i < 50; i++) await e.execute(interference(caseId));
    const cache = e['cache'];
    const whole = caseEntryBytes(cache.get(caseId)!);
    expect(cache.bytes).toBeGreaterThanOrEqual(whole);
    expect(cache.bytes).toBeLessThan(whole * 3);
  });

  it('refuses a command the stage does not accept with the allowed commands', async () => {
    const store = new InMemoryEventStore();
    const { caseId } = await engine(store).execute(openCase);
    const refusal = engine(store).execute({ caseId, requestId: 'r', actor: head, command: { name: 'close-case', body: {} } });
    await expect(refusal).rejects.toBeInstanceOf(CommandNotAllowedError);
    await expect(refusal).rejects.toMatchObject({
      allowedCommands: [
        'approve-filing',
        'reject-filing',
        'record-interference',
        'attest-interference-record',
        'supervise-case',
        'reply-supervision',
      ],
    });
  });

  it('numbers filings consecutively per agency and year, without reusing a number on retry', async () => {
    const store = new InMemoryEventStore();
    const e = engine(store);
    const nos: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { caseId } = await e.execute(openCase);
      const filed = await e.execute({ ...approveFiling(caseId), idempotencyKey: 'k' });
      const retried = await e.execute({ ...approveFiling(caseId), idempotencyKey: 'k' });
      expect(retried.replayed).toBe(true);
      expect(retried.view.caseNo).toBe(filed.view.caseNo);
      nos.push(filed.view.caseNo!);
    }
    expect(nos).toEqual(['测应急立〔2026〕1号', '测应急立〔2026〕2号', '测应急立〔2026〕3号']);
  });

  it('gives concurrent filings distinct consecutive numbers, also across two engines on one store', async () => {
    const store = new InMemoryEventStore();
    const engines = [engine(store), engine(store)];
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => engines[i % 2].execute(openCase).then((r) => r.caseId)));
    const filed = await Promise.all(ids.map((caseId, i) => engines[i % 2].execute(approveFiling(caseId))));
    const numbers = filed.map((f) => Number(/〕(\d+)号/.exec(f.view.caseNo!)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('uses an agency’s own number format when it has one', async () => {
    const store = new InMemoryEventStore();
    const custom = testEngine(store, {
      people: { ...people, agency: () => ({ shortName: '桂阳应急', numberFormats: { case: '{short}〔{year}〕立字第{n}号' } }) },
    });
    const { caseId } = await custom.execute(openCase);
    const filed = await custom.execute(approveFiling(caseId));
    expect(filed.view.caseNo).toBe('桂阳应急〔2026〕立字第1号');
  });
});
