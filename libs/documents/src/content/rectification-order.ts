import { CaseRecord } from './case-record';
import { caseSeries, cause, issuingAgency, openedCase, remedies, remedyParagraph } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, citations, periodFromBasis } from './wording';

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
  const number = caseSeries(record, agency, req)('rectification');
  const remedy = remedies(agency, order.data.rulesVersion, input, req);
  req.done();

  const you = addressOf(opened.party);
  const reinspection = order.data.deadlines.find((d) => d.kind === 'reinspection');
  const reinspectionDays = reinspection && periodFromBasis(reinspection.basis);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
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
    { kind: 'paragraph', text: remedyParagraph(you, '指令书', remedy) },
    { kind: 'signature', lines: [agency.name, chineseDate(order.on)], seal: true },
  ];
  return { kind: 'rectification-order', issuer: agency.name, title: '责令限期整改指令书', number, blocks, date: order.on };
}
