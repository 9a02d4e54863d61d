import { CommandBodies } from '../case-commands';
import { CaseContext } from '../case-context';
import { expiryRecord } from '../deadlines/deadline-expiry';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emit } from './decision-env';

/** The scheduler's system command: records the expiry of one open deadline once its end has passed. */
export function recordDeadlineExpiry(ctx: CaseContext, body: CommandBodies['record-deadline-expiry'], env: DecisionEnv): CommandOutcome {
  const d = ctx.deadlines.find((x) => x.kind === body.kind && x.dueAt === body.dueAt);
  const record = expiryRecord(body.kind);
  if (!d || d.status !== 'open' || Date.parse(env.occurredAt) <= Date.parse(d.dueAt) || !record) {
    return { violations: [violation('deadlineOpenAndPast', `${body.kind} ${body.dueAt}`)] };
  }
  if (record === 'DeadlineMissed' || record === 'SeizureTermExpired') return emit({ type: record, data: { kind: d.kind, dueDate: d.dueDate, dueAt: d.dueAt, detectedAt: env.occurredAt } });
  return emit({ type: record, data: { dueDate: d.dueDate, dueAt: d.dueAt } });
}
