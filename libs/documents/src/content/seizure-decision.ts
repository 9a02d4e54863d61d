import { CaseRecord } from './case-record';
import { issuingAgency, openedCase, partyRows, sealedDocument, stepRules } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { remedyBodies, remediesText } from './remedies';
import { addressOf, citations, clause, periodText } from './wording';

/**
 * 查封(扣押)决定书 of the case's latest seizure (impose-seizure; 安全生产法第六十五条第一款第四项), stating what
 * 行政强制法第二十四条 requires: (一) the party's name and address; (二) the reason, basis and term (第二十五条: thirty
 * days, to the last day the seizure's deadline records); (三) the things seized, each with its quantity — the list
 * handed over with the decision; (四) the remedies with their periods and bodies; (五) the agency, seal and date.
 */
export function seizureDecision(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'seizure-decision');
  const imposed = record.seizures.at(-1)?.imposed;
  if (!imposed) throw new DocumentNotProducedError('seizure-decision', '尚未查封扣押 (no seizure yet)', 'impose-seizure');
  const req = new Requirements('seizure-decision');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'seizure', req);
  const party = partyRows(opened, req, true);
  const items = imposed.data.items.map((item, i) => ({
    label: `${i + 1}. ${item.name}`,
    value: req.need(item.quantity, `items[${i}].quantity`, `查封扣押物品「${item.name}」的数量`),
  }));
  const term = imposed.data.deadlines.find((d) => d.kind === 'seizure');
  req.require(!!term, 'deadlines.seizure', '查封扣押期限');
  const rules = stepRules(input, imposed.data.rulesVersion, req);
  const bodies = remedyBodies(agency, req);
  req.done();

  const you = addressOf(opened.party);
  return sealedDocument('seizure-decision', agency, number, imposed.on, [
    { kind: 'form', rows: party },
    {
      kind: 'paragraph',
      text: `因${clause(imposed.data.reason)}，依据${citations(imposed.data.legalBasis)}的规定，本机关决定对${you}的下列场所、设施或者财物予以查封（扣押）：`,
    },
    { kind: 'form', rows: [{ label: '名称', value: '数量' }, ...items] },
    {
      kind: 'paragraph',
      text: `查封（扣押）期限为${periodText(rules!.periods.seizureTerm)}，自${chineseDate(imposed.on)}起至${chineseDate(term!.dueDate)}止。对查封（扣押）的场所、设施或者财物，本机关将妥善保管，不得使用或者损毁；${you}不得擅自启封、转移或者处置。`,
    },
    {
      kind: 'paragraph',
      text: `${remediesText(you, rules!.periods, bodies)}申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。`,
    },
    { kind: 'form', rows: [{ label: '当事人签收（当场交付决定书和清单）', handwritten: true }] },
  ]);
}
