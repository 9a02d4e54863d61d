import { REINSPECTION_RESULT_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { issuingAgency, officersWithCertificates, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { caseKindNumber, requireCaseKindNumber } from './document-numbers';
import { occurrenceIssue } from './issued-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, sentence } from './wording';

/**
 * 整改复查意见书: the latest re-inspection of a rectification order (record-reinspection, by two certified officers;
 * 安全生产法第六十五条第一款第二项, 第六十八条 the written record of what the inspection found), what it found and
 * whether the rectification passed.
 */
export function reinspectionOpinion(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'reinspection-opinion');
  const latest = record.rectifications.filter((r) => r.reinspection).at(-1);
  const reinspection = latest?.reinspection;
  if (!latest || !reinspection)
    throw new DocumentNotProducedError('reinspection-opinion', '尚未进行整改复查 (no re-inspection recorded yet)', 'record-reinspection');
  const order = latest.order;
  const req = new Requirements('reinspection-opinion');
  const agency = issuingAgency(record, input, req);
  const caseNo = record.filed?.data.caseNo;
  const number = requireCaseKindNumber(caseNo, agency, 'reinspection', req);
  const officers = officersWithCertificates(reinspection.data.officerIds, input, req);
  req.done();
  // The order it checks, by the number it was served under once issued (issued with the step that served it).
  const orderNo =
    occurrenceIssue('rectification-order', input.events, record.rectifications.indexOf(latest)) ??
    caseKindNumber(caseNo!, agency, 'rectification');

  const you = addressOf(opened.party);
  const passed = reinspection.data.result === 'passed';
  return {
    kind: 'reinspection-opinion',
    issuer: agency.name,
    title: '整改复查意见书',
    number,
    date: reinspection.on,
    blocks: [
      { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
      {
        kind: 'paragraph',
        text: `本机关于${chineseDate(order.on)}作出《责令限期整改指令书》（${orderNo}），责令${you}于${chineseDate(order.data.deadline)}前整改完毕。${chineseDate(reinspection.on)}，本机关执法人员${officers}对整改情况进行了复查，情况如下：${sentence(reinspection.data.findings)}`,
      },
      {
        kind: 'paragraph',
        text: `复查意见：${REINSPECTION_RESULT_NAMES[reinspection.data.result].zh}。${passed ? '' : `对${you}逾期未整改或者整改不合格的问题，本机关将依法处理。`}`,
      },
      {
        kind: 'form',
        rows: [
          { label: '复查人员签名', handwritten: true },
          { label: '被复查单位负责人签名', handwritten: true },
        ],
      },
      { kind: 'signature', lines: [agency.name, chineseDate(reinspection.on)], seal: true },
    ],
  };
}
