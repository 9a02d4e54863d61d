import { CaseRecord } from './case-record';
import { addressee, cause, issuingAgency, openedCase, sealedDocument, stepRules } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { remedyBodies } from './remedies';
import { addressOf, citations, periodFromBasis, periodText } from './wording';

/**
 * 责令限期整改指令书 (安全生产法第六十五条第一款第二项: 要求限期改正): the case's latest order — what to correct, by when,
 * under which provisions — with the re-inspection due after it (the sector rule's ten days, as the order's deadline
 * records it) and the remedies against the order (行政复议法第二十条, 行政诉讼法第四十六条).
 */
export function rectificationOrder(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'rectification-order');
  const order = record.rectifications.at(-1)?.order;
  if (!order)
    throw new DocumentNotProducedError('rectification-order', '尚未责令限期整改 (no rectification order yet)', 'issue-rectification-order');
  const req = new Requirements('rectification-order');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'rectification', req);
  const rules = stepRules(input, order.data.rulesVersion, req);
  const bodies = remedyBodies(agency, req);
  req.done();

  const you = addressOf(opened.party);
  const periods = rules!.periods;
  const reinspection = order.data.deadlines.find((d) => d.kind === 'reinspection');
  const reinspectionDays = reinspection && periodFromBasis(reinspection.basis);
  const blocks: DocumentBlock[] = [
    addressee(opened.party),
    {
      kind: 'paragraph',
      text: `经查，${you}存在${cause(opened)}的问题。依据${citations(order.data.legalBasis)}的规定，现责令${you}于${chineseDate(order.data.deadline)}前对下列事项整改完毕：`,
    },
    ...order.data.items.map((item, i, all): DocumentBlock => ({
      kind: 'paragraph',
      text: `${i + 1}. ${item}${i === all.length - 1 ? '。' : '；'}`,
    })),
    {
      kind: 'paragraph',
      text: `整改期间，${you}应当采取措施，确保安全生产。${
        reinspectionDays
          ? `本机关将在整改期限届满之日起${reinspectionDays}内（${chineseDate(reinspection.dueDate)}前）对整改情况进行复查；`
          : ''
      }${you}整改完毕的，可以提前申请复查。`,
    },
    {
      kind: 'paragraph',
      text: `${you}如不服本指令，可以在收到本指令书之日起${periodText(periods.reconsiderationWindow)}内向${bodies.reconsideration}申请行政复议，或者在${periodText(periods.litigationWindow)}内依法向${bodies.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本指令不停止执行，法律另有规定的除外。`,
    },
  ];
  return sealedDocument('rectification-order', agency, number, order.on, blocks);
}
