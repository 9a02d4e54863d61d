import { IsoDateTime } from './case-types';
import {
  CaseResumedData,
  CaseSuspendedData,
  CollectiveDiscussionRecordedData,
  ComplianceRecordedData,
  DecisionPublishedData,
  HandlingPeriodExtendedData,
  PaymentDeferredData,
  RemedyConcludedData,
  RemedyFiledData,
} from './event-data/follow-up.data';
import {
  CourtEnforcementAppliedData,
  CourtExecutionRecordedData,
  CourtRuledData,
  EnforcementUrgedData,
  RectificationFailedData,
  RectificationOrderedData,
  RectificationVerifiedData,
  ReinspectionRecordedData,
  ReinspectionRequestedData,
  SeizureExtendedData,
  SeizureImposedData,
  SeizureReleasedData,
} from './event-data/measures.data';
import {
  CaseClosedData,
  CaseFiledData,
  CaseOpenedData,
  CaseSupervisedData,
  DecisionServedData,
  EvidenceFileAttachedData,
  EvidenceRecordedData,
  FilingRejectedData,
  HearingForfeitedData,
  HearingHeldData,
  HearingRequestedData,
  HearingScheduledData,
  InterferenceAttestedData,
  InterferenceRecordedData,
  InvestigationConcludedData,
  LegalReviewCompletedData,
  NoPenaltyDecidedData,
  PaymentRecordedData,
  PenaltyDecidedData,
  PenaltyExecutedData,
  PenaltyNoticeServedData,
  RightsWaivedData,
  StatementRecordedData,
  SupervisionRepliedData,
} from './event-data/procedure.data';
import {
  CaseTransferredToPoliceData,
  MaterialsHandedOverData,
  PoliceDecisionRecordedData,
  PoliceReconsiderationRequestedData,
  ReasonData,
  ReferralAcceptedData,
  ReferralApprovedData,
  ReferralDeclinedData,
  ReferralProposedData,
} from './event-data/referral.data';
import { DeadlineMissedData, PeriodEndedData } from './event-data/system.data';
import { DocumentIssuedData, DossierArchivedData } from './event-data/documents.data';

export * from './event-data/follow-up.data';
export * from './event-data/measures.data';
export * from './event-data/procedure.data';
export * from './event-data/referral.data';
export * from './event-data/system.data';
export * from './event-data/documents.data';

/**
 * The one union of stored case events (their data shapes live in event-data/). A stored event name never
 * changes; a breaking change is a new `…V2` type plus an upcaster. Past-tense names; `type` equals the
 * TypeScript name.
 */
type Ev<T extends string, D> = { type: T; data: D };

export type CaseEventBody =
  | Ev<'CaseOpened', CaseOpenedData>
  | Ev<'CaseFiled', CaseFiledData>
  | Ev<'FilingRejected', FilingRejectedData>
  | Ev<'EvidenceRecorded', EvidenceRecordedData>
  | Ev<'EvidenceFileAttached', EvidenceFileAttachedData>
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
  | Ev<'ReferralAccepted', ReferralAcceptedData>
  | Ev<'MaterialsHandedOver', MaterialsHandedOverData>
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
  | Ev<'CaseSupervised', CaseSupervisedData>
  | Ev<'SupervisionReplied', SupervisionRepliedData>
  | Ev<'DocumentIssued', DocumentIssuedData>
  | Ev<'CaseClosed', CaseClosedData>
  | Ev<'DossierArchived', DossierArchivedData>;

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
  'EvidenceFileAttached',
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
  'MaterialsHandedOver',
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
  'CaseSupervised',
  'SupervisionReplied',
  'DocumentIssued',
  'CaseClosed',
  'DossierArchived',
];

export function assertNever(x: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(x)}`);
}
