import { lateSurchargeYuan } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { issuingAgency, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { fineOwed } from './execution-parts';
import { addressOf, amountText, periodText } from './wording';

/**
 * 罚款催缴通知书: the fine was not paid by its due date, so the agency tells the party what is owed and what the
 * surcharge has come to (行政处罚法第七十二条第一款第一项: 3% of the fine a day, never more than the fine), and where to
 * pay (第六十七条). Issued with the 履行行政决定催告书 at the urge step; the surcharge is counted to the day of the urge
 * the same way the engine counts it when a payment is recorded.
 */
export function paymentReminder(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'payment-reminder');
  const urge = record.urge;
  if (!urge) throw new DocumentNotProducedError('payment-reminder', '尚未催缴 (no payment reminder yet)', 'issue-enforcement-urge');
  const req = new Requirements('payment-reminder');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'paymentReminder', req);
  const rules = input.rules(urge.data.rulesVersion);
  req.require(!!rules, 'rulesVersion', `规则版本 ${urge.data.rulesVersion}`);
  const owed = fineOwed(record, req);
  const payment = req.need(agency.finePayment, 'agency.finePayment', '罚款缴纳地点和账户');
  req.done();

  const { decision, fineYuan, owedYuan, dueDate } = owed!;
  const you = addressOf(opened.party);
  const surcharge = lateSurchargeYuan(fineYuan, dueDate, urge.on);
  const paid =
    record.paidYuan > 0 ? `已缴纳${amountText(record.paidYuan)}，尚欠罚款${amountText(owedYuan)}` : `尚欠罚款${amountText(owedYuan)}`;
  return {
    kind: 'payment-reminder',
    issuer: agency.name,
    title: '罚款催缴通知书',
    number,
    date: urge.on,
    blocks: [
      { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
      {
        kind: 'paragraph',
        text: `本机关${decision.data.decisionNo}行政处罚决定书对${you}处以罚款${amountText(fineYuan)}，缴纳期限已于${chineseDate(dueDate)}届满，${you}${paid}。`,
      },
      {
        kind: 'paragraph',
        text: `依照《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。截至${chineseDate(urge.on)}，加处罚款为${amountText(surcharge)}。`,
      },
      {
        kind: 'paragraph',
        text: `请${you}自收到本通知书之日起${periodText(rules!.periods.enforcementUrge)}内，将尚欠的罚款及加处罚款缴至${payment}。`,
      },
      { kind: 'signature', lines: [agency.name, chineseDate(urge.on)], seal: true },
    ],
  };
}
