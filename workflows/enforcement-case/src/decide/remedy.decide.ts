import { CommandBodies } from '../case-commands';
import { CaseContext } from '../case-context';
import { CaseEventBody } from '../case-events';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from './decision-env';

/** 公示 (安全生产法 Art. 78; docs/supervision.md §7): an individual's personal data is masked. */
export function publishDecision(ctx: CaseContext, body: CommandBodies['publish-decision']): CommandOutcome {
  return emitUnless([ctx.decision?.outcome !== 'penalty' || ctx.published ? violation('decisionToPublish') : null], () => [
    { type: 'DecisionPublished', data: { channel: body.channel ?? '郴州市应急管理局网站', redacted: ctx.opened?.party.kind === 'individual' } },
  ]);
}

/** 行政复议 / 行政诉讼 filed by the party; the penalty is not suspended meanwhile (行政处罚法 Art. 73). */
export function recordRemedy(_ctx: CaseContext, body: CommandBodies['record-remedy']): CommandOutcome {
  return emit({ type: 'RemedyFiled', data: { kind: body.kind, body: body.body } });
}

/** Its outcome; a revoked decision ends the procedure in `revoked` (publication withdrawn, 行政处罚法 Art. 48). */
export function recordRemedyOutcome(ctx: CaseContext, body: CommandBodies['record-remedy-outcome'], _env: DecisionEnv): CommandOutcome {
  return emitUnless([!ctx.remedies.some((r) => !r.outcome) ? violation('remedyPending') : null], () => {
    const events: CaseEventBody[] = [{ type: 'RemedyConcluded', data: { outcome: body.outcome, ...(body.penalties ? { penalties: body.penalties } : {}) } }];
    if (body.outcome === 'revoked') events.push({ type: 'DecisionRevoked', data: {} });
    return events;
  });
}
