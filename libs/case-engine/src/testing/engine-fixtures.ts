import { randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '@app/calendar';
import { EventStore } from '@app/event-store';
import { RulesBook } from '@workflows/enforcement-case';
import { openCaseBody } from '@workflows/enforcement-case/testing/given-when-then';
import rulesFile from '../../../../workflows/enforcement-case/rules/versions.json';
import { CaseEngine, CaseEngineDeps, CommandRequest } from '../case-engine';

/** The engine's specs' agency 测应急 (ag-1): everyone holds a valid certificate and is named by their id. */
const cert = { number: 'C', validFrom: '2024-01-01', validUntil: '2029-12-31', status: 'valid' as const };
export const people = {
  person: (id: string) => ({ id, name: id, agencyId: 'ag-1', roles: ['officer' as const], certificate: cert }),
  agency: () => ({ shortName: '测应急' }),
};
export const officer = { id: 'o1', name: 'o1', roles: ['officer' as const], agencyId: 'ag-1' };
export const head = { id: 'h', name: 'h', roles: ['head' as const], agencyId: 'ag-1' };

/**
 * An engine over `store` with the real rules and calendar and a fixed clock, where every actor may act (access is the
 * API's policy, tested over HTTP); `deps` replaces any of these.
 */
export function testEngine(store: EventStore, deps: Partial<CaseEngineDeps> = {}): CaseEngine {
  return new CaseEngine({
    store,
    authorizer: { authorize: () => undefined },
    people,
    rules: rulesFile as unknown as RulesBook,
    calendar: new WorkingDayCalendar(),
    clock: () => new Date('2026-11-27T00:00:00Z'),
    newId: randomUUID,
    ...deps,
  });
}

/** The officer opens a case of ag-1 on 2026-09-01. */
export const openCase: CommandRequest = {
  requestId: 'r',
  actor: officer,
  occurredAt: '2026-09-01T10:00:00+08:00',
  command: { name: 'open-case', body: { ...openCaseBody, agencyId: 'ag-1' } },
};

/** The head approves the filing on the next working day. */
export const approveFiling = (caseId: string): CommandRequest => ({
  caseId,
  requestId: 'r',
  actor: head,
  occurredAt: '2026-09-02T10:00:00+08:00',
  command: { name: 'approve-filing', body: {} },
});
