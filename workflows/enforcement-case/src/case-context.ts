import { IsoDate, IsoDateTime, Penalty, WaivableRight } from './case-types';
import { CaseEvent, CaseOpenedData, InvestigationConcludedData, assertNever } from './case-events';
import { Deadline } from './deadlines/deadline';
import { DossierArchivedData } from './event-data/documents.data';
import { applyDeadlineChange, deadlineChangeOf } from './deadlines/deadline-changes';
import { documentOccurrencesOf } from './vocabulary/document-kinds';

export { HANDLING_CLOCK } from './deadlines/deadline-changes';

/** Everything the procedure knows about a case, folded from its events (never stored as truth). */
/**
 * Ids kept as an immutable list, newest first: a case may collect thousands of interference records, and the fold
 * must not copy all earlier ids for each new one (replaying a long case would cost quadratic time).
 */
export type RecordIds = { id: string; before: RecordIds } | null;

export function recordIdsInclude(list: RecordIds, id: string): boolean {
  for (let node = list; node; node = node.before) if (node.id === id) return true;
  return false;
}

export interface CaseContext {
  caseId: string;
  agencyId: string;
  caseNo: string | null;
  opened: CaseOpenedData | null;
  /** When the case was opened in the world (occurredAt of CaseOpened). */
  openedAt: IsoDateTime | null;
  /** When the system recorded the opening. */
  createdAt: IsoDateTime | null;
  updatedAt: IsoDateTime | null;
  filedAt: IsoDateTime | null;
  rulesVersion: string | null;
  /** Evidence items recorded, each with the SHA-256 of the files attached to it. */
  evidence: { evidenceId: string; kind: string; contentHash: string; officerIds: string[]; fileHashes: string[] }[];
  investigation: InvestigationConcludedData | null;
  notice: { servedAt: IsoDateTime; proposedPenalties: Penalty[]; hearingRight: boolean } | null;
  waivedRights: WaivableRight[];
  hearing: {
    requestedAt: IsoDateTime;
    hearingAt?: IsoDateTime;
    presidingOfficerId?: string;
    outcome?: 'held' | 'forfeited';
  } | null;
  statements: number;
  legalReview: { outcome: 'approved' | 'returned'; legalBasisCorrect: boolean; reviewerId: string } | null;
  decision: { decisionNo: string; outcome: string; penalties: Penalty[]; decidedAt: IsoDateTime; issuerAgencyId?: string } | null;
  /** The agency in whose name the case is handled (the entrusting agency for an entrusted organisation, policy §6). */
  issuerAgencyId: string | null;
  servedAt: IsoDateTime | null;
  paidYuan: number;
  /** When the handling clock was suspended (中止), if it is. */
  suspendedAt: IsoDateTime | null;
  /** Days the handling clock has been suspended so far (they do not count, 中止期间不计入). */
  suspendedDays: number;
  extensionTier: 'head' | 'upper' | null;
  collectiveDiscussion: { conclusion: string } | null;
  published: boolean;
  /** Non-monetary penalties carried out (record-compliance). */
  compliedKinds: string[];
  remedies: { kind: string; outcome?: string }[];
  /** 涉嫌犯罪移送: the current referral; `rejected` stays true once a proposal was rejected (以罚代刑 review, docs/supervision.md §6). */
  referral: {
    from: 'investigation' | 'review' | 'decided' | 'execution';
    offense: string;
    status: string;
    acceptedAt?: IsoDateTime;
  } | null;
  referralRejected: boolean;
  /** 责令限期整改: the current order and where it stands. */
  rectification: { orderId: string; deadline: string; status: 'ordered' | 'verified' | 'failed'; reinspections: number } | null;
  /** 查封扣押: the measure in force, if any; extended at most once (行政强制法 Art. 25). */
  seizure: { imposedAt: IsoDateTime; extended: boolean } | null;
  /** 催告: when the party was last urged to pay (行政强制法 Art. 54). */
  urgedAt: IsoDateTime | null;
  deadlines: Deadline[];
  /** 干预记录 of the case: how many, and their ids (newest first; see RecordIds). */
  interferenceRecords: { count: number; ids: RecordIds };
  /**
   * The head who approved (or refused) the filing: the case's approving head, who may not read its interference
   * records (docs/supervision.md §2 — the intervener may be that head).
   */
  filingApproverId: string | null;
  /** Handling officers who attested that every interference they know of is recorded. */
  attestedBy: string[];
  /** The 督办 awaiting the handling officers' reply, if any (one at a time; a reply closes it). */
  supervision: OpenSupervision | null;
  /**
   * 文书 issued for the case's current occurrence of each kind: the number it was issued under. A new occurrence of a
   * repeatable kind (REPEATABLE_DOCUMENTS: a second 责令限期整改 …) clears its entry, so that occurrence may be issued.
   */
  issuedDocuments: Record<string, string>;
  closedAt: IsoDateTime | null;
  /** The 案卷 as archived at closing (once per closing), null until then. */
  archivedDossier: DossierArchivedData | null;
}

/** A 督办 not yet replied to (郴政办发〔2016〕19号第十七条). */
export interface OpenSupervision {
  supervisionId: string;
  supervisorId: string;
  supervisorAgencyId: string;
  reason: string;
  supervisedAt: IsoDateTime;
  replyDueDate: IsoDate;
}

export const emptyCaseContext: CaseContext = {
  caseId: '',
  agencyId: '',
  caseNo: null,
  opened: null,
  openedAt: null,
  createdAt: null,
  updatedAt: null,
  filedAt: null,
  rulesVersion: null,
  evidence: [],
  investigation: null,
  notice: null,
  waivedRights: [],
  hearing: null,
  statements: 0,
  legalReview: null,
  decision: null,
  servedAt: null,
  paidYuan: 0,
  suspendedAt: null,
  suspendedDays: 0,
  extensionTier: null,
  collectiveDiscussion: null,
  published: false,
  compliedKinds: [],
  remedies: [],
  referral: null,
  referralRejected: false,
  rectification: null,
  seizure: null,
  urgedAt: null,
  deadlines: [],
  interferenceRecords: { count: 0, ids: null },
  filingApproverId: null,
  issuerAgencyId: null,
  attestedBy: [],
  supervision: null,
  issuedDocuments: {},
  closedAt: null,
  archivedDossier: null,
};

/** The data half of the fold: how each event changes the context. States and transitions live in the machine. */
export function evolveCaseContext(ctx: CaseContext, event: CaseEvent): CaseContext {
  const at = event.meta.occurredAt;
  // Deadlines change by one table, the same the open-deadlines read model applies (deadlines/deadline-changes.ts).
  const c: CaseContext = {
    ...ctx,
    updatedAt: event.meta.recordedAt,
    deadlines: applyDeadlineChange(ctx.deadlines, deadlineChangeOf(event), at),
  };
  for (const kind of documentOccurrencesOf(event.type))
    if (c.issuedDocuments[kind] !== undefined) {
      const { [kind]: _previous, ...rest } = c.issuedDocuments;
      c.issuedDocuments = rest;
    }
  switch (event.type) {
    case 'CaseOpened':
      return {
        ...c,
        caseId: event.data.caseId,
        agencyId: event.data.agencyId,
        opened: event.data,
        openedAt: at,
        createdAt: event.meta.recordedAt,
      };
    case 'CaseFiled':
      return {
        ...c,
        caseNo: event.data.caseNo,
        filedAt: at,
        filingApproverId: event.meta.actorId,
        issuerAgencyId: event.data.issuerAgencyId ?? c.agencyId,
        rulesVersion: event.data.rulesVersion,
      };
    case 'FilingRejected':
      return { ...c, filingApproverId: event.meta.actorId };
    case 'EvidenceRecorded': {
      const { evidenceId, kind, contentHash, officerIds } = event.data;
      return { ...c, evidence: [...c.evidence, { evidenceId, kind, contentHash, officerIds, fileHashes: [] }] };
    }
    case 'EvidenceFileAttached': {
      const { evidenceId, sha256 } = event.data;
      return {
        ...c,
        evidence: c.evidence.map((e) => (e.evidenceId === evidenceId ? { ...e, fileHashes: [...e.fileHashes, sha256] } : e)),
      };
    }
    case 'InvestigationConcluded':
      return { ...c, investigation: event.data };
    case 'PenaltyNoticeServed':
      return {
        ...c,
        notice: { servedAt: at, proposedPenalties: event.data.proposedPenalties, hearingRight: event.data.hearingRight },
        waivedRights: [],
      };
    case 'RightsWaived':
      return { ...c, waivedRights: [...new Set([...c.waivedRights, ...event.data.rights])] };
    case 'StatementRecorded':
      return { ...c, statements: c.statements + 1 };
    case 'HearingRequested':
      return { ...c, hearing: { requestedAt: event.data.requestedAt } };
    case 'HearingScheduled':
      return { ...c, hearing: { ...c.hearing!, hearingAt: event.data.hearingAt, presidingOfficerId: event.data.presidingOfficerId } };
    case 'HearingHeld':
      return { ...c, hearing: { ...c.hearing!, outcome: 'held' } };
    case 'HearingForfeited':
      return { ...c, hearing: { ...c.hearing!, outcome: 'forfeited' } };
    case 'LegalReviewCompleted': {
      const { outcome, legalBasisCorrect, reviewerId } = event.data;
      return { ...c, legalReview: { outcome, legalBasisCorrect, reviewerId } };
    }
    case 'PenaltyDecided':
    case 'NoPenaltyDecided': {
      const penalties = event.type === 'PenaltyDecided' ? event.data.penalties : [];
      return {
        ...c,
        decision: {
          decisionNo: event.data.decisionNo,
          outcome: event.data.outcome,
          penalties,
          decidedAt: at,
          ...(event.data.issuerAgencyId ? { issuerAgencyId: event.data.issuerAgencyId } : {}),
        },
      };
    }
    case 'DecisionServed':
      return { ...c, servedAt: at };
    case 'PaymentRecorded':
      return { ...c, paidYuan: event.data.paidTotalYuan };
    case 'PenaltyExecuted':
      return c;
    case 'InterferenceRecorded':
      return {
        ...c,
        interferenceRecords: {
          count: c.interferenceRecords.count + 1,
          ids: { id: event.data.recordId, before: c.interferenceRecords.ids },
        },
      };
    case 'InterferenceAttested':
      return c.attestedBy.includes(event.data.officerId) ? c : { ...c, attestedBy: [...c.attestedBy, event.data.officerId] };
    case 'CaseSuspended':
      return { ...c, suspendedAt: at };
    case 'CaseResumed':
      return { ...c, suspendedAt: null, suspendedDays: c.suspendedDays + (event.data.suspendedDays ?? 0) };
    case 'HandlingPeriodExtended':
      return { ...c, extensionTier: event.data.tier };
    case 'CollectiveDiscussionRecorded':
      return { ...c, collectiveDiscussion: { conclusion: event.data.conclusion } };
    case 'DecisionPublished':
      return { ...c, published: true };
    case 'PaymentDeferred':
      return c;
    case 'ComplianceRecorded':
      return { ...c, compliedKinds: [...new Set([...c.compliedKinds, event.data.penaltyKind])] };
    case 'RemedyFiled':
      return { ...c, remedies: [...c.remedies, { kind: event.data.kind }] };
    case 'RemedyConcluded': {
      const remedies = c.remedies.slice();
      const open = remedies.map((r) => !r.outcome).lastIndexOf(true);
      if (open >= 0) remedies[open] = { ...remedies[open], outcome: event.data.outcome };
      const penalties = event.data.outcome === 'modified' && event.data.penalties ? event.data.penalties : undefined;
      return { ...c, remedies, decision: c.decision && penalties ? { ...c.decision, penalties } : c.decision };
    }
    case 'DecisionRevoked':
      return c;
    case 'ReferralProposed':
      return {
        ...c,
        referral: { from: event.data.from, offense: event.data.offense, status: 'proposed' },
      };
    case 'ReferralApproved':
      return {
        ...c,
        referral: c.referral && { ...c.referral, status: 'approved' },
      };
    case 'ReferralRejected':
      return { ...c, referral: null, referralRejected: true };
    case 'CaseTransferredToPolice':
      return {
        ...c,
        referral: c.referral && { ...c.referral, status: 'transferred' },
      };
    case 'PoliceDecisionRecorded':
      return c;
    case 'ReferralAccepted':
      return {
        ...c,
        referral: c.referral && { ...c.referral, status: 'accepted', acceptedAt: at },
      };
    case 'MaterialsHandedOver':
      return c;
    case 'ReferralDeclined':
      return {
        ...c,
        referral: c.referral && { ...c.referral, status: 'declined' },
      };
    case 'PoliceReconsiderationRequested':
    case 'ReferredToProcuratorate':
      return {
        ...c,
        referral: c.referral && { ...c.referral, status: 'transferred' },
      };
    case 'AdministrativeProcedureResumed':
      return { ...c, referral: null };
    case 'RectificationOrdered':
      return {
        ...c,
        rectification: { orderId: event.data.orderId, deadline: event.data.deadline, status: 'ordered', reinspections: 0 },
      };
    case 'ReinspectionRequested':
      return c;
    case 'ReinspectionRecorded':
      return {
        ...c,
        rectification: c.rectification && { ...c.rectification, reinspections: c.rectification.reinspections + 1 },
      };
    case 'RectificationVerified':
      return { ...c, rectification: c.rectification && { ...c.rectification, status: 'verified' } };
    case 'RectificationFailed':
      return { ...c, rectification: c.rectification && { ...c.rectification, status: 'failed' } };
    case 'SeizureImposed':
      return { ...c, seizure: { imposedAt: at, extended: false } };
    case 'SeizureExtended':
      return { ...c, seizure: c.seizure && { ...c.seizure, extended: true } };
    case 'SeizureReleased':
      return { ...c, seizure: null };
    case 'EnforcementUrged':
      return { ...c, urgedAt: event.data.urgedAt };
    case 'CourtEnforcementApplied':
      return c;
    case 'CourtRuled':
    case 'CourtExecutionRecorded':
      return c;
    case 'SeizureTermExpired':
    case 'DeadlineMissed':
      return c;
    case 'StatementPeriodEnded':
      return c;
    case 'HearingRequestPeriodEnded':
      return c;
    case 'CaseSupervised': {
      const { supervisionId, supervisorId, supervisorAgencyId, reason, replyDueDate } = event.data;
      return {
        ...c,
        supervision: { supervisionId, supervisorId, supervisorAgencyId, reason, supervisedAt: at, replyDueDate },
      };
    }
    case 'SupervisionReplied':
      return { ...c, supervision: null };
    case 'DocumentIssued':
      return { ...c, issuedDocuments: { ...c.issuedDocuments, [event.data.kind]: event.data.number } };
    case 'CaseClosed':
      return { ...c, closedAt: at };
    case 'DossierArchived':
      return { ...c, archivedDossier: event.data };
    default:
      return assertNever(event);
  }
}
