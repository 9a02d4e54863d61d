import { addCalendarDays, endOfShanghaiDay, toShanghaiDate } from '@app/calendar';
import { CommandBodies } from '../case-commands';
import { CaseContext, HANDLING_CLOCK } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from './case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from './decision-env';

const DAY = 86_400_000;

export function suspendCase(_ctx: CaseContext, body: CommandBodies['suspend-case']): CommandOutcome {
  return emit({ type: 'CaseSuspended', data: { reason: body.reason } });
}

/** 恢复: suspended time does not count (docs/procedure.md §1), so every paused deadline moves by the days suspended. */
export function resumeCase(ctx: CaseContext, _body: CommandBodies['resume-case'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const from = toShanghaiDate(ctx.suspendedAt!);
  const to = toShanghaiDate(env.occurredAt);
  const suspendedDays = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
  const deadlines = ctx.deadlines
    .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'paused' && suspendedDays > 0)
    .map(({ status: _s, metAt: _m, ...d }) => {
      const dueDate = addCalendarDays(env.calendar, d.dueDate, suspendedDays);
      return { ...d, dueDate, dueAt: endOfShanghaiDay(dueDate), basis: `${d.basis}; 中止 ${suspendedDays} 日不计入 (suspended days excluded)`, rulesVersion: rules.id };
    });
  return emit({ type: 'CaseResumed', data: { suspendedDays, deadlines } });
}

/** 延期 (former sector rule Art. 31): the head to 90 days from filing, then the upper level to 180. */
export function extendHandlingPeriod(ctx: CaseContext, body: CommandBodies['extend-handling-period'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const allowed = body.tier === 'head' ? ctx.extensionTier === null : ctx.extensionTier === 'head';
  return emitUnless([!allowed ? violation('extensionTierAllowed', `${ctx.extensionTier ?? 'none'} → ${body.tier}`) : null], () => {
    const rule = body.tier === 'head' ? rules.periods.handlingExtensionHead : rules.periods.handlingExtensionUpper;
    const dueDate = addCalendarDays(env.calendar, toShanghaiDate(ctx.filedAt!), rule.n);
    const deadlines = ctx.deadlines
      .filter((d) => HANDLING_CLOCK.includes(d.kind) && d.status === 'open' && d.dueDate < dueDate)
      .map(({ status: _s, metAt: _m, ...d }) => ({ ...d, dueDate, dueAt: endOfShanghaiDay(dueDate), basis: `${rule.n} 日 calendar days from filing (${rule.source})`, rulesVersion: rules.id }));
    return [{ type: 'HandlingPeriodExtended', data: { tier: body.tier, reason: body.reason, deadlines } }];
  });
}
