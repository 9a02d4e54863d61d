import { CaseRecord } from './case-record';
import { cause, evidenceText, issuingAgency, openedCase, penaltyLines, violatedProvisions } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, citations, periodFromBasis } from './wording';

/**
 * 行政处罚告知书: the proposed penalty with its facts, reasons and basis, and the party's rights (行政处罚法第四十四条):
 * 陈述、申辩, and 听证 where the penalty gives the right (第六十三条, 第六十四条第一项: five working days), each with the
 * period and its last day as computed when the notice was served.
 */
export function penaltyNotice(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'penalty-notice');
  const notice = record.notice;
  if (!notice) throw new DocumentNotProducedError('penalty-notice', '尚未作出行政处罚告知 (no penalty notice yet)', 'issue-penalty-notice');
  const req = new Requirements('penalty-notice');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'notice', req);
  const findings = req.need(record.investigation?.data.findings, 'investigation.findings', '调查认定的违法事实');
  req.require(record.evidence.length > 0, 'evidence', '证据');
  const statement = notice.data.deadlines.find((d) => d.kind === 'statement');
  const hearing = notice.data.deadlines.find((d) => d.kind === 'hearing_request');
  req.require(!!statement, 'deadlines.statement', '陈述申辩期限');
  req.require(!notice.data.hearingRight || !!hearing, 'deadlines.hearing_request', '听证申请期限');
  req.done();

  const you = addressOf(opened.party);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
    { kind: 'paragraph', text: `经查，${you}${findings}。` },
    { kind: 'paragraph', text: evidenceText(record) },
    {
      kind: 'paragraph',
      text: `${you}的上述行为（${cause(opened)}）违反了${violatedProvisions(opened)}的规定，依据${citations(notice.data.legalBasis)}的规定，本机关拟对${you}作出如下行政处罚：`,
    },
    ...penaltyLines(notice.data.proposedPenalties).map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    {
      kind: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${you}有权进行陈述和申辩。请于收到本告知书之日起${periodFromBasis(statement!.basis) ?? ''}内（${chineseDate(statement!.dueDate)}前）向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。`,
    },
  ];
  if (notice.data.hearingRight)
    blocks.push({
      kind: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，${you}有权要求举行听证。要求听证的，应当在收到本告知书之日起${periodFromBasis(hearing!.basis) ?? ''}内（${chineseDate(hearing!.dueDate)}前）向本机关提出；逾期未提出的，视为放弃此权利。`,
    });
  blocks.push({ kind: 'signature', lines: [agency.name, chineseDate(notice.on)], seal: true });
  return { kind: 'penalty-notice', issuer: agency.name, title: '行政处罚告知书', number, blocks, date: notice.on };
}
