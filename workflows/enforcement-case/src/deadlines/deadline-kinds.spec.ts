import { CaseContext, emptyCaseContext, evolveCaseContext } from '../case-context';
import { CaseEvent, CaseEventBody } from '../case-events';
import { resumeCase, suspendCase } from '../commands/handling-clock.commands';
import { calendar, env, rules } from '../testing/given-when-then';
import { computeDeadline, computeHoursDeadline } from './compute-deadline';
import { DEADLINE_KINDS } from './deadline';
import { applyDeadlineChange, deadlineChangeOf } from './deadline-changes';
import { DEADLINE_RULES } from './deadline-kinds';

const version = rules.versions[0];
const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

/** Worked examples of docs/deadlines.md, one per rule a reader checks first. */
describe('the deadline table', () => {
  it('declares every kind once, with a rules-book period for each counted from the rules book', () => {
    expect(Object.keys(DEADLINE_RULES).sort()).toEqual([...DEADLINE_KINDS].sort());
    for (const kind of DEADLINE_KINDS) {
      const rule = DEADLINE_RULES[kind];
      expect({ kind, period: rule.counting === 'rules-book' ? !!rule.period : !rule.period }).toEqual({ kind, period: true });
    }
  });

  it('a seizure imposed on Thursday 2026-08-13 ends on Saturday 09-12, its 30th day: no roll-over on coercion', () => {
    const d = computeDeadline('seizure', 'seizureTerm', at('2026-08-13'), version, calendar);
    expect(d).toMatchObject({ dueDate: '2026-09-12', dueAt: '2026-09-12T23:59:59.999+08:00' });
    expect(d.nominalDueDate).toBeUndefined();
  });

  it('the party’s payment period from the same day rolls over: 15 days to Friday 08-28 stays, 09-05 (Sat) moves to 09-07', () => {
    expect(computeDeadline('payment', 'payment', at('2026-08-13'), version, calendar).dueDate).toBe('2026-08-28');
    expect(computeDeadline('payment', 'payment', at('2026-08-21'), version, calendar)).toMatchObject({
      dueDate: '2026-09-07',
      nominalDueDate: '2026-09-05',
    });
  });

  it('6 months from 2025-08-31 end on 2026-02-28 (the month’s last day), a Saturday made a working day (调休): no move', () => {
    const d = computeDeadline('litigation_window', 'litigationWindow', at('2025-08-31'), version, calendar);
    expect(d.dueDate).toBe('2026-02-28');
    expect(d.nominalDueDate).toBeUndefined();
    // From 2024-08-31: 2025-02-28, a Friday.
    expect(computeDeadline('litigation_window', 'litigationWindow', at('2024-08-31'), version, calendar).dueDate).toBe('2025-02-28');
  });

  it('24 hours from 22:30 Shanghai time end at 22:30 the next day, across midnight', () => {
    expect(computeHoursDeadline('referral_transfer', at('2026-09-30', '22:30:00'), version)).toMatchObject({
      dueAt: '2026-10-01T14:30:00.000Z',
      dueDate: '2026-10-01',
    });
  });

  it('a suspension spanning National Day: the day suspended does not count, the day resumed does; one roll-over', () => {
    const filedAt = at('2026-09-02');
    const apply = (ctx: CaseContext, body: CaseEventBody, when: string) =>
      evolveCaseContext(ctx, { ...body, meta: { actorId: 'head', occurredAt: when, recordedAt: when } } as CaseEvent);
    let ctx = apply(
      { ...emptyCaseContext, rulesVersion: version.id },
      {
        type: 'CaseFiled',
        data: {
          caseNo: 'N',
          rulesVersion: version.id,
          deadlines: [
            computeDeadline('decision', 'decisionFromFiling', filedAt, version, calendar),
            computeDeadline('handling_period', 'handlingPeriod', filedAt, version, calendar),
          ],
        },
      },
      filedAt,
    );
    // 30 days from 09-02: the last counted day 10-02 is a holiday, due 10-08.
    expect(ctx.deadlines.find((d) => d.kind === 'handling_period')).toMatchObject({ dueDate: '2026-10-08', nominalDueDate: '2026-10-02' });
    const suspended = suspendCase(ctx, { reason: '鉴定' }, env(at('2026-09-29'), 'head', ['head']));
    ctx = apply(ctx, (suspended as { events: CaseEventBody[] }).events[0], at('2026-09-29'));
    const resumed = resumeCase(ctx, {}, env(at('2026-10-09'), 'head', ['head'])) as { events: CaseEventBody[] };
    // 09-29 … 10-08 excluded (10 days): 10-02 + 10 = 10-12 (Mon), not 10-08 + 10 rolled again.
    expect(resumed.events[0].data).toMatchObject({
      suspendedDays: 10,
      deadlines: [
        { kind: 'decision', dueDate: '2026-12-11' },
        { kind: 'handling_period', dueDate: '2026-10-12' },
      ],
    });
  });

  it('the transfer to the police concludes the handling: it meets the decision deadline in time, as the timely-closure rate counts it', () => {
    const filedAt = at('2026-09-02');
    const set = [computeDeadline('decision', 'decisionFromFiling', filedAt, version, calendar)];
    const filed = applyDeadlineChange([], { met: [], set, missed: null, clock: null, pauses: [] }, filedAt);
    const transfer: CaseEventBody = { type: 'CaseTransferredToPolice', data: { policeAgency: 'p', documents: [], deadlines: [] } };
    expect(applyDeadlineChange(filed, deadlineChangeOf(transfer), at('2026-09-20'))[0]).toMatchObject({ status: 'met' });
    expect(applyDeadlineChange(filed, deadlineChangeOf(transfer), at('2026-12-02'))[0]).toMatchObject({ status: 'missed' });
  });
});
