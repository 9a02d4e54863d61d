import { WorkingDayCalendar, endOfShanghaiDay, toShanghaiDate } from '@app/calendar';
import { CaseContext } from '../case-context';
import { DeadlineSet } from '../deadlines/deadline';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { twoCertifiedOfficers } from '../decide/certified-officers';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { RulesVersion } from '../rules/rules-version';
import { CommandSpecs } from './command-spec';

/**
 * The re-inspection is due 10 days (rules) after a date — the rectification deadline or the party's request — counted
 * as the kind is declared (a provisional end when it falls in a year without holiday data).
 */
function reinspectionDue(from: string, startedAt: string, rules: RulesVersion, calendar: WorkingDayCalendar): DeadlineSet {
  return { ...computeDeadline('reinspection', 'reinspection', endOfShanghaiDay(from), rules, calendar), startedAt };
}

/** 责令限期整改 (安全生产法 Art. 65(2)): items, a deadline after today, legal basis; opens the re-inspection clock. */
export function issueRectificationOrder(
  ctx: CaseContext,
  body: RectificationBodies['issue-rectification-order'],
  env: DecisionEnv,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const today = toShanghaiDate(env.occurredAt);
  return emitUnless([body.deadline <= today ? violation('rectificationDeadlineAfterIssue', `${body.deadline} ≤ ${today}`) : null], () => [
    {
      type: 'RectificationOrdered',
      data: {
        orderId: env.newId(),
        items: body.items,
        deadline: body.deadline,
        legalBasis: body.legalBasis,
        rulesVersion: rules.id,
        deadlines: [
          {
            kind: 'rectification',
            startedAt: env.occurredAt,
            dueDate: body.deadline,
            dueAt: endOfShanghaiDay(body.deadline),
            basis: '责令限期 ordered deadline (安全生产法 Art. 65)',
            rulesVersion: rules.id,
          },
          reinspectionDue(body.deadline, env.occurredAt, rules, env.calendar),
        ],
      },
    },
  ]);
}

/** The party asks for the re-inspection early: due 10 days from the request, if that is sooner (former sector rule). */
export function requestReinspection(
  ctx: CaseContext,
  _body: RectificationBodies['request-reinspection'],
  env: DecisionEnv,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const fromRequest = reinspectionDue(toShanghaiDate(env.occurredAt), env.occurredAt, rules, env.calendar);
  const current = ctx.deadlines.find((d) => d.kind === 'reinspection');
  const deadlines = !current || fromRequest.dueDate < current.dueDate ? [fromRequest] : [];
  return emit({ type: 'ReinspectionRequested', data: { requestedAt: env.occurredAt, deadlines } });
}

/** 复查 by two certified officers (安全生产法 Art. 67; 行政处罚法 Art. 42): passed verifies the order, failed does not. */
export function recordReinspection(ctx: CaseContext, body: RectificationBodies['record-reinspection'], env: DecisionEnv): CommandOutcome {
  const orderId = ctx.rectification!.orderId;
  return emitUnless([twoCertifiedOfficers(body.officerIds, ctx.agencyId, toShanghaiDate(env.occurredAt), env.people)], () => [
    { type: 'ReinspectionRecorded', data: { officerIds: body.officerIds, result: body.result, findings: body.findings } },
    body.result === 'passed' ? { type: 'RectificationVerified', data: { orderId } } : { type: 'RectificationFailed', data: { orderId } },
  ]);
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface RectificationBodies {
  'issue-rectification-order': { items: string[]; deadline: string; legalBasis: string[] };
  'request-reinspection': Record<never, never>;
  'record-reinspection': { officerIds: string[]; result: 'passed' | 'failed'; findings: string };
}

export const RECTIFICATION_COMMANDS: CommandSpecs<RectificationBodies> = {
  'issue-rectification-order': {
    summary: '责令限期整改 (officer)',
    emits: ['RectificationOrdered'],
    who: { roles: ['officer'] },
    decide: issueRectificationOrder,
  },
  'request-reinspection': {
    summary: '申请复查 (officer records the party’s request)',
    emits: ['ReinspectionRequested'],
    who: { roles: ['officer'] },
    decide: requestReinspection,
  },
  'record-reinspection': {
    summary: '整改复查 (two certified officers)',
    emits: ['ReinspectionRecorded'],
    who: { roles: ['officer'] },
    decide: recordReinspection,
  },
};
