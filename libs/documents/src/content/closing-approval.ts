import { totalFineYuan } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, issuingAgency, names, openedCase } from './case-parts';
import { chineseDate, yuanInCapitals, yuanInFigures } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { penaltyText } from './wording';

/** 结案审批表: the case from its filing to how it ended, and the head's approval to close it (close-case). */
export function closingApproval(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'closing-approval');
  const closed = record.closed;
  if (!closed) throw new DocumentNotProducedError('closing-approval', '案件尚未结案 (the case is not closed)', 'close-case');
  const req = new Requirements('closing-approval');
  const agency = issuingAgency(record, input, req);
  const caseNo = req.need(record.filed?.data.caseNo, 'caseNo', '案号');
  const officers = names(opened.handlingOfficerIds, input, req);
  const approver = names([closed.actorId], input, req);
  req.done();

  const decision = record.decision;
  const fine = decision ? totalFineYuan(decision.data.penalties) : 0;
  const outcome = decision
    ? `${decision.data.decisionNo}：${decision.data.penalties.map((p) => penaltyText(p)).join('，')}（${chineseDate(decision.on)}决定）`
    : '未作出行政处罚决定';
  const execution =
    fine > 0 ? `已缴纳罚款${yuanInCapitals(record.paidYuan)}（${yuanInFigures(record.paidYuan)}），应缴${yuanInFigures(fine)}` : '—';
  return {
    kind: 'closing-approval',
    issuer: agency.name,
    title: '结案审批表',
    number: caseNo,
    date: closed.on,
    blocks: [
      {
        kind: 'form',
        rows: [
          { label: '案号', value: caseNo },
          { label: '当事人', value: opened.party.name },
          { label: '案由', value: cause(opened) },
          { label: '立案日期', value: record.filed ? chineseDate(record.filed.on) : '' },
          { label: '处理结果', value: outcome },
          { label: '执行情况', value: execution },
          { label: '结案理由', value: closed.data.summary ?? '' },
          { label: '承办人', value: officers },
          { label: '审批人', value: approver },
          { label: '结案日期', value: chineseDate(closed.on) },
        ].filter((r) => r.value !== ''),
      },
    ],
  };
}
