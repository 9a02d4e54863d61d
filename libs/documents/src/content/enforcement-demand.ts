import { CaseRecord } from './case-record';
import { addressee, issuingAgency, openedCase, sealedDocument, stepRules } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { fineOwed } from './execution-parts';
import { addressOf, amountText, penaltyText, periodText } from './wording';

/**
 * 履行行政决定催告书: before applying to the court the agency urges the party in writing (行政强制法第五十四条), stating
 * what 第三十五条 requires: the period to perform (ten days, working days by 第六十九条), how, the amount owed and where
 * it is paid, and the right to state and defend (第三十六条); the surcharge on a late fine (行政处罚法第七十二条) and the
 * court application that follows non-performance (行政强制法第五十三条).
 */
export function enforcementDemand(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'enforcement-demand');
  const urge = record.urge;
  if (!urge) throw new DocumentNotProducedError('enforcement-demand', '尚未催告 (no enforcement demand yet)', 'issue-enforcement-urge');
  const req = new Requirements('enforcement-demand');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'enforcementDemand', req);
  const rules = stepRules(input, urge.data.rulesVersion, req);
  const owed = fineOwed(record, req);
  const payment = req.need(agency.finePayment, 'agency.finePayment', '罚款缴纳地点和账户');
  req.done();

  const { decision, service, fineYuan, owedYuan, dueDate } = owed!;
  const you = addressOf(opened.party);
  const paid = record.paidYuan > 0 ? `已缴纳${amountText(record.paidYuan)}，尚欠${amountText(owedYuan)}` : '至今未缴纳';
  return sealedDocument('enforcement-demand', agency, number, urge.on, [
    addressee(opened.party),
    {
      kind: 'paragraph',
      text: `本机关于${chineseDate(decision.on)}作出${decision.data.decisionNo}行政处罚决定书，对${you}处以${decision.data.penalties.map(penaltyText).join('、')}，该决定书已于${chineseDate(service.on)}送达${you}。罚款${amountText(fineYuan)}应当于${chineseDate(dueDate)}前缴纳，${you}${paid}。`,
    },
    {
      kind: 'paragraph',
      text: `根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告${you}自收到本催告书之日起${periodText(rules!.periods.enforcementUrge)}内，将尚欠的罚款${amountText(owedYuan)}缴至${payment}。到期不缴纳罚款的，依照《中华人民共和国行政处罚法》第七十二条的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。`,
    },
    {
      kind: 'paragraph',
      text: `${you}收到本催告书后有权进行陈述和申辩；本机关将充分听取${you}的意见，${you}提出的事实、理由或者证据成立的，本机关将予以采纳。`,
    },
    {
      kind: 'paragraph',
      text: `逾期仍不履行的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定，申请人民法院强制执行。`,
    },
  ]);
}
