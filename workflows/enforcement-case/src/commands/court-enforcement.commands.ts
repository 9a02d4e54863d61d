import { toShanghaiDate, workingDaysBetween } from '@app/calendar';
import { totalFineYuan } from '../case-types';
import { CaseContext } from '../case-context';
import { DeadlineSet } from '../deadlines/deadline';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

const deadline = (ctx: CaseContext, kind: DeadlineSet['kind']) => ctx.deadlines.find((d) => d.kind === kind);

/**
 * 催告 (行政强制法 Art. 54): once the fine is overdue, the party is urged in writing. Also opens the window for the
 * court application: 3 months after the litigation window ends (Art. 53).
 */
export function issueEnforcementUrge(
  ctx: CaseContext,
  _body: CourtEnforcementBodies['issue-enforcement-urge'],
  env: DecisionEnv,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const payment = deadline(ctx, 'payment');
  const today = toShanghaiDate(env.occurredAt);
  const overdue =
    totalFineYuan(ctx.decision?.penalties) > ctx.paidYuan && !!payment && (payment.status === 'missed' || today > payment.dueDate);
  const litigation = deadline(ctx, 'litigation_window');
  return emitUnless([!overdue ? violation('paymentOverdue', payment ? `payment due ${payment.dueDate}` : undefined) : null], () => {
    const deadlines: DeadlineSet[] = [];
    // 3 months after the litigation window ends (行政强制法第五十三条), counted from its last day.
    if (litigation) deadlines.push(computeDeadline('court_application', 'courtApplicationWindow', litigation.dueAt, rules, env.calendar));
    return [{ type: 'EnforcementUrged', data: { urgedAt: env.occurredAt, rulesVersion: rules.id, deadlines } }];
  });
}

/** 申请法院强制执行 (行政强制法 Art. 53, 54): 10 working days after the urge, after the litigation window, within 3 months. */
export function applyCourtEnforcement(
  ctx: CaseContext,
  body: CourtEnforcementBodies['apply-court-enforcement'],
  env: DecisionEnv,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const today = toShanghaiDate(env.occurredAt);
  const urgedDays = ctx.urgedAt ? workingDaysBetween(env.calendar, toShanghaiDate(ctx.urgedAt), today) : 0;
  const litigation = deadline(ctx, 'litigation_window');
  const window = deadline(ctx, 'court_application');
  const needed = rules.periods.enforcementUrge.n;
  return emitUnless(
    [
      urgedDays < needed
        ? violation(
            'urgedTenWorkingDaysBefore',
            ctx.urgedAt ? `${toShanghaiDate(ctx.urgedAt)} → ${today}: ${urgedDays} < ${needed} 个工作日` : '未催告 (no urge notice)',
          )
        : null,
      !litigation || today <= litigation.dueDate
        ? violation('litigationWindowEnded', litigation ? `${today} ≤ ${litigation.dueDate}` : undefined)
        : null,
      window && today > window.dueDate ? violation('withinCourtApplicationWindow', `${today} > ${window.dueDate}`) : null,
    ],
    () => [{ type: 'CourtEnforcementApplied', data: { court: body.court } }],
  );
}

export function recordCourtRuling(_ctx: CaseContext, body: CourtEnforcementBodies['record-court-ruling']): CommandOutcome {
  return emit({ type: 'CourtRuled', data: { outcome: body.outcome, ...(body.reason ? { reason: body.reason } : {}) } });
}

/** The court executed the decision: the penalty is executed (then the case can close). */
export function recordCourtExecution(_ctx: CaseContext, body: CourtEnforcementBodies['record-court-execution']): CommandOutcome {
  return emit(
    {
      type: 'CourtExecutionRecorded',
      data: { summary: body.summary, ...(body.amountYuan !== undefined ? { amountYuan: body.amountYuan } : {}) },
    },
    { type: 'PenaltyExecuted', data: { via: 'court' } },
  );
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface CourtEnforcementBodies {
  'issue-enforcement-urge': Record<never, never>;
  'apply-court-enforcement': { court: string };
  'record-court-ruling': { outcome: 'enforce' | 'refuse'; reason?: string };
  'record-court-execution': { summary: string; amountYuan?: number };
}

export const COURT_ENFORCEMENT_COMMANDS: CommandSpecs<CourtEnforcementBodies> = {
  'issue-enforcement-urge': {
    summary: '催告 (officer; payment overdue)',
    emits: ['EnforcementUrged'],
    who: { roles: ['officer'] },
    decide: issueEnforcementUrge,
  },
  'apply-court-enforcement': {
    summary: '申请法院强制执行 (head; ≥ 10 working days after the urge)',
    emits: ['CourtEnforcementApplied'],
    who: { roles: ['head'] },
    decide: applyCourtEnforcement,
  },
  'record-court-ruling': { summary: '法院裁定 (officer)', emits: ['CourtRuled'], who: { roles: ['officer'] }, decide: recordCourtRuling },
  'record-court-execution': {
    summary: '法院执行 (officer)',
    emits: ['CourtExecutionRecorded'],
    who: { roles: ['officer'] },
    decide: recordCourtExecution,
  },
};
