import { toShanghaiDate } from '@app/calendar';
import { CaseContext } from '../case-context';
import { REFERRAL_FROM } from '../case-events';
import { computeDeadline, computeHoursDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { twoCertifiedOfficers } from '../decide/certified-officers';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CaseAt, CommandSpecs } from './command-spec';

/** 提请移送 (国务院令310 Art. 5): a special team of at least two certified officers reports to the head (3 days). */
export function proposeReferral(
  ctx: CaseContext,
  body: ReferralBodies['propose-referral'],
  env: DecisionEnv,
  { stage }: CaseAt,
): CommandOutcome {
  const rules = caseRules(ctx, env);
  const from = REFERRAL_FROM.find((s) => s === stage)!;
  return emitUnless([twoCertifiedOfficers(body.teamOfficerIds, ctx.agencyId, toShanghaiDate(env.occurredAt), env.people)], () => [
    {
      type: 'ReferralProposed',
      data: {
        offense: body.offense,
        teamOfficerIds: body.teamOfficerIds,
        report: body.report,
        from,
        rulesVersion: rules.id,
        deadlines: [computeDeadline('referral_approval', 'referralApproval', env.occurredAt, rules, env.calendar)],
      },
    },
  ]);
}

/** Approved: the case goes to the police within 24 hours (国务院令310 Art. 5). */
export function approveReferral(ctx: CaseContext, body: ReferralBodies['approve-referral'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  return emit({
    type: 'ReferralApproved',
    data: {
      ...(body.opinion ? { opinion: body.opinion } : {}),
      deadlines: [computeHoursDeadline('referral_transfer', env.occurredAt, rules)],
    },
  });
}

export function rejectReferral(_ctx: CaseContext, body: ReferralBodies['reject-referral']): CommandOutcome {
  return emit({ type: 'ReferralRejected', data: { reason: body.reason } });
}

/** 移送 with the required documents (国务院令310 Art. 6); the police decide within 3 days (Art. 8). */
export function transferToPolice(ctx: CaseContext, body: ReferralBodies['transfer-to-police'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const missing = ['移送书', '调查报告'].filter((d) => !body.documents.some((x) => x.includes(d)));
  return emitUnless([missing.length ? violation('referralDocumentsComplete', `缺少 (missing): ${missing.join('、')}`) : null], () => [
    {
      type: 'CaseTransferredToPolice',
      data: {
        policeAgency: body.policeAgency,
        documents: body.documents,
        deadlines: [computeDeadline('police_decision', 'policeDecision', env.occurredAt, rules, env.calendar)],
      },
    },
  ]);
}

/** The police decision: accepted (the case is transferred), or declined (the agency may ask again within 3 days, Art. 9). */
export function recordPoliceDecision(ctx: CaseContext, body: ReferralBodies['record-police-decision'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const recorded = {
    type: 'PoliceDecisionRecorded' as const,
    data: { outcome: body.outcome, ...(body.reason ? { reason: body.reason } : {}) },
  };
  if (body.outcome === 'accepted') {
    // 移交 (行政执法机关移送涉嫌犯罪案件的规定第十三条): the items and materials are due within the rules' period.
    return emit(recorded, {
      type: 'ReferralAccepted',
      data: { deadlines: [computeDeadline('handover', 'handover', env.occurredAt, rules, env.calendar)] },
    });
  }
  return emit(recorded, {
    type: 'ReferralDeclined',
    data: {
      deadlines: [computeDeadline('police_reconsideration_request', 'policeReconsiderationRequest', env.occurredAt, rules, env.calendar)],
    },
  });
}

/**
 * 移交 (行政执法机关移送涉嫌犯罪案件的规定第十三条): once the police have decided to file the case, the agency hands over
 * the items involved and the other materials within 3 days of receiving the notice of filing. A late hand-over is still
 * owed, so it is recorded (and marked late), never refused.
 */
export function recordHandover(ctx: CaseContext, body: ReferralBodies['record-handover'], env: DecisionEnv): CommandOutcome {
  // The tracked deadline; a case accepted before the deadline was tracked has it computed from the acceptance.
  const dueDate =
    ctx.deadlines.find((d) => d.kind === 'handover')?.dueDate ??
    computeDeadline('handover', 'handover', ctx.referral?.acceptedAt ?? env.occurredAt, caseRules(ctx, env), env.calendar).dueDate;
  return emit({
    type: 'MaterialsHandedOver',
    data: { receivedBy: body.receivedBy, materials: body.materials, dueDate, late: toShanghaiDate(env.occurredAt) > dueDate },
  });
}

export function requestPoliceReconsideration(
  ctx: CaseContext,
  body: { reason: string },
  env: DecisionEnv,
  type: 'PoliceReconsiderationRequested' | 'ReferredToProcuratorate',
): CommandOutcome {
  const rules = caseRules(ctx, env);
  return emit({
    type,
    data: { reason: body.reason, deadlines: [computeDeadline('police_decision', 'policeDecision', env.occurredAt, rules, env.calendar)] },
  });
}

export function resumeAdministrativeProcedure(_ctx: CaseContext, body: ReferralBodies['resume-administrative-procedure']): CommandOutcome {
  return emit({ type: 'AdministrativeProcedureResumed', data: { reason: body.reason } });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface ReferralBodies {
  'propose-referral': { offense: string; teamOfficerIds: string[]; report: string };
  'approve-referral': { opinion?: string };
  'reject-referral': { reason: string };
  'transfer-to-police': { policeAgency: string; documents: string[] };
  'record-police-decision': { outcome: 'accepted' | 'declined'; reason?: string };
  'request-police-reconsideration': { reason: string };
  'refer-to-procuratorate': { reason: string };
  'resume-administrative-procedure': { reason: string };
  'record-handover': { receivedBy: string; materials: string[] };
}

export const REFERRAL_COMMANDS: CommandSpecs<ReferralBodies> = {
  'propose-referral': {
    summary: '提请移送涉嫌犯罪案件 (officer; special team of two)',
    emits: ['ReferralProposed'],
    who: { roles: ['officer'] },
    decide: proposeReferral,
  },
  'approve-referral': {
    summary: '批准移送 (head; within 3 days)',
    emits: ['ReferralApproved'],
    who: { roles: ['head'] },
    decide: approveReferral,
  },
  'reject-referral': {
    summary: '不批准移送 (head; reason recorded)',
    emits: ['ReferralRejected'],
    who: { roles: ['head'] },
    decide: rejectReferral,
  },
  'transfer-to-police': {
    summary: '移送公安机关 (officer; within 24 hours)',
    emits: ['CaseTransferredToPolice'],
    who: { roles: ['officer'] },
    decide: transferToPolice,
  },
  'record-police-decision': {
    summary: '公安机关立案决定 (officer records it)',
    emits: ['PoliceDecisionRecorded'],
    who: { roles: ['officer'] },
    decide: recordPoliceDecision,
  },
  'request-police-reconsideration': {
    summary: '提请公安机关复议 (head; within 3 days)',
    emits: ['PoliceReconsiderationRequested'],
    who: { roles: ['head'] },
    decide: (ctx, body, env) => requestPoliceReconsideration(ctx, body, env, 'PoliceReconsiderationRequested'),
  },
  'refer-to-procuratorate': {
    summary: '提请检察院立案监督 (head)',
    emits: ['ReferredToProcuratorate'],
    who: { roles: ['head'] },
    decide: (ctx, body, env) => requestPoliceReconsideration(ctx, body, env, 'ReferredToProcuratorate'),
  },
  'resume-administrative-procedure': {
    summary: '恢复行政处罚程序 (head)',
    emits: ['AdministrativeProcedureResumed'],
    who: { roles: ['head'] },
    decide: resumeAdministrativeProcedure,
  },
  'record-handover': {
    summary: '移交涉案物品和材料 (officer; within 3 days of the police filing the case)',
    emits: ['MaterialsHandedOver'],
    who: { roles: ['officer'] },
    decide: recordHandover,
  },
};
