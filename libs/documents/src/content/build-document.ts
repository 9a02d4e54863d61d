import { caseRecord, CaseRecord } from './case-record';
import { closingApproval } from './closing-approval';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentKind } from './document-model';
import { filingApproval } from './filing-approval';
import { penaltyDecision } from './penalty-decision';
import { penaltyNotice } from './penalty-notice';
import { serviceReceipt } from './service-receipt';
import { hearingNotice } from './hearing-notice';
import { hearingRecord } from './hearing-record';
import { hearingReport } from './hearing-report';
import { legalReviewOpinion } from './legal-review-opinion';
import { collectiveDeliberation } from './collective-deliberation';
import { noPenaltyDecision } from './no-penalty-decision';
import { enforcementDemand } from './enforcement-demand';
import { paymentReminder } from './payment-reminder';
import { enforcementApplication } from './enforcement-application';
import { criminalReferral } from './criminal-referral';
import { filingRefusalNotice } from './filing-refusal-notice';
import { latestOccurrenceIssue } from './issued-numbers';
import { inspectionRecord } from './inspection-record';
import { inquiryRecord } from './inquiry-record';
import { samplingRecord } from './sampling-record';
import { rectificationOrder } from './rectification-order';
import { reinspectionOpinion } from './reinspection-opinion';
import { seizureDecision } from './seizure-decision';
import { seizureReleaseDecision } from './seizure-release-decision';
import { extensionApproval } from './extension-approval';

const BUILDERS: Record<DocumentKind, (record: CaseRecord, input: DocumentInput) => CaseDocument> = {
  'filing-approval': filingApproval,
  'penalty-notice': penaltyNotice,
  'penalty-decision': penaltyDecision,
  'service-receipt': serviceReceipt,
  'closing-approval': closingApproval,
  'hearing-notice': hearingNotice,
  'hearing-record': hearingRecord,
  'hearing-report': hearingReport,
  'legal-review-opinion': legalReviewOpinion,
  'collective-deliberation': collectiveDeliberation,
  'no-penalty-decision': noPenaltyDecision,
  'enforcement-demand': enforcementDemand,
  'payment-reminder': paymentReminder,
  'enforcement-application': enforcementApplication,
  'criminal-referral': criminalReferral,
  'filing-refusal-notice': filingRefusalNotice,
  'inspection-record': inspectionRecord,
  'inquiry-record': inquiryRecord,
  'sampling-record': samplingRecord,
  'rectification-order': rectificationOrder,
  'reinspection-opinion': reinspectionOpinion,
  'seizure-decision': seizureDecision,
  'seizure-release-decision': seizureReleaseDecision,
  'extension-approval': extensionApproval,
};

/**
 * What a document of a case says, from its events and the registry only (nothing typed again). Throws
 * DocumentNotProducedError before the step that produces it, DocumentDataMissingError naming every missing field.
 */
export function buildDocument(kind: DocumentKind, input: DocumentInput): CaseDocument {
  const doc = BUILDERS[kind](caseRecord(input.events), input);
  // Once issued (issue-document), a document bears the number it was issued under, wherever it is shown again.
  const issued = latestOccurrenceIssue(kind, input.events);
  return issued ? { ...doc, number: issued } : doc;
}

export { latestOccurrence, latestOccurrenceIssue } from './issued-numbers';
