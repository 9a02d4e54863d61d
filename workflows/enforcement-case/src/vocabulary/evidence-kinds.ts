import type { EvidenceKind } from '../case-types';
import type { TermName } from './name';

/** The kinds of evidence an officer records (证据种类, cf. 行政诉讼法第三十三条). */
export const EVIDENCE_KIND_NAMES = {
  inquiry: { zh: '询问笔录', en: 'inquiry record' },
  inspection: { zh: '现场检查笔录', en: 'inspection record' },
  sampling: { zh: '抽样取证', en: 'sampling' },
  photo: { zh: '照片', en: 'photo' },
  audio_video: { zh: '音像记录', en: 'audio or video recording' },
  document: { zh: '书证', en: 'document' },
  appraisal: { zh: '鉴定意见', en: 'appraisal' },
} as const satisfies Record<EvidenceKind, TermName>;
