import { CaseRecord } from './case-record';
import { caseForm, issuingAgency } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { Requirements } from './document-refusals';
import { hearingCourse, hearingOutcome, hearingRows } from './hearing-parts';
import { citations, penaltyText } from './wording';

/**
 * 听证会报告书: the presiding officer reports the hearing to the agency's head, who decides on the record of it
 * (行政处罚法第六十五条): the penalty notified, when the party asked and was notified (第六十四条第一项、第二项), and how the
 * hearing went.
 */
export function hearingReport(record: CaseRecord, input: DocumentInput): CaseDocument {
  const outcome = hearingOutcome(record, 'hearing-report');
  const req = new Requirements('hearing-report');
  const agency = issuingAgency(record, input, req);
  const rows = hearingRows(record, input, req);
  req.require(!!record.notice, 'notice', '行政处罚告知');
  req.require(!!record.hearingRequest, 'hearingRequest', '当事人的听证申请');
  req.done();

  const notice = record.notice!;
  return caseForm('hearing-report', agency, record.filed!.data.caseNo, outcome.step.on, [
    ...rows,
    {
      label: '拟作出的行政处罚',
      value: `${notice.data.proposedPenalties.map(penaltyText).join('、')}（依据${citations(notice.data.legalBasis)}；${chineseDate(notice.on)}告知）`,
    },
    { label: '听证申请日期', value: chineseDate(record.hearingRequest!.on) },
    { label: '听证通知日期', value: chineseDate(record.hearingSchedule!.on) },
    ...hearingCourse(outcome),
    { label: '报告日期', value: chineseDate(outcome.step.on) },
    { label: '听证主持人签名', handwritten: true },
    { label: '负责人审阅意见', handwritten: true },
  ]);
}
