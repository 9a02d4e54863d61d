import { CaseRecord, Step } from './case-record';
import { cause, names, openedCase, partyRows } from './case-parts';
import { DocumentInput } from './document-input';
import { DocumentKind, FormRow } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { momentText } from './wording';

/** How the hearing ended: held, or forfeited by a party who stayed away or left (行政处罚法第六十四条第六项). */
export interface HearingOutcome {
  step: Step<{ summary: string; transcriptHash?: string }>;
  held: boolean;
}

/** The hearing's end as recorded by its presiding officer (record-hearing); the record and the report follow it. */
export function hearingOutcome(record: CaseRecord, kind: DocumentKind): HearingOutcome {
  openedCase(record, kind);
  const step = record.hearingHeld ?? record.hearingForfeited;
  if (!step) throw new DocumentNotProducedError(kind, '听证尚未举行 (the hearing has not been recorded)', 'record-hearing');
  return { step, held: step === record.hearingHeld };
}

/** The rows both hearing documents open with: case, party, when, where and who presided. */
export function hearingRows(record: CaseRecord, input: DocumentInput, req: Requirements): FormRow[] {
  const opened = record.opened!.data;
  const scheduled = record.hearingSchedule;
  req.require(!!scheduled, 'hearingSchedule', '听证时间、地点和主持人');
  return [
    { label: '案号', value: req.need(record.filed?.data.caseNo, 'caseNo', '案号') },
    { label: '案由', value: cause(opened) },
    ...partyRows(opened, req, false),
    { label: '听证时间', value: scheduled ? momentText(scheduled.data.hearingAt) : '' },
    { label: '听证地点', value: scheduled?.data.location ?? '' },
    { label: '听证主持人', value: scheduled ? names([scheduled.data.presidingOfficerId], input, req) : '' },
  ];
}

/** What happened at the hearing, in the presiding officer's words, and for a forfeited one why it ended. */
export function hearingCourse(outcome: HearingOutcome): FormRow[] {
  return [
    { label: '听证情况', value: outcome.step.data.summary },
    {
      label: '听证结果',
      value: outcome.held
        ? '听证已举行'
        : '当事人无正当理由拒不出席或者未经许可中途退出，视为放弃听证权利，听证终止（《中华人民共和国行政处罚法》第六十四条第六项）',
    },
  ];
}
