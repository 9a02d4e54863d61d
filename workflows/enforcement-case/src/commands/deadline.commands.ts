import { DeadlineKind } from '../deadlines/deadline';
import { CaseContext } from '../case-context';
import { expiryRecord } from '../deadlines/deadline-expiry';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emit } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/** The scheduler's system command: records the expiry of one open deadline once its end has passed. */
export function recordDeadlineExpiry(ctx: CaseContext, body: DeadlineBodies['record-deadline-expiry'], env: DecisionEnv): CommandOutcome {
  const d = ctx.deadlines.find((x) => x.kind === body.kind && x.dueAt === body.dueAt);
  const record = expiryRecord(body.kind);
  if (!d || d.status !== 'open' || Date.parse(env.occurredAt) <= Date.parse(d.dueAt) || !record) {
    return { violations: [violation('deadlineOpenAndPast', `${body.kind} ${body.dueAt}`)] };
  }
  if (record === 'DeadlineMissed' || record === 'SeizureTermExpired')
    return emit({ type: record, data: { kind: d.kind, dueDate: d.dueDate, dueAt: d.dueAt, detectedAt: env.occurredAt } });
  return emit({ type: record, data: { dueDate: d.dueDate, dueAt: d.dueAt } });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface DeadlineBodies {
  'record-deadline-expiry': { kind: DeadlineKind; dueAt: string };
}

export const DEADLINE_COMMANDS: CommandSpecs<DeadlineBodies> = {
  'record-deadline-expiry': {
    summary: '期限届满 (system: the deadline scheduler)',
    emits: ['DeadlineMissed', 'StatementPeriodEnded', 'HearingRequestPeriodEnded', 'SeizureTermExpired'],
    who: 'system',
    decide: recordDeadlineExpiry,
  },
};
