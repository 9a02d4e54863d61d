import { toShanghaiDate } from '@app/calendar';
import { CommandBodies } from '../case-commands';
import { CaseContext } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { twoCertifiedOfficers } from './certified-officers';
import { CommandOutcome, DecisionEnv, emitUnless } from './decision-env';
import { penaltiesHaveAmounts } from './penalties';

/** Evidence kinds that are investigative acts needing two officers (询问, 检查; 行政处罚法 Art. 42, 55). */
const TWO_OFFICER_KINDS = new Set(['inquiry', 'inspection', 'sampling']);

export function recordEvidence(ctx: CaseContext, body: CommandBodies['record-evidence'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [TWO_OFFICER_KINDS.has(body.kind) ? twoCertifiedOfficers(body.officerIds, ctx.agencyId, toShanghaiDate(env.occurredAt), env.people) : null],
    () => [
      {
        type: 'EvidenceRecorded',
        data: {
          evidenceId: env.newId(),
          kind: body.kind,
          title: body.title,
          officerIds: body.officerIds,
          contentHash: body.contentHash.toLowerCase(),
          ...(body.description ? { description: body.description } : {}),
        },
      },
    ],
  );
}

export function concludeInvestigation(_ctx: CaseContext, body: CommandBodies['conclude-investigation']): CommandOutcome {
  const proposesPenalty = body.proposedOutcome === 'penalty';
  return emitUnless(
    [
      proposesPenalty && !body.proposedPenalties?.length ? violation('penaltiesProposedForPenaltyOutcome') : null,
      penaltiesHaveAmounts(body.proposedPenalties),
    ],
    () => [{ type: 'InvestigationConcluded', data: { ...body } }],
  );
}
