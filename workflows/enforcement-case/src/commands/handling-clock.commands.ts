import { addDays, toShanghaiDate } from '@app/calendar';
import { CaseContext, HANDLING_CLOCK } from '../case-context';
import { dueFromLastCountedDay, lastCountedDay } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

const DAY = 86_400_000;

export function suspendCase(_ctx: CaseContext, body: HandlingClockBodies['suspend-case']): CommandOutcome {
  return emit({ type: 'CaseSuspended', data: { reason: body.reason } });
}

/**
 * 恢复: suspended time does not count (中止期间不计入), so every paused deadline moves by the days suspended. The day of
 * suspension counts (the period ran on it until the suspension); the day of resumption does not, as the day a period
 * starts is not counted (民法典第二百零一条): the days in (suspension day, resumption day] are excluded. The move counts on
 * from the last counted day, and the roll-over off rest days is applied once, to the new end (docs/deadlines.md).
 */
export function resumeCase(ctx: CaseContext, _body: HandlingClockBodies['resume-case'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const from = toShanghaiDate(ctx.suspendedAt!);
  const to = toShanghaiDate(env.occurredAt);
  const suspendedDays = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
  const deadlines = ctx.deadlines
    .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'paused' && suspendedDays > 0)
    .map(({ status: _s, metAt: _m, actedLateAt: _l, nominalDueDate: _n, ...d }) => {
      const end = dueFromLastCountedDay(d.kind, addDays(lastCountedDay({ dueDate: d.dueDate, nominalDueDate: _n }), suspendedDays), env.calendar);
      return {
        ...d,
        ...end,
        basis: `${d.basis}; 中止 ${suspendedDays} 日不计入 (suspended days excluded)`,
        rulesVersion: rules.id,
      };
    });
  return emit({ type: 'CaseResumed', data: { suspendedDays, deadlines } });
}

/**
 * 延期 (former sector rule Art. 31): the head to 90 days from filing, then the upper level to 180 — plus the days the
 * case was suspended, which never count.
 */
export function extendHandlingPeriod(
  ctx: CaseContext,
  body: HandlingClockBodies['extend-handling-period'],
  env: DecisionEnv,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const allowed = body.tier === 'head' ? ctx.extensionTier === null : ctx.extensionTier === 'head';
  return emitUnless([!allowed ? violation('extensionTierAllowed', `${ctx.extensionTier ?? 'none'} → ${body.tier}`) : null], () => {
    const rule = body.tier === 'head' ? rules.periods.handlingExtensionHead : rules.periods.handlingExtensionUpper;
    const last = addDays(toShanghaiDate(ctx.filedAt!), rule.n + ctx.suspendedDays);
    const deadlines = ctx.deadlines
      .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'open' && lastCountedDay(d) < last)
      .map(({ status: _s, metAt: _m, actedLateAt: _l, nominalDueDate: _n, ...d }) => ({
        ...d,
        ...dueFromLastCountedDay(d.kind, last, env.calendar),
        basis: `${rule.n} 日 calendar days from filing (${rule.source})`,
        rulesVersion: rules.id,
      }));
    return [{ type: 'HandlingPeriodExtended', data: { tier: body.tier, reason: body.reason, deadlines } }];
  });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface HandlingClockBodies {
  'suspend-case': { reason: string };
  'resume-case': Record<never, never>;
  'extend-handling-period': { tier: 'head' | 'upper'; reason: string };
}

export const HANDLING_CLOCK_COMMANDS: CommandSpecs<HandlingClockBodies> = {
  'suspend-case': { summary: '中止 (head; before the decision)', emits: ['CaseSuspended'], who: { roles: ['head'] }, decide: suspendCase },
  'resume-case': { summary: '恢复 (head)', emits: ['CaseResumed'], who: { roles: ['head'] }, decide: resumeCase },
  'extend-handling-period': {
    summary: '延期 (head to 90 days; upper level to 180 days)',
    emits: ['HandlingPeriodExtended'],
    who: { roles: ['head'] },
    decide: extendHandlingPeriod,
  },
};
