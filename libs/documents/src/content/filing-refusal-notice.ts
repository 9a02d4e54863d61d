import { CASE_SOURCE_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { addressee, cause, issuingAgency, openedCase, sealedDocument } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, sentence } from './wording';

/**
 * 不予立案告知书: the head's decision not to file what the officers proposed (reject-filing), with its reason, told to
 * the party they named (行政处罚法第五十四条第二款: a case is filed when it meets the filing standard). A case never
 * filed has no case number, so the notice has no number in the case's series.
 */
export function filingRefusalNotice(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'filing-refusal-notice');
  const rejected = record.rejected;
  if (!rejected)
    throw new DocumentNotProducedError('filing-refusal-notice', '尚未决定不予立案 (filing has not been rejected)', 'reject-filing');
  const req = new Requirements('filing-refusal-notice');
  const agency = issuingAgency(record, input, req);
  req.done();

  const you = addressOf(opened.party);
  return sealedDocument('filing-refusal-notice', agency, '', rejected.on, [
    addressee(opened.party),
    {
      kind: 'paragraph',
      text: `本机关对${you}涉嫌${cause(opened)}一事（案件来源：${CASE_SOURCE_NAMES[opened.source].zh}，发现日期：${chineseDate(opened.discoveredAt)}）进行了审查。经审查，${sentence(rejected.data.reason)}本机关决定不予立案。`,
    },
    { kind: 'paragraph', text: '特此告知。' },
  ]);
}
