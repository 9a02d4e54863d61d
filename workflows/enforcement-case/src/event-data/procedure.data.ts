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
} from '../case-types';
import { DeadlineSet } from '../deadlines/deadline';

/** Data of the trunk's events: filing, investigation, notice, hearing, review, decision, service, payment, interference, closing. */
export interface CaseOpenedData extends CaseFacts {
  caseId: string;
  major: boolean;
}
/** 立案 — filed by the head; starts the decision deadline and the sector handling period. */
export interface CaseFiledData {
  caseNo: string;
  /**
   * The agency in whose name the document is issued: the entrusting agency when an entrusted organisation handles
   * the case (policy §6; 行政处罚法 Art. 20); absent means the case's own agency.
   */
  issuerAgencyId?: string;
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
/** A file of an evidence item (photo, recording, scanned statement), stored by its SHA-256 (docs/evidence-files.md). */
export interface EvidenceFileAttachedData {
  evidenceId: string;
  /** SHA-256 of the stored bytes, lower-case hex: the file's address in the evidence store. */
  sha256: string;
  sizeBytes: number;
  /** The media type its first bytes show (declared and checked at upload). */
  contentType: string;
  /** The name the uploader gave, as given. */
  fileName: string;
  /** The file is the content the evidence item was recorded with (its `contentHash`). */
  matchesContentHash: boolean;
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
  /**
   * The agency in whose name the document is issued: the entrusting agency when an entrusted organisation handles
   * the case (policy §6; 行政处罚法 Art. 20); absent means the case's own agency.
   */
  issuerAgencyId?: string;
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
  /**
   * The agency in whose name the document is issued: the entrusting agency when an entrusted organisation handles
   * the case (policy §6; 行政处罚法 Art. 20); absent means the case's own agency.
   */
  issuerAgencyId?: string;
  outcome: 'no_penalty_minor' | 'no_penalty_unproven';
  legalBasis: string[];
  justification?: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface DecisionServedData {
  method: ServiceMethod;
  /** The number of the issued 决定书 served (its DocumentIssued records the hash of what was served). */
  documentNumber?: string;
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
  /** A correction refers to the record it corrects; records are never edited (docs/supervision.md §2). */
  corrects?: string;
}
export interface InterferenceAttestedData {
  officerId: string;
  complete: boolean;
}
export interface CaseClosedData {
  summary?: string;
}

/**
 * 督办: a supervisor asks the handling officers to account for an overdue or at-risk case and reply within a number of
 * working days (郴政办发〔2016〕19号第十七条, 上级职能部门对监管执法的指导监督).
 */
export interface CaseSupervisedData {
  supervisionId: string;
  supervisorId: string;
  supervisorAgencyId: string;
  reason: string;
  replyWithinWorkingDays: number;
  replyDueDate: IsoDate;
  deadlines: DeadlineSet[];
}
/** The handling officer's reply to a 督办. */
export interface SupervisionRepliedData {
  supervisionId: string;
  officerId: string;
  reply: string;
}
