import { Penalty } from '../case-types';
import { CaseContext } from '../case-context';
import { CaseEventBody } from '../case-events';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/** 公示 (安全生产法 Art. 78; docs/supervision.md §7): an individual's personal data is masked. */
export function publishDecision(ctx: CaseContext, body: RemedyBodies['publish-decision']): CommandOutcome {
  return emitUnless([ctx.decision?.outcome !== 'penalty' || ctx.published ? violation('decisionToPublish') : null], () => [
    {
      type: 'DecisionPublished',
      data: { channel: body.channel ?? '郴州市应急管理局网站', redacted: ctx.opened?.party.kind === 'individual' },
    },
  ]);
}

/** 行政复议 / 行政诉讼 filed by the party; the penalty is not suspended meanwhile (行政处罚法 Art. 73). */
export function recordRemedy(_ctx: CaseContext, body: RemedyBodies['record-remedy']): CommandOutcome {
  return emit({ type: 'RemedyFiled', data: { kind: body.kind, body: body.body } });
}

/** Its outcome; a revoked decision ends the procedure in `revoked` (publication withdrawn, 行政处罚法 Art. 48). */
export function recordRemedyOutcome(ctx: CaseContext, body: RemedyBodies['record-remedy-outcome'], _env: DecisionEnv): CommandOutcome {
  return emitUnless([!ctx.remedies.some((r) => !r.outcome) ? violation('remedyPending') : null], () => {
    const events: CaseEventBody[] = [
      { type: 'RemedyConcluded', data: { outcome: body.outcome, ...(body.penalties ? { penalties: body.penalties } : {}) } },
    ];
    if (body.outcome === 'revoked') events.push({ type: 'DecisionRevoked', data: {} });
    return events;
  });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface RemedyBodies {
  'publish-decision': { channel?: string };
  'record-remedy': { kind: 'reconsideration' | 'litigation'; body: string };
  'record-remedy-outcome': { outcome: 'upheld' | 'modified' | 'revoked' | 'confirmed_unlawful'; penalties?: Penalty[] };
}

export const REMEDY_COMMANDS: CommandSpecs<RemedyBodies> = {
  'publish-decision': {
    summary: '公示处罚决定 (officer; within 7 working days)',
    emits: ['DecisionPublished'],
    who: { roles: ['officer'] },
    decide: publishDecision,
  },
  'record-remedy': {
    summary: '行政复议/诉讼 (officer records it)',
    emits: ['RemedyFiled'],
    who: { roles: ['officer'] },
    decide: recordRemedy,
  },
  'record-remedy-outcome': {
    summary: '复议/诉讼结果 (officer)',
    emits: ['RemedyConcluded'],
    who: { roles: ['officer'] },
    decide: recordRemedyOutcome,
  },
};
