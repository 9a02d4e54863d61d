import { CaseRecord } from './case-record';
import { caseForm, issuingAgency, names, openedCase } from './case-parts';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { proposalRows } from './review-parts';
import { momentText } from './wording';

/**
 * 集体讨论记录 (行政处罚法第五十七条第二款): the agency's heads decide a complex or major case together; the record
 * names who presided and who took part, what they discussed and what they concluded, and each signs it.
 */
export function collectiveDeliberation(record: CaseRecord, input: DocumentInput): CaseDocument {
  openedCase(record, 'collective-deliberation');
  const discussion = record.collectiveDiscussion;
  if (!discussion)
    throw new DocumentNotProducedError(
      'collective-deliberation',
      '尚未集体讨论 (no collective deliberation yet)',
      'record-collective-discussion',
    );
  const req = new Requirements('collective-deliberation');
  const agency = issuingAgency(record, input, req);
  const rows = proposalRows(record, req);
  const chair = names([discussion.actorId], input, req);
  const participants = names(discussion.data.participantIds, input, req);
  req.done();

  return caseForm('collective-deliberation', agency, record.filed!.data.caseNo, discussion.on, [
    { label: '讨论时间', value: momentText(discussion.occurredAt) },
    { label: '主持人', value: chair },
    { label: '参加人员', value: participants },
    ...rows,
    { label: '讨论结论', value: discussion.data.conclusion },
    { label: '参加人员签名', handwritten: true },
  ]);
}
