import { CaseRecord } from './case-record';
import { caseForm, issuingAgency } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { Requirements } from './document-refusals';
import { hearingCourse, hearingOutcome, hearingRows } from './hearing-parts';

/**
 * 听证笔录 (行政处罚法第六十四条第八项): the hearing as its presiding officer recorded it, with the hash of the full
 * transcript file where one was recorded; the party or its agent checks it and signs, or the presiding officer notes
 * the refusal.
 */
export function hearingRecord(record: CaseRecord, input: DocumentInput): CaseDocument {
  const outcome = hearingOutcome(record, 'hearing-record');
  const req = new Requirements('hearing-record');
  const agency = issuingAgency(record, input, req);
  const rows = hearingRows(record, input, req);
  req.done();

  const transcript = outcome.step.data.transcriptHash;
  return caseForm('hearing-record', agency, record.filed!.data.caseNo, outcome.step.on, [
    ...rows,
    ...hearingCourse(outcome),
    ...(transcript ? [{ label: '笔录文件校验值', value: `SHA-256：${transcript}` }] : []),
    { label: '记录日期', value: chineseDate(outcome.step.on) },
    // A party who refuses to sign is noted here by the presiding officer (行政处罚法第六十四条第八项).
    { label: '当事人或者代理人核对签名', handwritten: true },
    { label: '听证主持人签名', handwritten: true },
  ]);
}
