import { CASE_SOURCE_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, issuingAgency, names, openedCase, partyRows } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';

/**
 * 立案审批表: what the officers proposed (open-case: source, party, cause, facts, two certified officers, 行政处罚法
 * 第四十二条) and the head's approval (approve-filing), which gives the case its number (第五十四条).
 */
export function filingApproval(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'filing-approval');
  const filed = record.filed;
  if (!filed) throw new DocumentNotProducedError('filing-approval', '立案尚未批准 (filing not approved yet)', 'approve-filing');
  const req = new Requirements('filing-approval');
  const agency = issuingAgency(record, input, req);
  const officers = names(opened.handlingOfficerIds, input, req);
  const approver = names([filed.actorId], input, req);
  const proposer = names([record.opened!.actorId], input, req);
  const party = partyRows(opened, req, false);
  req.done();

  return {
    kind: 'filing-approval',
    issuer: agency.name,
    title: '立案审批表',
    number: filed.data.caseNo,
    date: filed.on,
    blocks: [
      {
        kind: 'form',
        rows: [
          { label: '案号', value: filed.data.caseNo },
          { label: '案件来源', value: CASE_SOURCE_NAMES[opened.source].zh },
          { label: '案由', value: cause(opened) },
          ...party,
          { label: '发现日期', value: chineseDate(opened.discoveredAt) },
          { label: '简要案情', value: opened.summary },
          { label: '承办人', value: officers },
          { label: '承办人意见', value: `建议立案调查（${proposer}，${chineseDate(record.opened!.on)}）` },
          { label: '负责人审批意见', value: filed.data.opinion ?? '同意立案' },
          { label: '审批人', value: approver },
          { label: '审批日期', value: chineseDate(filed.on) },
        ],
      },
    ],
  };
}
