import { LEGAL_REVIEW_OUTCOME_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { caseForm, issuingAgency, names, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { proposalRows } from './review-parts';

/**
 * 法制审核意见书 (行政处罚法第五十八条): before the head decides a major case, the agency's legal reviewer judges the
 * proposal; without an approving review no decision may be made. States the proposal reviewed, whether its legal
 * basis is correct, the reviewer's opinion and conclusion (the latest review: a new one after a return replaces it).
 */
export function legalReviewOpinion(record: CaseRecord, input: DocumentInput): CaseDocument {
  openedCase(record, 'legal-review-opinion');
  const review = record.legalReview;
  if (!review) throw new DocumentNotProducedError('legal-review-opinion', '尚未进行法制审核 (no legal review yet)', 'record-legal-review');
  const req = new Requirements('legal-review-opinion');
  const agency = issuingAgency(record, input, req);
  const rows = proposalRows(record, req);
  const reviewer = names([review.data.reviewerId], input, req);
  req.done();

  return caseForm('legal-review-opinion', agency, record.filed!.data.caseNo, review.on, [
    ...rows,
    { label: '适用法律依据是否正确', value: review.data.legalBasisCorrect ? '正确' : '不正确' },
    { label: '审核意见', value: review.data.opinion },
    { label: '审核结论', value: LEGAL_REVIEW_OUTCOME_NAMES[review.data.outcome].zh },
    { label: '审核人', value: reviewer },
    { label: '审核日期', value: chineseDate(review.on) },
    { label: '审核人签名', handwritten: true },
  ]);
}
