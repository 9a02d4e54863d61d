import { SERVICE_METHOD_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { evidenceText, issuingAgency, names, openedCase, partyRows } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock, FormRow } from './document-model';
import { caseKindNumber, requireCaseKindNumber } from './document-numbers';
import { latestOccurrenceIssue } from './issued-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { fineOwed } from './execution-parts';
import { amountText, citations, penaltyText } from './wording';

/**
 * 强制执行申请书 (行政强制法第五十五条): the agency without power of enforcement applies to the court with jurisdiction
 * (第五十四条) within three months after the remedy periods ended (第五十三条): the parties, what is to be enforced, the
 * decision with its facts, reasons and basis, the urging and its outcome, and the materials attached; signed by the
 * agency's head, under its seal and dated.
 */
export function enforcementApplication(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'enforcement-application');
  const applied = record.courtApplication;
  if (!applied)
    throw new DocumentNotProducedError(
      'enforcement-application',
      '尚未申请法院强制执行 (no court enforcement applied for)',
      'apply-court-enforcement',
    );
  const req = new Requirements('enforcement-application');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'enforcementApplication', req);
  const head = names([applied.actorId], input, req);
  const party = partyRows(opened, req, true);
  const owed = fineOwed(record, req);
  const findings = req.need(record.investigation?.data.findings, 'investigation.findings', '调查认定的违法事实');
  req.require(record.evidence.length > 0, 'evidence', '证据');
  req.require(!!record.urge, 'urge', '催告');
  req.done();

  const { decision, service, owedYuan, dueDate } = owed!;
  const urge = record.urge!;
  // The document it cites, by the number it was served under once issued (issued with the step that served it).
  const demandNo =
    latestOccurrenceIssue('enforcement-demand', input.events) ?? caseKindNumber(record.filed!.data.caseNo, agency, 'enforcementDemand')!;
  const respondent: FormRow[] = party.map((r, i) => (i === 0 ? { label: '被申请人', value: opened.party.name } : r));
  const remedies =
    record.remediesFiled === 0
      ? '被申请人在法定期限内未申请行政复议，也未提起行政诉讼，又不履行行政处罚决定。'
      : '被申请人未履行行政处罚决定。';
  const blocks: DocumentBlock[] = [
    { kind: 'form', rows: [{ label: '申请人', value: agency.name }, { label: '负责人', value: head }, ...respondent] },
    { kind: 'heading', text: '一、申请事项' },
    {
      kind: 'paragraph',
      text: `请求依法强制执行本机关${decision.data.decisionNo}行政处罚决定书，由被申请人缴纳尚欠的罚款${amountText(owedYuan)}。`,
    },
    { kind: 'heading', text: '二、事实和理由' },
    { kind: 'paragraph', text: `经查，被申请人${findings}。${evidenceText(record)}` },
    {
      kind: 'paragraph',
      text: `本机关依据${citations(decision.data.legalBasis)}的规定，于${chineseDate(decision.on)}作出${decision.data.decisionNo}行政处罚决定书，给予被申请人${decision.data.penalties.map(penaltyText).join('、')}的行政处罚。该决定书于${chineseDate(service.on)}以${SERVICE_METHOD_NAMES[service.data.method].zh}方式送达，罚款应当于${chineseDate(dueDate)}前缴纳。${remedies}`,
    },
    {
      kind: 'paragraph',
      text: `本机关于${chineseDate(urge.on)}以${demandNo}履行行政决定催告书催告被申请人履行，催告书送达十日后被申请人仍未履行。根据《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条的规定，特申请强制执行。`,
    },
    { kind: 'heading', text: '三、附件' },
    {
      kind: 'paragraph',
      text: `1. ${decision.data.decisionNo}行政处罚决定书及其送达回证；2. 作出决定的事实、理由和依据及证据材料；3. ${demandNo}履行行政决定催告书；4. 申请强制执行标的情况。`,
    },
    { kind: 'paragraph', text: '此致' },
    { kind: 'paragraph', text: applied.data.court, indent: false },
    { kind: 'form', rows: [{ label: '行政机关负责人签名', handwritten: true }] },
    { kind: 'signature', lines: [agency.name, chineseDate(applied.on)], seal: true },
  ];
  return { kind: 'enforcement-application', issuer: agency.name, title: '强制执行申请书', number, date: applied.on, blocks };
}
