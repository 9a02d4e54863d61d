import { toShanghaiDate } from '@app/calendar';
import { EvidenceKind } from '../case-types';
import { InvestigationConcludedData } from '../event-data/procedure.data';
import { CaseContext } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { twoCertifiedOfficers } from '../decide/certified-officers';
import { CommandOutcome, DecisionEnv, emitUnless } from '../decide/decision-env';
import { penaltiesHaveAmounts } from '../decide/penalties';
import { CommandSpecs } from './command-spec';

/** Evidence kinds that are investigative acts needing two officers (询问, 检查; 行政处罚法 Art. 42, 55). */
const TWO_OFFICER_KINDS = new Set(['inquiry', 'inspection', 'sampling']);

export function recordEvidence(ctx: CaseContext, body: InvestigationBodies['record-evidence'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [
      TWO_OFFICER_KINDS.has(body.kind)
        ? twoCertifiedOfficers(body.officerIds, ctx.agencyId, toShanghaiDate(env.occurredAt), env.people)
        : null,
    ],
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

export function concludeInvestigation(_ctx: CaseContext, body: InvestigationBodies['conclude-investigation']): CommandOutcome {
  const proposesPenalty = body.proposedOutcome === 'penalty';
  return emitUnless(
    [
      proposesPenalty && !body.proposedPenalties?.length ? violation('penaltiesProposedForPenaltyOutcome') : null,
      penaltiesHaveAmounts(body.proposedPenalties),
    ],
    () => [{ type: 'InvestigationConcluded', data: { ...body } }],
  );
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface InvestigationBodies {
  'record-evidence': { kind: EvidenceKind; title: string; officerIds: string[]; contentHash: string; description?: string };
  /** The conclusion as it is stored. */
  'conclude-investigation': InvestigationConcludedData;
}

export const INVESTIGATION_COMMANDS: CommandSpecs<InvestigationBodies> = {
  'record-evidence': {
    summary: '调查取证 (officer; two certified officers for inquiry/inspection)',
    emits: ['EvidenceRecorded'],
    who: { roles: ['officer'] },
    decide: recordEvidence,
  },
  'conclude-investigation': {
    summary: '调查终结 (officer)',
    emits: ['InvestigationConcluded'],
    who: { roles: ['officer'] },
    decide: concludeInvestigation,
  },
};
