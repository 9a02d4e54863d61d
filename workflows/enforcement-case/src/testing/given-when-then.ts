import { WorkingDayCalendar } from '@app/calendar';
import { CaseCommand, CommandBody, Role } from '../case-commands';
import { CaseEvent, CaseEventBody } from '../case-events';
import { Refusal, decideCommand } from '../decide/decide';
import { DecisionEnv, PersonRecord } from '../decide/decision-env';
import { CaseSnapshot, foldCaseEvents } from '../fold';
import { RulesBook } from '../rules/rules-version';
import rulesFile from '../../rules/versions.json';
import benchmarkFile from '../../rules/discretion-benchmark.sample.json';
import { DiscretionBenchmark } from '../rules/discretion-benchmark';

export const rules = rulesFile as unknown as RulesBook;
export const calendar = new WorkingDayCalendar();
export const benchmark = benchmarkFile as unknown as DiscretionBenchmark;
export const CASE_ID = '11111111-1111-4111-8111-111111111111';
export const AGENCY = 'ag-test';

/** An open-case body: a mining company of AGENCY, handled by o1 and o2. */
export const openCaseBody: CommandBody<'open-case'> = {
  agencyId: AGENCY,
  source: 'inspection',
  industry: 'mining',
  party: { kind: 'organization', name: '测试公司', creditCode: '91431002MA4L000079' },
  violations: [{ description: 'x', provisions: ['安全生产法 Art. 41'] }],
  discoveredAt: '2026-09-01',
  handlingOfficerIds: ['o1', 'o2'],
  summary: 's',
};

/** The test case opened from that body. */
export const opened: CaseEventBody = { type: 'CaseOpened', data: { caseId: CASE_ID, ...openCaseBody, major: false } };

const cert = { number: 'C-1', validFrom: '2024-01-01', validUntil: '2029-12-31', status: 'valid' as const };
export const people: Record<string, PersonRecord> = {
  o1: { id: 'o1', name: '甲', agencyId: AGENCY, roles: ['officer'], certificate: cert },
  o2: { id: 'o2', name: '乙', agencyId: AGENCY, roles: ['officer'], certificate: { ...cert, number: 'C-2' } },
  expired: {
    id: 'expired',
    name: '丙',
    agencyId: AGENCY,
    roles: ['officer'],
    certificate: { ...cert, number: 'C-3', validUntil: '2025-12-31' },
  },
  head: { id: 'head', name: '丁', agencyId: AGENCY, roles: ['head'] },
};

export function env(occurredAt: string, actorId = 'o1', roles: Role[] = ['officer']): DecisionEnv {
  let n = 0;
  return {
    occurredAt,
    actor: { id: actorId, roles, agencyId: AGENCY },
    people: { person: (id) => people[id] },
    rules,
    benchmark,
    calendar,
    newId: () => `id-${++n}`,
  };
}

/** Given stored events (each at a time), the snapshot the machine folds them to. */
export function given(...events: [CaseEventBody, string][]): CaseSnapshot {
  return foldCaseEvents(events.map(([e, at]): CaseEvent => ({ ...e, meta: { actorId: 'o1', occurredAt: at, recordedAt: at } })));
}

/**
 * A decision with its events built: a numbered document gets a test number, an issued one (and an archived 案卷) a
 * test hash at revision 0.
 */
export type Decided = { ok: true; events: CaseEventBody[] } | { ok: false; refusal: Refusal };

/** given(events).when(command) → the decision (events or refusal). */
export function when(snapshot: CaseSnapshot, command: CaseCommand, e: DecisionEnv): Decided {
  const d = decideCommand(snapshot, CASE_ID, command, e);
  if (!d.ok) return d;
  if ('numbered' in d) return { ok: true, events: d.events({ no: `TEST-${d.numbered}-1` }) };
  if ('issue' in d) return { ok: true, events: d.events({ number: { no: `TEST-${d.issue}-1` }, sha256: 'ab'.repeat(32), revision: 0 }) };
  if ('archive' in d) return { ok: true, events: d.events({ sha256: 'ab'.repeat(32), revision: 0, anchor: null, pages: 1 }) };
  return d;
}
