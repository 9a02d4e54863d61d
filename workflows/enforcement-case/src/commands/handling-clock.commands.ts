import { addDays, toShanghaiDate } from '@app/calendar';
import { CaseContext, HANDLING_CLOCK } from '../case-context';
import { dueFromLastCountedDay, lastCountedDay } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

const DAY = 86_400_000;

/**
 * 中止: stops the handling-clock deadlines still counting. The day of suspension itself does not count (the procedure
 * stops that day); a deadline whose last counted day is already behind has run out and is not revived by a suspension.
 */
export function suspendCase(ctx: CaseContext, body: HandlingClockBodies['suspend-case'], env: DecisionEnv): CommandOutcome {
  const today = toShanghaiDate(env.occurredAt);
  const pauses = ctx.deadlines
    .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'open' && lastCountedDay(d) >= today)
    .map((d) => d.kind);
  return emit({ type: 'CaseSuspended', data: { reason: body.reason, pauses } });
}

/**
 * 恢复: suspended time does not count (中止期间不计入), so every paused deadline moves by the days suspended: the days from
 * the day of suspension up to the day before resumption, [suspension day, resumption day). The day of suspension does
 * not count (the procedure stops that day); counting goes on from the day of resumption, which counts (恢复之日起继续计算).
 * The move counts on from the last counted day, and the roll-over off rest days is applied once, to the new end
 * (docs/deadlines.md).
 */
export function resumeCase(ctx: CaseContext, _body: HandlingClockBodies['resume-case'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  // The filing day is not counted anyway: a suspension from it excludes days from the day after.
  const suspended = toShanghaiDate(ctx.suspendedAt!);
  const firstCounted = ctx.filedAt ? addDays(toShanghaiDate(ctx.filedAt), 1) : suspended;
  const from = suspended > firstCounted ? suspended : firstCounted;
  const to = toShanghaiDate(env.occurredAt);
  const suspendedDays = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY));
  const deadlines = ctx.deadlines
    .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'paused' && suspendedDays > 0)
    .map((paused) => {
      const { status: _s, metAt: _m, actedLateAt: _l, nominalDueDate: _n, ...d } = paused;
      const end = dueFromLastCountedDay(d.kind, addDays(lastCountedDay(paused), suspendedDays), env.calendar);
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
