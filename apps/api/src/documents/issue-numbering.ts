import { IssueNumbering } from '@app/case-engine';
import { CaseDocument, DEFAULT_DOCUMENT_NUMBER_FORMATS, DocumentKind } from '@app/documents';

/**
 * Documents with a kind code of their own take a number of their own series when issued, gapless per issuing
 * agency, series and year like case numbers (the agency's `numberFormats[series]` overrides the format). Every other
 * document keeps the number it bears: the case number (立案审批表, 结案审批表) or the decision number (决定书, and the
 * 送达回证 that cites it).
 */
const OWN_SERIES: Partial<Record<DocumentKind, { series: string; format: string }>> = {
  'penalty-notice': { series: 'notice', format: DEFAULT_DOCUMENT_NUMBER_FORMATS.notice },
};

export function issueNumbering(doc: CaseDocument): IssueNumbering {
  return OWN_SERIES[doc.kind] ?? { number: doc.number };
}
