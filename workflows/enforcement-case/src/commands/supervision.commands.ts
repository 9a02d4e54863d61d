import { toShanghaiDate } from '@app/calendar';
import { CaseContext } from '../case-context';
import { computeDeadlineBy } from '../deadlines/compute-deadline';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { violation } from '../legal-conditions/legal-rules';
import { rulesInForce } from '../rules/rules-version';
import { CommandSpecs } from './command-spec';

/** 督办 rests on the superior's duty to guide and supervise enforcement; the reply period is the one it names. */
const SUPERVISION_BASIS = '郴政办发〔2016〕19号第十七条 (督办回复期限 reply period named in the notice)';

/**
 * 督办 (郴政办发〔2016〕19号第十七条: 上级职能部门要加强对安全生产监管执法的指导监督): a supervisor of the case's agency or above it
 * asks the handling officers to account for an overdue or at-risk case within the working days the notice names. One
 * notice awaits its reply at a time, so the reply deadline is never overwritten by a later notice.
 */
export function superviseCase(ctx: CaseContext, body: SupervisionBodies['supervise-case'], env: DecisionEnv): CommandOutcome {
  if (ctx.supervision) return { violations: [violation('noSupervisionAwaitingReply', ctx.supervision.supervisionId)] };
  // Before filing the case has no rules version of its own yet: the one in force that day dates the deadline.
  const rules = ctx.rulesVersion ? caseRules(ctx, env) : rulesInForce(env.rules, toShanghaiDate(env.occurredAt));
  const rule = { unit: 'working_days', n: body.replyWithinWorkingDays, source: SUPERVISION_BASIS } as const;
  const deadline = computeDeadlineBy('supervision_reply', rule, env.occurredAt, rules, env.calendar);
  return emit({
    type: 'CaseSupervised',
    data: {
      supervisionId: env.newId(),
      supervisorId: env.actor.id,
      supervisorAgencyId: env.actor.agencyId,
      reason: body.reason,
      replyWithinWorkingDays: body.replyWithinWorkingDays,
      replyDueDate: deadline.dueDate,
      deadlines: [deadline],
    },
  });
}

/** 督办回复: a handling officer answers the notice awaiting its reply, which meets its deadline. */
export function replySupervision(ctx: CaseContext, body: SupervisionBodies['reply-supervision'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [ctx.supervision?.supervisionId !== body.supervisionId ? violation('supervisionAwaitingReply', body.supervisionId) : null],
    () => [{ type: 'SupervisionReplied', data: { supervisionId: body.supervisionId, officerId: env.actor.id, reply: body.reply } }],
  );
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface SupervisionBodies {
  'supervise-case': { reason: string; replyWithinWorkingDays: number };
  'reply-supervision': { supervisionId: string; reply: string };
}

export const SUPERVISION_COMMANDS: CommandSpecs<SupervisionBodies> = {
  'supervise-case': {
    summary: '督办 (supervisor of the agency or above; any open stage; reply within the working days named)',
    emits: ['CaseSupervised'],
    who: { roles: ['supervisor'] },
    decide: superviseCase,
  },
  'reply-supervision': {
    summary: '督办回复 (a handling officer)',
    emits: ['SupervisionReplied'],
    who: { roles: ['officer'], relation: 'handlingOfficer' },
    decide: replySupervision,
  },
};
