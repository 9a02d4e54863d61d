import {
  CaseFacts,
  DiscretionLevel,
  EvidenceKind,
  Intervener,
  IsoDate,
  IsoDateTime,
  Outcome,
  Penalty,
  ServiceMethod,
  WaivableRight,
} from './case-types';
import { DeadlineKind, DeadlineSet } from './deadlines/deadline';

/**
 * The one union of stored case events. A stored event name never changes; a breaking change is a new
 * `…V2` type plus an upcaster. Past-tense names; `type` equals the TypeScript name.
 */

export interface CaseOpenedData extends CaseFacts {
  caseId: string;
  major: boolean;
}
/** 立案 — filed by the head; starts the decision deadline and the sector handling period. */
export interface CaseFiledData {
  caseNo: string;
  opinion?: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface FilingRejectedData {
  reason: string;
}
export interface EvidenceRecordedData {
  evidenceId: string;
  kind: EvidenceKind;
  title: string;
  officerIds: string[];
  contentHash: string;
  description?: string;
}
export interface InvestigationConcludedData {
  findings: string;
  proposedOutcome: Outcome;
  violationCode?: string;
  discretionLevel?: DiscretionLevel;
  proposedPenalties?: Penalty[];
  legalBasis: string[];
}
/** 行政处罚告知 — the party learns the proposed penalty and its rights (行政处罚法 Art. 44, 63, 64). */
export interface PenaltyNoticeServedData {
  proposedPenalties: Penalty[];
  legalBasis: string[];
  hearingRight: boolean;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface RightsWaivedData {
  rights: WaivableRight[];
}
export interface StatementRecordedData {
  summary: string;
  adopted: boolean;
}
/** 听证 (行政处罚法 Art. 63–65): the party asked for a hearing within its period. */
export interface HearingRequestedData {
  requestedAt: IsoDateTime;
}
export interface HearingScheduledData {
  hearingAt: IsoDateTime;
  presidingOfficerId: string;
  location: string;
  /** Working days between notifying the party (this event) and the hearing; at least 7 (Art. 64(2)). */
  noticeWorkingDays: number;
}
export interface HearingHeldData {
  summary: string;
  transcriptHash?: string;
}
export interface HearingForfeitedData {
  summary: string;
}
/** 法制审核 legality review of a major decision (行政处罚法 Art. 58); a new review never overwrites an old one. */
export interface LegalReviewCompletedData {
  outcome: 'approved' | 'returned';
  legalBasisCorrect: boolean;
  opinion: string;
  reviewerId: string;
}
export interface PenaltyDecidedData {
  decisionNo: string;
  outcome: 'penalty';
  penalties: Penalty[];
  legalBasis: string[];
  violationCode?: string;
  discretionLevel?: DiscretionLevel;
  justification?: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface NoPenaltyDecidedData {
  decisionNo: string;
  outcome: 'no_penalty_minor' | 'no_penalty_unproven';
  legalBasis: string[];
  justification?: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface DecisionServedData {
  method: ServiceMethod;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface PaymentRecordedData {
  amountYuan: number;
  receiptNo: string;
  /** Total paid after this payment. */
  paidTotalYuan: number;
}
export interface PenaltyExecutedData {
  via: 'payment' | 'compliance' | 'court' | 'service';
}
export interface InterferenceRecordedData {
  recordId: string;
  intervener: Intervener;
  means: string;
  place?: string;
  content: string;
  handling: string;
  materialHashes?: string[];
  /** A correction refers to the record it corrects; records are never edited (supervision.md §2). */
  corrects?: string;
}
export interface InterferenceAttestedData {
  officerId: string;
  complete: boolean;
}
/** 中止 (procedure.md §1): the handling clock stops; the deadlines are paused. */
export interface CaseSuspendedData {
  reason: string;
}
/** 恢复: the paused deadlines move by the days suspended. */
export interface CaseResumedData {
  suspendedDays: number;
  deadlines: DeadlineSet[];
}
/** 延期 (former sector rule Art. 31): head to 90 days, upper level to 180 days from filing. */
export interface HandlingPeriodExtendedData {
  tier: 'head' | 'upper';
  reason: string;
  deadlines: DeadlineSet[];
}
/** 集体讨论 (行政处罚法 Art. 57(2)): the heads decide a major case together. */
export interface CollectiveDiscussionRecordedData {
  participantIds: string[];
  conclusion: string;
}
export interface DecisionPublishedData {
  channel: string;
  /** Personal data masked as supervision.md §7 requires (names of individuals, identity numbers). */
  redacted: boolean;
}
/** 延期、分期缴纳 (行政处罚法 Art. 66). */
export interface PaymentDeferredData {
  dueDate?: IsoDate;
  installments?: { amountYuan: number; dueDate: IsoDate }[];
  deadlines: DeadlineSet[];
}
export interface ComplianceRecordedData {
  penaltyKind: string;
  summary: string;
}
export interface RemedyFiledData {
  kind: 'reconsideration' | 'litigation';
  body: string;
}
export interface RemedyConcludedData {
  outcome: 'upheld' | 'modified' | 'revoked' | 'confirmed_unlawful';
  penalties?: Penalty[];
}
export const REFERRAL_FROM = ['investigation', 'review', 'decided', 'execution'] as const;
/** 涉嫌犯罪移送 (行政执法机关移送涉嫌犯罪案件的规定, 国务院令310): a special team's proposal. */
export interface ReferralProposedData {
  offense: string;
  teamOfficerIds: string[];
  report: string;
  /** The stage the case returns to if the referral is rejected or the procedure resumed. */
  from: (typeof REFERRAL_FROM)[number];
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface ReferralApprovedData {
  opinion?: string;
  deadlines: DeadlineSet[];
}
export interface ReasonData {
  reason: string;
}
export interface CaseTransferredToPoliceData {
  policeAgency: string;
  documents: string[];
  deadlines: DeadlineSet[];
}
export interface PoliceDecisionRecordedData {
  outcome: 'accepted' | 'declined';
  reason?: string;
}
export interface ReferralDeclinedData {
  deadlines: DeadlineSet[];
}
export interface PoliceReconsiderationRequestedData {
  reason: string;
  deadlines: DeadlineSet[];
}
/** 责令限期整改 (安全生产法 Art. 65, 70): what must be corrected by when; re-inspected within 10 days. */
export interface RectificationOrderedData {
  orderId: string;
  items: string[];
  deadline: IsoDate;
  legalBasis: string[];
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface ReinspectionRequestedData {
  requestedAt: IsoDateTime;
  deadlines: DeadlineSet[];
}
export interface ReinspectionRecordedData {
  officerIds: string[];
  result: 'passed' | 'failed';
  findings: string;
}
/** Follows a passed re-inspection: the order is verified (整改复查合格). */
export interface RectificationVerifiedData {
  orderId: string;
}
/** Follows a failed re-inspection: a new order or a daily penalty (安全生产法 Art. 112) may follow. */
export interface RectificationFailedData {
  orderId: string;
}
/** 查封、扣押 (行政强制法 Art. 22–28): a coercive measure on site, recorded on audio-video (国办发〔2018〕118号). */
export interface SeizureImposedData {
  items: { name: string; quantity?: string }[];
  reason: string;
  legalBasis: string[];
  audioVideoEvidenceHash: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface SeizureExtendedData {
  days: number;
  reason: string;
  deadlines: DeadlineSet[];
}
export interface SeizureReleasedData {
  disposition: 'released' | 'confiscated' | 'destroyed';
  reason: string;
}
/** 催告 (行政强制法 Art. 54): the party is urged to pay before the agency may apply to the court. */
export interface EnforcementUrgedData {
  urgedAt: IsoDateTime;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface CourtEnforcementAppliedData {
  court: string;
}
export interface CourtRuledData {
  outcome: 'enforce' | 'refuse';
  reason?: string;
}
export interface CourtExecutionRecordedData {
  summary: string;
  amountYuan?: number;
}
/** System events of the durable deadline scheduler (actor `system`). */
export interface DeadlineMissedData {
  kind: DeadlineKind;
  dueDate: IsoDate;
  dueAt: IsoDateTime;
  detectedAt: IsoDateTime;
}
/** The party's statement or hearing-request period ran out unused: not a failure of the agency, just over. */
export interface PeriodEndedData {
  dueDate: IsoDate;
  dueAt: IsoDateTime;
}
export interface CaseClosedData {
  summary?: string;
}

type Ev<T extends string, D> = { type: T; data: D };

export type CaseEventBody =
  | Ev<'CaseOpened', CaseOpenedData>
  | Ev<'CaseFiled', CaseFiledData>
  | Ev<'FilingRejected', FilingRejectedData>
  | Ev<'EvidenceRecorded', EvidenceRecordedData>
  | Ev<'InvestigationConcluded', InvestigationConcludedData>
  | Ev<'PenaltyNoticeServed', PenaltyNoticeServedData>
  | Ev<'RightsWaived', RightsWaivedData>
  | Ev<'StatementRecorded', StatementRecordedData>
  | Ev<'HearingRequested', HearingRequestedData>
  | Ev<'HearingScheduled', HearingScheduledData>
  | Ev<'HearingHeld', HearingHeldData>
  | Ev<'HearingForfeited', HearingForfeitedData>
  | Ev<'LegalReviewCompleted', LegalReviewCompletedData>
  | Ev<'PenaltyDecided', PenaltyDecidedData>
  | Ev<'NoPenaltyDecided', NoPenaltyDecidedData>
  | Ev<'DecisionServed', DecisionServedData>
  | Ev<'PaymentRecorded', PaymentRecordedData>
  | Ev<'PenaltyExecuted', PenaltyExecutedData>
  | Ev<'InterferenceRecorded', InterferenceRecordedData>
  | Ev<'InterferenceAttested', InterferenceAttestedData>
  | Ev<'CaseSuspended', CaseSuspendedData>
  | Ev<'CaseResumed', CaseResumedData>
  | Ev<'HandlingPeriodExtended', HandlingPeriodExtendedData>
  | Ev<'CollectiveDiscussionRecorded', CollectiveDiscussionRecordedData>
  | Ev<'DecisionPublished', DecisionPublishedData>
  | Ev<'PaymentDeferred', PaymentDeferredData>
  | Ev<'ComplianceRecorded', ComplianceRecordedData>
  | Ev<'RemedyFiled', RemedyFiledData>
  | Ev<'RemedyConcluded', RemedyConcludedData>
  | Ev<'DecisionRevoked', Record<string, never>>
  | Ev<'ReferralProposed', ReferralProposedData>
  | Ev<'ReferralApproved', ReferralApprovedData>
  | Ev<'ReferralRejected', ReasonData>
  | Ev<'CaseTransferredToPolice', CaseTransferredToPoliceData>
  | Ev<'PoliceDecisionRecorded', PoliceDecisionRecordedData>
  | Ev<'ReferralAccepted', Record<string, never>>
  | Ev<'ReferralDeclined', ReferralDeclinedData>
  | Ev<'PoliceReconsiderationRequested', PoliceReconsiderationRequestedData>
  | Ev<'ReferredToProcuratorate', PoliceReconsiderationRequestedData>
  | Ev<'AdministrativeProcedureResumed', ReasonData>
  | Ev<'RectificationOrdered', RectificationOrderedData>
  | Ev<'ReinspectionRequested', ReinspectionRequestedData>
  | Ev<'ReinspectionRecorded', ReinspectionRecordedData>
  | Ev<'RectificationVerified', RectificationVerifiedData>
  | Ev<'RectificationFailed', RectificationFailedData>
  | Ev<'SeizureImposed', SeizureImposedData>
  | Ev<'SeizureExtended', SeizureExtendedData>
  | Ev<'SeizureReleased', SeizureReleasedData>
  | Ev<'SeizureTermExpired', DeadlineMissedData>
  | Ev<'EnforcementUrged', EnforcementUrgedData>
  | Ev<'CourtEnforcementApplied', CourtEnforcementAppliedData>
  | Ev<'CourtRuled', CourtRuledData>
  | Ev<'CourtExecutionRecorded', CourtExecutionRecordedData>
  | Ev<'DeadlineMissed', DeadlineMissedData>
  | Ev<'StatementPeriodEnded', PeriodEndedData>
  | Ev<'HearingRequestPeriodEnded', PeriodEndedData>
  | Ev<'CaseClosed', CaseClosedData>;

export type CaseEventType = CaseEventBody['type'];
export type CaseEventData<T extends CaseEventType> = Extract<CaseEventBody, { type: T }>['data'];

/** What the fold needs of an event's metadata (the full envelope lives with the engine). */
export interface FoldMeta {
  actorId: string;
  occurredAt: IsoDateTime;
  recordedAt: IsoDateTime;
}

/** An event as the machine sees it: its body plus the metadata the fold needs. */
export type CaseEvent = CaseEventBody & { meta: FoldMeta };

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'CaseOpened',
  'CaseFiled',
  'FilingRejected',
  'EvidenceRecorded',
  'InvestigationConcluded',
  'PenaltyNoticeServed',
  'RightsWaived',
  'StatementRecorded',
  'HearingRequested',
  'HearingScheduled',
  'HearingHeld',
  'HearingForfeited',
  'LegalReviewCompleted',
  'PenaltyDecided',
  'NoPenaltyDecided',
  'DecisionServed',
  'PaymentRecorded',
  'PenaltyExecuted',
  'InterferenceRecorded',
  'InterferenceAttested',
  'CaseSuspended',
  'CaseResumed',
  'HandlingPeriodExtended',
  'CollectiveDiscussionRecorded',
  'DecisionPublished',
  'PaymentDeferred',
  'ComplianceRecorded',
  'RemedyFiled',
  'RemedyConcluded',
  'DecisionRevoked',
  'ReferralProposed',
  'ReferralApproved',
  'ReferralRejected',
  'CaseTransferredToPolice',
  'PoliceDecisionRecorded',
  'ReferralAccepted',
  'ReferralDeclined',
  'PoliceReconsiderationRequested',
  'ReferredToProcuratorate',
  'AdministrativeProcedureResumed',
  'RectificationOrdered',
  'ReinspectionRequested',
  'ReinspectionRecorded',
  'RectificationVerified',
  'RectificationFailed',
  'SeizureImposed',
  'SeizureExtended',
  'SeizureReleased',
  'SeizureTermExpired',
  'EnforcementUrged',
  'CourtEnforcementApplied',
  'CourtRuled',
  'CourtExecutionRecorded',
  'DeadlineMissed',
  'StatementPeriodEnded',
  'HearingRequestPeriodEnded',
  'CaseClosed',
];

export function assertNever(x: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}
