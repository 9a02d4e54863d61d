import { CaseRecord } from './case-record';
import { cause, evidenceText, issuingAgency, openedCase, partyRows, sealedDocument, stepRules } from './case-parts';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { remedyBodies, remediesText } from './remedies';
import { addressOf, citations } from './wording';

/** Each outcome's ground in the words of 行政处罚法第五十七条第一款, and its clause. */
const GROUNDS = {
  no_penalty_minor: { reason: '违法行为轻微，依法可以不予行政处罚', clause: '第五十七条第一款第二项' },
  no_penalty_unproven: { reason: '违法事实不能成立', clause: '第五十七条第一款第三项' },
} as const;

/** A recorded reason as a sentence of its own ('' when none was given). */
const sentence = (text: string | undefined) => (text ? `${text.replace(/[。.]$/, '')}。` : '');

/**
 * 不予行政处罚决定书: the head's decision not to penalize after reviewing the investigation (行政处罚法第五十七条第一款
 * 第二项: a minor violation that may by law go unpunished, 第三十三条; 第三项: a violation not established, 第四十条),
 * stating like a penalty decision the party and address, the facts and evidence, the reasons and basis, and the
 * remedies with their periods and bodies (行政复议法第二十条, 行政诉讼法第四十六条); agency, date and seal.
 */
export function noPenaltyDecision(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'no-penalty-decision');
  const decision = record.noPenalty;
  if (!decision)
    throw new DocumentNotProducedError('no-penalty-decision', '尚未作出不予行政处罚决定 (no decision not to penalize)', 'decide');
  const req = new Requirements('no-penalty-decision');
  const agency = issuingAgency(record, input, req);
  const rules = stepRules(input, decision.data.rulesVersion, req);
  const findings = req.need(record.investigation?.data.findings, 'investigation.findings', '调查认定的事实');
  const bodies = remedyBodies(agency, req);
  const party = partyRows(opened, req, true);
  req.done();

  const you = addressOf(opened.party);
  const ground = GROUNDS[decision.data.outcome];
  const blocks: DocumentBlock[] = [
    { kind: 'form', rows: party },
    { kind: 'heading', text: '一、调查认定的事实和证据' },
    { kind: 'paragraph', text: `本机关对${you}${cause(opened)}一案进行了调查。经查，${findings}。` },
  ];
  if (record.evidence.length) blocks.push({ kind: 'paragraph', text: evidenceText(record) });
  blocks.push(
    { kind: 'heading', text: '二、不予行政处罚的理由和依据' },
    {
      kind: 'paragraph',
      text: `${sentence(decision.data.justification)}本机关认为，本案${ground.reason}。依据${citations(decision.data.legalBasis)}和《中华人民共和国行政处罚法》${ground.clause}的规定，本机关决定对${you}不予行政处罚。`,
    },
    { kind: 'heading', text: '三、申请行政复议或者提起行政诉讼的途径和期限' },
    { kind: 'paragraph', text: remediesText(you, rules!.periods, bodies) },
  );
  return sealedDocument('no-penalty-decision', agency, decision.data.decisionNo, decision.on, blocks);
}
