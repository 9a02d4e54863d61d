import { IssueNumbering } from '@app/case-engine';
import { CaseDocument, DEFAULT_DOCUMENT_NUMBER_FORMATS, DocumentKind } from '@app/documents';

type Series = keyof typeof DEFAULT_DOCUMENT_NUMBER_FORMATS;

/**
 * Documents with a kind code of their own take a number of their own series when issued, gapless per issuing
 * agency, series and year like case numbers; the series is the agency's `numberFormats` key (its format overrides the
 * default). Every other document keeps the number it bears: the case number (立案审批表, 结案审批表) or the decision
 * number (决定书, and the 送达回证 that cites it).
 */
const OWN_SERIES: Partial<Record<DocumentKind, Series>> = {
  'penalty-notice': 'notice',
  'hearing-notice': 'hearingNotice',
  'enforcement-demand': 'enforcementDemand',
  'payment-reminder': 'paymentReminder',
  'enforcement-application': 'enforcementApplication',
  'criminal-referral': 'criminalReferral',
  'rectification-order': 'rectification',
  'reinspection-opinion': 'reinspection',
  'seizure-decision': 'seizure',
  'seizure-release-decision': 'seizureRelease',
};

export function issueNumbering(doc: CaseDocument): IssueNumbering {
  const series = OWN_SERIES[doc.kind];
  return series ? { series, format: DEFAULT_DOCUMENT_NUMBER_FORMATS[series] } : { number: doc.number };
}
