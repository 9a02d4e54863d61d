import { OFFENSE_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, issuingAgency, names, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { citations, partyCodeRow, penaltyText } from './wording';

/**
 * 涉嫌犯罪案件移送书 (行政执法机关移送涉嫌犯罪案件的规定第六条第一项): a case whose facts suggest a crime goes to the
 * police (第三条), on the written report of a team of at least two officers approved by the head (第五条), with the
 * materials of 第六条 listed; the police sign its receipt (第七条) and decide within three days (第八条). Penalties
 * already decided are stated: a referral does not stop them, and a fine paid is set off (第十一条).
 */
export function criminalReferral(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'criminal-referral');
  const transfer = record.policeTransfer;
  if (!transfer)
    throw new DocumentNotProducedError('criminal-referral', '尚未移送公安机关 (not transferred to the police yet)', 'transfer-to-police');
  const req = new Requirements('criminal-referral');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'criminalReferral', req);
  const proposal = record.referralProposal;
  const approval = record.referralApproval;
  req.require(!!proposal, 'referralProposal', '专案组的移送报告');
  req.require(!!approval, 'referralApproval', '负责人的移送批准');
  const team = proposal ? names(proposal.data.teamOfficerIds, input, req) : '';
  req.done();

  const p = proposal!.data;
  const offense = (OFFENSE_NAMES as Record<string, { zh: string } | undefined>)[p.offense]?.zh ?? p.offense;
  const suspected = p.offense === 'other' ? '涉嫌犯罪' : `涉嫌${offense}`;
  const code = partyCodeRow(opened.party);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: `${transfer.data.policeAgency}：`, indent: false },
    {
      kind: 'paragraph',
      text: `本机关在查处${opened.party.name}（${code.label}：${code.value}）${cause(opened)}一案中，发现其行为${suspected}。经专案组（${team}）核实，${p.report.replace(/[。.]$/, '')}。本机关负责人于${chineseDate(approval!.on)}批准移送${approval!.data.opinion ? `（${approval!.data.opinion}）` : ''}。`,
    },
  ];
  if (record.decision)
    blocks.push({
      kind: 'paragraph',
      text: `移送前，本机关已于${chineseDate(record.decision.on)}作出${record.decision.data.decisionNo}行政处罚决定书，给予${record.decision.data.penalties.map(penaltyText).join('、')}的行政处罚（依据${citations(record.decision.data.legalBasis)}）。`,
    });
  blocks.push(
    {
      kind: 'paragraph',
      text: `根据《行政执法机关移送涉嫌犯罪案件的规定》第三条、第五条、第六条的规定，现将该案移送你局，请依法审查，并自接受之日起三日内作出立案或者不予立案的决定，书面通知本机关。`,
    },
    { kind: 'heading', text: '附件' },
    // The materials sent with it (第六条), less this 移送书 itself, which the transfer lists among them.
    ...transfer.data.documents
      .filter((d) => !d.includes('移送书'))
      .map((d, i): DocumentBlock => ({ kind: 'paragraph', text: `${i + 1}. ${d}` })),
    {
      kind: 'form',
      rows: [
        { label: '公安机关接收人签名（回执）', handwritten: true },
        { label: '接收日期', handwritten: true },
      ],
    },
    { kind: 'signature', lines: [agency.name, chineseDate(transfer.on)], seal: true },
  );
  return { kind: 'criminal-referral', issuer: agency.name, title: '涉嫌犯罪案件移送书', number, date: transfer.on, blocks };
}
