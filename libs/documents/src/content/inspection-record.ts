import { CaseRecord } from './case-record';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { evidenceRecord } from './evidence-record';

/**
 * 现场检查记录 (安全生产法第六十五条第一款第一项 the inspection, 第六十八条 its written record signed by the inspectors
 * and the inspected unit's responsible person; 行政处罚法第五十五条: 检查应当制作笔录).
 */
export function inspectionRecord(record: CaseRecord, input: DocumentInput): CaseDocument {
  return evidenceRecord(record, input, {
    kind: 'inspection-record',
    evidenceKind: 'inspection',
    title: '现场检查记录',
    timeLabel: '检查时间',
    officersLabel: '检查人员',
    contentLabel: '检查情况',
    signatures: ['检查人员签名', '被检查单位负责人签名'],
  });
}
