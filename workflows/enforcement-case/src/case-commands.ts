import {
  CaseFacts,
  DiscretionLevel,
  EvidenceKind,
  Intervener,
  Outcome,
  Penalty,
  ServiceMethod,
  WaivableRight,
} from './case-types';
import { CaseEventType } from './case-events';
import { DeadlineKind } from './deadlines/deadline';

/** The one union of commands (URL form kebab-case, as in the officers' API contract). */
export interface CommandBodies {
  'open-case': CaseFacts & { major?: boolean };
  'approve-filing': { opinion?: string };
  'reject-filing': { reason: string };
  'record-evidence': { kind: EvidenceKind; title: string; officerIds: string[]; contentHash: string; description?: string };
  'conclude-investigation': {
    findings: string;
    proposedOutcome: Outcome;
    violationCode?: string;
    discretionLevel?: DiscretionLevel;
    proposedPenalties?: Penalty[];
    legalBasis: string[];
  };
  'issue-penalty-notice': { proposedPenalties: Penalty[]; legalBasis: string[] };
  'record-statement': { summary: string; adopted: boolean };
  'waive-rights': { rights: WaivableRight[] };
  'request-hearing': Record<string, never>;
  'schedule-hearing': { hearingAt: string; presidingOfficerId: string; location: string };
  'record-hearing': { attended: boolean; summary: string; transcriptHash?: string };
  'record-legal-review': { outcome: 'approved' | 'returned'; legalBasisCorrect: boolean; opinion: string };
  decide: {
    outcome: Outcome;
    penalties?: Penalty[];
    legalBasis: string[];
    violationCode?: string;
    discretionLevel?: DiscretionLevel;
    justification?: string;
  };
  'serve-decision': { method: ServiceMethod };
  'record-payment': { amountYuan: number; receiptNo: string };
  'record-interference': {
    intervener: Intervener;
    means: string;
    place?: string;
    content: string;
    handling: string;
    materialHashes?: string[];
    corrects?: string;
  };
  'attest-interference-record': { complete: boolean };
  'close-case': { summary?: string };
  'suspend-case': { reason: string };
  'resume-case': Record<string, never>;
  'extend-handling-period': { tier: 'head' | 'upper'; reason: string };
  'record-collective-discussion': { participantIds: string[]; conclusion: string };
  'publish-decision': { channel?: string };
  'approve-deferral': { dueDate?: string; installments?: { amountYuan: number; dueDate: string }[] };
  'record-compliance': { penaltyKind: string; summary: string };
  'record-remedy': { kind: 'reconsideration' | 'litigation'; body: string };
  'record-remedy-outcome': { outcome: 'upheld' | 'modified' | 'revoked' | 'confirmed_unlawful'; penalties?: Penalty[] };
  'propose-referral': { offense: string; teamOfficerIds: string[]; report: string };
  'approve-referral': { opinion?: string };
  'reject-referral': { reason: string };
  'transfer-to-police': { policeAgency: string; documents: string[] };
  'record-police-decision': { outcome: 'accepted' | 'declined'; reason?: string };
  'request-police-reconsideration': { reason: string };
  'refer-to-procuratorate': { reason: string };
  'resume-administrative-procedure': { reason: string };
  'issue-rectification-order': { items: string[]; deadline: string; legalBasis: string[] };
  'request-reinspection': Record<string, never>;
  'record-reinspection': { officerIds: string[]; result: 'passed' | 'failed'; findings: string };
  'impose-seizure': { items: { name: string; quantity?: string }[]; reason: string; legalBasis: string[]; audioVideoEvidenceHash?: string };
  'extend-seizure': { days: number; reason: string };
  'release-seizure': { disposition: 'released' | 'confiscated' | 'destroyed'; reason: string };
  'issue-enforcement-urge': Record<string, never>;
  'apply-court-enforcement': { court: string };
  'record-court-ruling': { outcome: 'enforce' | 'refuse'; reason?: string };
  'record-court-execution': { summary: string; amountYuan?: number };
  /** System only: the scheduler records that an open deadline has passed. */
  'record-deadline-expiry': { kind: DeadlineKind; dueAt: string };
}

export type CommandName = keyof CommandBodies;
export type CaseCommand = { [K in CommandName]: { name: K; body: CommandBodies[K] } }[CommandName];

/**
 * The events a command may produce; a command is allowed in a state when the machine accepts its first
 * possible event there (the legal conditions are checked afterwards, giving 422 rather than 409).
 */
export const COMMAND_EVENTS: { [K in CommandName]: readonly CaseEventType[] } = {
  'open-case': ['CaseOpened'],
  'approve-filing': ['CaseFiled'],
  'reject-filing': ['FilingRejected'],
  'record-evidence': ['EvidenceRecorded'],
  'conclude-investigation': ['InvestigationConcluded'],
  'issue-penalty-notice': ['PenaltyNoticeServed'],
  'record-statement': ['StatementRecorded'],
  'waive-rights': ['RightsWaived'],
  'request-hearing': ['HearingRequested'],
  'schedule-hearing': ['HearingScheduled'],
  'record-hearing': ['HearingHeld', 'HearingForfeited'],
  'record-legal-review': ['LegalReviewCompleted'],
  decide: ['PenaltyDecided', 'NoPenaltyDecided'],
  'serve-decision': ['DecisionServed'],
  'record-payment': ['PaymentRecorded'],
  'record-interference': ['InterferenceRecorded'],
  'attest-interference-record': ['InterferenceAttested'],
  'close-case': ['CaseClosed'],
  'suspend-case': ['CaseSuspended'],
  'resume-case': ['CaseResumed'],
  'extend-handling-period': ['HandlingPeriodExtended'],
  'record-collective-discussion': ['CollectiveDiscussionRecorded'],
  'publish-decision': ['DecisionPublished'],
  'approve-deferral': ['PaymentDeferred'],
  'record-compliance': ['ComplianceRecorded'],
  'record-remedy': ['RemedyFiled'],
  'record-remedy-outcome': ['RemedyConcluded'],
  'propose-referral': ['ReferralProposed'],
  'approve-referral': ['ReferralApproved'],
  'reject-referral': ['ReferralRejected'],
  'transfer-to-police': ['CaseTransferredToPolice'],
  'record-police-decision': ['PoliceDecisionRecorded'],
  'request-police-reconsideration': ['PoliceReconsiderationRequested'],
  'refer-to-procuratorate': ['ReferredToProcuratorate'],
  'resume-administrative-procedure': ['AdministrativeProcedureResumed'],
  'issue-rectification-order': ['RectificationOrdered'],
  'request-reinspection': ['ReinspectionRequested'],
  'record-reinspection': ['ReinspectionRecorded'],
  'impose-seizure': ['SeizureImposed'],
  'extend-seizure': ['SeizureExtended'],
  'release-seizure': ['SeizureReleased'],
  'issue-enforcement-urge': ['EnforcementUrged'],
  'apply-court-enforcement': ['CourtEnforcementApplied'],
  'record-court-ruling': ['CourtRuled'],
  'record-court-execution': ['CourtExecutionRecorded'],
  'record-deadline-expiry': ['DeadlineMissed', 'StatementPeriodEnded', 'HearingRequestPeriodEnded', 'SeizureTermExpired'],
};

/** Commands the system issues itself; never offered to users nor accepted over HTTP. */
export const SYSTEM_COMMANDS: ReadonlySet<CommandName> = new Set(['record-deadline-expiry']);

export const COMMAND_NAMES = Object.keys(COMMAND_EVENTS) as CommandName[];

/** Who may issue each command (docs/procedure.md §4 "who"); jurisdiction is checked by the API's policy. */
export type Role = 'officer' | 'head' | 'legal_reviewer' | 'supervisor' | 'discipline' | 'admin';
export const COMMAND_ROLES: { [K in CommandName]: readonly Role[] | 'any' } = {
  'open-case': ['officer'],
  'approve-filing': ['head'],
  'reject-filing': ['head'],
  'record-evidence': ['officer'],
  'conclude-investigation': ['officer'],
  'issue-penalty-notice': ['officer'],
  'record-statement': ['officer'],
  'waive-rights': ['officer'],
  'request-hearing': ['officer'],
  'schedule-hearing': ['head'],
  'record-hearing': ['officer', 'head'],
  'record-legal-review': ['legal_reviewer'],
  decide: ['head'],
  'serve-decision': ['officer'],
  'record-payment': ['officer'],
  'record-interference': 'any',
  'attest-interference-record': ['officer'],
  'close-case': ['head'],
  'suspend-case': ['head'],
  'resume-case': ['head'],
  'extend-handling-period': ['head'],
  'record-collective-discussion': ['head'],
  'publish-decision': ['officer'],
  'approve-deferral': ['head'],
  'record-compliance': ['officer'],
  'record-remedy': ['officer'],
  'record-remedy-outcome': ['officer'],
  'propose-referral': ['officer'],
  'approve-referral': ['head'],
  'reject-referral': ['head'],
  'transfer-to-police': ['officer'],
  'record-police-decision': ['officer'],
  'request-police-reconsideration': ['head'],
  'refer-to-procuratorate': ['head'],
  'resume-administrative-procedure': ['head'],
  'issue-rectification-order': ['officer'],
  'request-reinspection': ['officer'],
  'record-reinspection': ['officer'],
  'impose-seizure': ['head'],
  'extend-seizure': ['head'],
  'release-seizure': ['head'],
  'issue-enforcement-urge': ['officer'],
  'apply-court-enforcement': ['head'],
  'record-court-ruling': ['officer'],
  'record-court-execution': ['officer'],
  'record-deadline-expiry': [],
};
