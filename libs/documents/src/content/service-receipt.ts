import { SERVICE_METHOD_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { issuingAgency, names, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';

/**
 * 送达回证 of the decision served, a 行政处罚决定书 or a 不予行政处罚决定书 (行政处罚法第六十一条: served on the spot, or
 * within seven days under the 民事诉讼法's rules of service): which document, to whom, where, how, when and by whom;
 * the recipient signs by hand.
 */
export function serviceReceipt(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'service-receipt');
  const service = record.service;
  const served = record.decision
    ? { title: '行政处罚决定书', number: record.decision.data.decisionNo }
    : record.noPenalty && { title: '不予行政处罚决定书', number: record.noPenalty.data.decisionNo };
  if (!service || !served)
    throw new DocumentNotProducedError('service-receipt', '处罚决定书尚未送达 (the decision has not been served)', 'serve-decision');
  const req = new Requirements('service-receipt');
  const agency = issuingAgency(record, input, req);
  const address = req.need(opened.party.address, 'party.address', '当事人地址（送达地点）');
  const server = names([service.actorId], input, req);
  req.done();

  const time = service.occurredAt.slice(11, 16);
  return {
    kind: 'service-receipt',
    issuer: agency.name,
    title: '送达回证',
    number: served.number,
    date: service.on,
    blocks: [
      {
        kind: 'form',
        rows: [
          { label: '送达文书名称及文号', value: `${served.title}（${served.number}）` },
          { label: '受送达人', value: opened.party.name },
          { label: '送达地点', value: address },
          { label: '送达方式', value: SERVICE_METHOD_NAMES[service.data.method].zh },
          { label: '送达时间', value: `${chineseDate(service.on)}${time ? ` ${time}` : ''}` },
          { label: '送达人', value: server },
          { label: '受送达人签名或者盖章', handwritten: true },
          { label: '见证人（留置送达时）', handwritten: true },
        ],
      },
      { kind: 'signature', lines: [agency.name], seal: true },
    ],
  };
}
