import { toShanghaiDate } from '@app/calendar';
import { DiscretionLevel, Outcome, Penalty, WaivableRight, totalFineYuan } from '../case-types';
import { CaseEventBody } from '../case-events';
import { benchmarkRange } from '../rules/discretion-benchmark';
import { CaseContext } from '../case-context';
import { DeadlineSet } from '../deadlines/deadline';
import { computeDeadline, computeHoursDeadline } from '../deadlines/compute-deadline';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emit, emitNumbered, emitUnless, issuerOf } from '../decide/decision-env';
import { hasHearingRight, heavierThanNotified, penaltiesHaveAmounts } from '../decide/penalties';
import { caseRules } from '../decide/case-rules';
import { CommandSpecs } from './command-spec';

/** 行政处罚告知 (行政处罚法 Art. 44, 63, 64): starts the statement period and, with a hearing right, the request period. */
export function issuePenaltyNotice(ctx: CaseContext, body: ReviewBodies['issue-penalty-notice'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const hearingRight = hasHearingRight(body.proposedPenalties, ctx.opened!.party, rules);
  return emitUnless([penaltiesHaveAmounts(body.proposedPenalties)], () => {
    const deadlines: DeadlineSet[] = [computeDeadline('statement', 'statement', env.occurredAt, rules, env.calendar)];
    if (hearingRight) deadlines.push(computeDeadline('hearing_request', 'hearingRequest', env.occurredAt, rules, env.calendar));
    return [
      {
        type: 'PenaltyNoticeServed',
        data: { proposedPenalties: body.proposedPenalties, legalBasis: body.legalBasis, hearingRight, rulesVersion: rules.id, deadlines },
      },
    ];
  });
}

export function recordStatement(_ctx: CaseContext, body: ReviewBodies['record-statement']): CommandOutcome {
  return emit({ type: 'StatementRecorded', data: { summary: body.summary, adopted: body.adopted } });
}

export function waiveRights(ctx: CaseContext, body: ReviewBodies['waive-rights']): CommandOutcome {
  return emitUnless([body.rights.includes('hearing') && !ctx.notice?.hearingRight ? violation('hearingRightExists') : null], () => [
    { type: 'RightsWaived', data: { rights: [...new Set(body.rights)] } },
  ]);
}

export function recordCollectiveDiscussion(_ctx: CaseContext, body: ReviewBodies['record-collective-discussion']): CommandOutcome {
  const participants = [...new Set(body.participantIds)];
  return emitUnless([participants.length < 3 ? violation('collectiveDiscussionQuorum', `${participants.length} < 3`) : null], () => [
    { type: 'CollectiveDiscussionRecorded', data: { participantIds: participants, conclusion: body.conclusion } },
  ]);
}

export function recordLegalReview(_ctx: CaseContext, body: ReviewBodies['record-legal-review'], env: DecisionEnv): CommandOutcome {
  return emit({
    type: 'LegalReviewCompleted',
    data: { outcome: body.outcome, legalBasisCorrect: body.legalBasisCorrect, opinion: body.opinion, reviewerId: env.actor.id },
  });
}

function periodOver(ctx: CaseContext, kind: 'statement' | 'hearing_request', today: string): boolean {
  const d = ctx.deadlines.find((x) => x.kind === kind);
  return !d || d.status === 'met' || today > d.dueDate;
}

/** 重大执法决定 (行政处罚法 Art. 58; docs/supervision.md §3): hearing-eligible, marked major, or with interference records. */
export function isMajorCase(ctx: CaseContext): boolean {
  return !!ctx.notice?.hearingRight || !!ctx.opened?.major || ctx.interferenceRecords.count > 0;
}

/**
 * 移送 as the head's decision after review (行政处罚法 Art. 57(四); Art. 82 forbids fines in place of it): the head's decision is the approval, so the
 * case goes straight to the police transfer, within 24 hours, by the handling officers.
 */
function decideTransfer(ctx: CaseContext, body: ReviewBodies['decide'], env: DecisionEnv): CaseEventBody[] {
  const rules = caseRules(ctx, env);
  return [
    {
      type: 'ReferralProposed',
      data: {
        offense: 'other',
        teamOfficerIds: ctx.opened!.handlingOfficerIds,
        report: body.justification ?? ctx.investigation?.findings ?? '',
        from: 'review',
        rulesVersion: rules.id,
        deadlines: [],
      },
    },
    {
      type: 'ReferralApproved',
      data: {
        opinion: '负责人审理后决定移送 (decided to transfer after review)',
        deadlines: [computeHoursDeadline('referral_transfer', env.occurredAt, rules)],
      },
    },
  ];
}

/** 作出决定 (行政处罚法 Art. 57–62). The decision number is taken once the decision has passed every condition. */
export function decide(ctx: CaseContext, body: ReviewBodies['decide'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const today = toShanghaiDate(env.occurredAt);
  const unmet: (RuleViolation | null)[] = [];
  if (ctx.suspendedAt) unmet.push(violation('notSuspended'));
  if (body.outcome === 'transfer') return emitUnless(unmet, () => decideTransfer(ctx, body, env));
  if (isMajorCase(ctx) && ctx.legalReview?.outcome !== 'approved') unmet.push(violation('legalReviewApprovedForMajorCase'));
  if (isMajorCase(ctx) && !ctx.collectiveDiscussion) unmet.push(violation('collectiveDiscussionForMajorCase'));
  if (body.outcome === 'penalty') {
    const penalties = body.penalties ?? [];
    if (!penalties.length) unmet.push(violation('penaltiesProposedForPenaltyOutcome'));
    unmet.push(penaltiesHaveAmounts(penalties));
    if (!ctx.notice) unmet.push(violation('penaltyNoticeServed'));
    else {
      if (!ctx.waivedRights.includes('statement') && !periodOver(ctx, 'statement', today)) unmet.push(violation('statementPeriodOver'));
      if (ctx.notice.hearingRight && !ctx.waivedRights.includes('hearing') && !periodOver(ctx, 'hearing_request', today))
        unmet.push(violation('hearingRequestPeriodOver'));
      const range = benchmarkRange(env.benchmark, body.violationCode, body.discretionLevel, ctx.opened!.party.kind);
      const fine = totalFineYuan(penalties);
      if (range && (fine < range[0] || fine > range[1]) && (!body.justification || ctx.legalReview?.outcome !== 'approved'))
        unmet.push(
          violation('fineWithinDiscretionBenchmark', `${body.violationCode}/${body.discretionLevel}: ${fine} ∉ [${range[0]}, ${range[1]}]`),
        );
      const heavier = heavierThanNotified(penalties, ctx.notice.proposedPenalties);
      if (heavier.length) unmet.push(violation('fineNotHeavierThanNotified', heavier.join('; ')));
    }
  }
  const conditions = unmet.filter((v): v is RuleViolation => !!v);
  if (conditions.length) return { violations: conditions };
  const common = {
    legalBasis: body.legalBasis,
    rulesVersion: rules.id,
    ...(body.justification ? { justification: body.justification } : {}),
  };
  if (body.outcome !== 'penalty') {
    const outcome = body.outcome;
    return emitNumbered('decision', (n) => [
      { type: 'NoPenaltyDecided', data: { decisionNo: n.no, ...common, outcome, deadlines: [], ...issuerOf(n) } },
    ]);
  }
  // 公示 (安全生产法第七十八条): decisions against organisations are published within 7 working days.
  const deadlines =
    ctx.opened!.party.kind === 'organization' ? [computeDeadline('publication', 'publication', env.occurredAt, rules, env.calendar)] : [];
  const penalties = body.penalties ?? [];
  const graded = {
    ...(body.violationCode ? { violationCode: body.violationCode } : {}),
    ...(body.discretionLevel ? { discretionLevel: body.discretionLevel } : {}),
  };
  return emitNumbered('decision', (n) => [
    { type: 'PenaltyDecided', data: { decisionNo: n.no, ...common, outcome: 'penalty', penalties, ...graded, deadlines, ...issuerOf(n) } },
  ]);
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface ReviewBodies {
  'issue-penalty-notice': { proposedPenalties: Penalty[]; legalBasis: string[] };
  'record-statement': { summary: string; adopted: boolean };
  'waive-rights': { rights: WaivableRight[] };
  'record-legal-review': { outcome: 'approved' | 'returned'; legalBasisCorrect: boolean; opinion: string };
  decide: {
    outcome: Outcome;
    penalties?: Penalty[];
    legalBasis: string[];
    violationCode?: string;
    discretionLevel?: DiscretionLevel;
    justification?: string;
  };
  'record-collective-discussion': { participantIds: string[]; conclusion: string };
}

export const REVIEW_COMMANDS: CommandSpecs<ReviewBodies> = {
  'issue-penalty-notice': {
    summary: '行政处罚告知 (officer)',
    emits: ['PenaltyNoticeServed'],
    who: { roles: ['officer'] },
    decide: issuePenaltyNotice,
  },
  'record-statement': { summary: '陈述申辩 (officer)', emits: ['StatementRecorded'], who: { roles: ['officer'] }, decide: recordStatement },
  'waive-rights': {
    summary: '放弃陈述申辩/听证 (officer records the party waiving)',
    emits: ['RightsWaived'],
    who: { roles: ['officer'] },
    decide: waiveRights,
  },
  'record-legal-review': {
    summary: '法制审核 (legal reviewer)',
    emits: ['LegalReviewCompleted'],
    who: { roles: ['legal_reviewer'] },
    decide: recordLegalReview,
  },
  decide: { summary: '作出处罚决定 (head)', emits: ['PenaltyDecided', 'NoPenaltyDecided'], who: { roles: ['head'] }, decide: decide },
  'record-collective-discussion': {
    summary: '集体讨论 (head; at least three participants; major cases)',
    emits: ['CollectiveDiscussionRecorded'],
    who: { roles: ['head'] },
    decide: recordCollectiveDiscussion,
  },
};
