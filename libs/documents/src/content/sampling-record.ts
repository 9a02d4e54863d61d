import { CaseRecord } from './case-record';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { evidenceRecord } from './evidence-record';

/** 抽样取证凭证 (行政处罚法第五十六条: evidence collected by sampling), signed by the party whose goods were sampled. */
export function samplingRecord(record: CaseRecord, input: DocumentInput): CaseDocument {
  return evidenceRecord(record, input, {
    kind: 'sampling-record',
    evidenceKind: 'sampling',
    title: '抽样取证凭证',
    timeLabel: '抽样时间',
    officersLabel: '抽样人员',
    contentLabel: '抽样情况',
    signatures: ['抽样人员签名', '被抽样单位（人）签名'],
  });
}
