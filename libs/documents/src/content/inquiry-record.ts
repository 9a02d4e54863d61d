import { CaseRecord } from './case-record';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { evidenceRecord } from './evidence-record';

/** 询问笔录 (行政处罚法第五十五条: 询问应当制作笔录; 第四十二条: two officers), signed by the person questioned. */
export function inquiryRecord(record: CaseRecord, input: DocumentInput): CaseDocument {
  return evidenceRecord(record, input, {
    kind: 'inquiry-record',
    evidenceKind: 'inquiry',
    title: '询问笔录',
    timeLabel: '询问时间',
    officersLabel: '询问人',
    contentLabel: '询问内容',
    signatures: ['被询问人签名', '询问人签名'],
  });
}
