import { OUTCOME_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, partyRows } from './case-parts';
import { FormRow } from './document-model';
import { Requirements } from './document-refusals';
import { citations, penaltyText } from './wording';

/**
 * What the heads and the legal reviewer judge before the decision: the case, the facts found and the proposed handling
 * with its basis (the notified penalty once the party was told of it, else what the investigation proposed).
 */
export function proposalRows(record: CaseRecord, req: Requirements): FormRow[] {
  const opened = record.opened!.data;
  const investigation = record.investigation;
  const findings = req.need(investigation?.data.findings, 'investigation.findings', '调查认定的违法事实');
  const notice = record.notice?.data;
  const penalties = notice?.proposedPenalties ?? investigation?.data.proposedPenalties ?? [];
  const basis = notice?.legalBasis ?? investigation?.data.legalBasis ?? [];
  const outcome = notice ? 'penalty' : investigation?.data.proposedOutcome;
  const handling = outcome ? OUTCOME_NAMES[outcome].zh : '';
  return [
    { label: '案号', value: req.need(record.filed?.data.caseNo, 'caseNo', '案号') },
    { label: '案由', value: cause(opened) },
    ...partyRows(opened, req, false),
    { label: '违法事实', value: findings },
    {
      label: '拟处理意见',
      value: `${handling}${penalties.length ? `：${penalties.map(penaltyText).join('、')}` : ''}${basis.length ? `（依据${citations(basis)}）` : ''}`,
    },
  ];
}
