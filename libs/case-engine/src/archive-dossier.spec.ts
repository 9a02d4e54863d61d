import { InMemoryEventStore, StoredEvent } from '@app/event-store';
import { WorkingDayCalendar } from '@app/calendar';
import { CaseCommand, CaseEventBody, RulesBook } from '@workflows/enforcement-case';
import rulesFile from '../../../workflows/enforcement-case/rules/versions.json';
import { CASE_ID, opened } from '@workflows/enforcement-case/testing/given-when-then';
import { CaseEngine, CommandRequest } from './case-engine';
import { DossierSealer } from './document-sealer';
import { caseStreamId } from './event-envelope';
import { CommandNotAllowedError } from './engine-errors';

const head = { id: 'h', name: 'h', roles: ['head' as const], agencyId: 'ag-test' };
const at = '2026-09-03T10:00:00+08:00';

/** A case decided (不予处罚) and attested by both handling officers: ready to close. */
const closable: CaseEventBody[] = [
  opened,
  { type: 'CaseFiled', data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines: [] } },
  { type: 'InvestigationConcluded', data: { findings: 'f', proposedOutcome: 'no_penalty_minor', legalBasis: ['b'] } },
  {
    type: 'NoPenaltyDecided',
    data: { decisionNo: 'D', outcome: 'no_penalty_minor', legalBasis: ['b'], rulesVersion: 'hn-2026.1', deadlines: [] },
  },
  { type: 'InterferenceAttested', data: { officerId: 'o1', complete: true } },
  { type: 'InterferenceAttested', data: { officerId: 'o2', complete: true } },
];

/** A binder that "binds" to the hash of the revisions it saw, and fails while `failing` is set (an interruption). */
function binder() {
  const seen: number[] = [];
  const sealer: DossierSealer & { failing: boolean; seen: number[] } = {
    failing: false,
    seen,
    archive(events: readonly StoredEvent[]) {
      if (sealer.failing) return Promise.reject(new Error('binder down'));
      seen.push(events.length);
      const closed = events.map((e) => e.type).lastIndexOf('CaseClosed');
      return Promise.resolve({ sha256: `bound-${closed}`, revision: closed, anchor: null, pages: 7 });
    },
  };
  return sealer;
}

async function closableCase(store: InMemoryEventStore) {
  const meta = { actor: head, occurredAt: '2026-09-01T10:00:00+08:00', recordedAt: '2026-09-01T02:00:00Z', command: 'seed' };
  await store.append(
    caseStreamId(CASE_ID),
    closable.map((e, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, type: e.type, data: e.data, metadata: meta })),
    'no_stream',
  );
}

function engine(store: InMemoryEventStore, dossiers: DossierSealer) {
  return new CaseEngine({
    store,
    authorizer: { authorize: () => undefined },
    people: { person: () => undefined, agency: () => ({ shortName: '测应急' }) },
    rules: rulesFile as unknown as RulesBook,
    calendar: new WorkingDayCalendar(),
    clock: () => new Date('2026-11-27T00:00:00Z'),
    newId: () => crypto.randomUUID(),
    dossiers,
  });
}

const command = (name: 'close-case' | 'archive-dossier'): CommandRequest => ({
  caseId: CASE_ID,
  requestId: 'r',
  actor: head,
  occurredAt: at,
  command: { name, body: {} } as CaseCommand,
});

describe('CaseEngine: the 案卷 archived on closing', () => {
  it('follows close-case with DossierArchived in the same request, bound up to the CaseClosed', async () => {
    const store = new InMemoryEventStore();
    await closableCase(store);
    const sealer = binder();
    const closed = await engine(store, sealer).execute(command('close-case'));
    expect(closed.events.map((e) => [e.type, e.revision])).toEqual([
      ['CaseClosed', 6],
      ['DossierArchived', 7],
    ]);
    expect(closed.events[1].data).toEqual({ sha256: 'bound-6', revision: 6, anchor: null, pages: 7 });
    expect(closed.events[1].metadata).toMatchObject({ command: 'archive-dossier', actor: { id: 'h' }, causationId: closed.events[0].id });
    expect(closed.view).toMatchObject({ stage: 'closed', revision: 7 });
    expect(closed.view.allowedCommands).not.toContain('archive-dossier');
  });

  it('archives on the fold the closing step left (no second fold of the stream), then lets the closed case leave the cache', async () => {
    const store = new InMemoryEventStore();
    await closableCase(store);
    const reads: number[] = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((id, options) => {
      reads.push(options?.fromRevision ?? 0);
      return readStream(id, options);
    });
    const e = engine(store, binder());
    await e.execute(command('close-case'));
    expect(reads).toEqual([0, 0]); // the fold for closing, the history for the binder
    await e.getCase(CASE_ID);
    expect(reads).toEqual([0, 0, 0]); // a closed case is not kept folded
  });

  it('leaves the case closed when the archive fails; archive-dossier archives it later, once', async () => {
    const store = new InMemoryEventStore();
    await closableCase(store);
    const sealer = binder();
    sealer.failing = true;
    const e = engine(store, sealer);
    const closed = await e.execute(command('close-case'));
    expect(closed.events.map((x) => x.type)).toEqual(['CaseClosed']);
    expect(closed.view.allowedCommands).toContain('archive-dossier');
    sealer.failing = false;
    const archived = await e.execute(command('archive-dossier'));
    expect(archived.events.map((x) => [x.type, x.data])).toEqual([
      ['DossierArchived', { sha256: 'bound-6', revision: 6, anchor: null, pages: 7 }],
    ]);
    const head = await store.headPosition();
    await expect(e.execute(command('archive-dossier'))).rejects.toBeInstanceOf(CommandNotAllowedError);
    expect(await store.headPosition()).toBe(head);
    expect(sealer.seen).toEqual([7]);
  });
});
