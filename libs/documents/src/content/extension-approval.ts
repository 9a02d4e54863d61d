import { EXTENSION_TIER_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, issuingAgency, names, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, FormRow } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { periodText } from './wording';

/**
 * 案件延期办结审批表 of the case's latest extension (extend-handling-period): the handling period before it, the
 * reason, and how far it runs now — the head to ninety days from filing, the next level up to one hundred and eighty
 * (the sector rule as the case's rules version states it; 行政处罚法第六十条 lets a rule set the period).
 */
export function extensionApproval(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'extension-approval');
  const extension = record.extensions.at(-1);
  if (!extension)
    throw new DocumentNotProducedError(
      'extension-approval',
      '办案期限尚未延长 (the handling period has not been extended)',
      'extend-handling-period',
    );
  const { step, previousDue } = extension;
  const req = new Requirements('extension-approval');
  const agency = issuingAgency(record, input, req);
  const filed = record.filed;
  const caseNo = req.need(filed?.data.caseNo, 'caseNo', '案号');
  const rules = filed ? input.rules(filed.data.rulesVersion) : undefined;
  req.require(!!rules, 'rulesVersion', `规则版本 ${filed?.data.rulesVersion ?? ''}`);
  const officers = names(opened.handlingOfficerIds, input, req);
  const approver = names([step.actorId], input, req);
  req.done();

  const period = step.data.tier === 'upper' ? rules!.periods.handlingExtensionUpper : rules!.periods.handlingExtensionHead;
  const due = step.data.deadlines.find((d) => d.kind === 'handling_period')?.dueDate;
  const rows: FormRow[] = [
    { label: '案号', value: caseNo },
    { label: '当事人', value: opened.party.name },
    { label: '案由', value: cause(opened) },
    { label: '立案日期', value: chineseDate(filed!.on) },
  ];
  if (previousDue) rows.push({ label: '原办结期限', value: chineseDate(previousDue) });
  rows.push(
    { label: '延期理由', value: step.data.reason },
    { label: '延长至', value: `立案之日起${periodText(period)}${due ? `（${chineseDate(due)}）` : ''}` },
    { label: '审批层级', value: EXTENSION_TIER_NAMES[step.data.tier].zh },
    { label: '承办人', value: officers },
    { label: '审批意见', value: '同意延期' },
    { label: '审批人', value: approver },
    { label: '审批日期', value: chineseDate(step.on) },
  );
  return {
    kind: 'extension-approval',
    issuer: agency.name,
    title: '案件延期办结审批表',
    number: caseNo,
    date: step.on,
    blocks: [{ kind: 'form', rows }],
  };
}
