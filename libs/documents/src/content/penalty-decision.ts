import { totalFineYuan } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import {
  cause,
  evidenceText,
  issuingAgency,
  openedCase,
  partyRows,
  penaltyLines,
  sealedDocument,
  stepRules,
  violatedProvisions,
} from './case-parts';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { remedyBodies, remediesText } from './remedies';
import { addressOf, citations, periodText } from './wording';

/**
 * 行政处罚决定书 with what 行政处罚法第五十九条 requires it to state: the party and address; the facts and evidence; the
 * penalty and its basis; how and by when to carry it out (fines paid to the collecting institution, 第六十七条, with the
 * surcharge of 第七十二条); the remedies with their periods and bodies (行政复议法第二十条: sixty days; 行政诉讼法
 * 第四十六条: six months); the agency and the date, under its seal.
 */
export function penaltyDecision(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'penalty-decision');
  const decision = record.decision;
  if (!decision) throw new DocumentNotProducedError('penalty-decision', '尚未作出行政处罚决定 (no penalty decision yet)', 'decide');
  const req = new Requirements('penalty-decision');
  const agency = issuingAgency(record, input, req);
  const rules = stepRules(input, decision.data.rulesVersion, req);
  const findings = req.need(record.investigation?.data.findings, 'investigation.findings', '调查认定的违法事实');
  req.require(record.evidence.length > 0, 'evidence', '证据');
  const bodies = remedyBodies(agency, req);
  const fine = totalFineYuan(decision.data.penalties);
  const payment = fine > 0 ? req.need(agency.finePayment, 'agency.finePayment', '罚款缴纳地点和账户') : '';
  const party = partyRows(opened, req, true);
  req.done();

  const you = addressOf(opened.party);
  const periods = rules!.periods;
  const blocks: DocumentBlock[] = [
    { kind: 'form', rows: party },
    { kind: 'heading', text: '一、违法事实和证据' },
    { kind: 'paragraph', text: `经查，${you}${findings}。` },
    { kind: 'paragraph', text: evidenceText(record) },
    { kind: 'heading', text: '二、行政处罚的种类和依据' },
    {
      kind: 'paragraph',
      text: `${you}的上述行为（${cause(opened)}）违反了${violatedProvisions(opened)}的规定，依据${citations(decision.data.legalBasis)}的规定，本机关决定给予如下行政处罚：`,
    },
    ...penaltyLines(decision.data.penalties).map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: '三、履行方式和期限' },
  ];
  if (fine > 0)
    blocks.push({
      kind: 'paragraph',
      text: `罚款限${you}自收到本决定书之日起${periodText(periods.payment)}内缴至${payment}。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。`,
    });
  if (decision.data.penalties.some((p) => p.kind !== 'fine'))
    blocks.push({ kind: 'paragraph', text: `除罚款以外的行政处罚，自${you}收到本决定书之日起执行。` });
  blocks.push(
    { kind: 'heading', text: '四、申请行政复议或者提起行政诉讼的途径和期限' },
    {
      kind: 'paragraph',
      text: `${remediesText(you, periods, bodies)}申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`,
    },
  );
  return sealedDocument('penalty-decision', agency, decision.data.decisionNo, decision.on, blocks);
}
