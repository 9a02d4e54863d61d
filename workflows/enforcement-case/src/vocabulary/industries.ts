import type { CaseSource, Industry } from '../case-types';
import type { TermName } from './name';

/** The key industries (重点行业领域) in the words of 郴政办发〔2016〕19号 第五条. */
export const INDUSTRY_NAMES = {
  mining: { zh: '矿山', en: 'mining' },
  hazardous_chemicals: { zh: '危险化学品', en: 'hazardous chemicals' },
  fireworks: { zh: '烟花爆竹', en: 'fireworks' },
  construction: { zh: '建筑施工', en: 'construction' },
  gas: { zh: '城市管道燃气和液化气', en: 'gas' },
  crowded_places_fire: { zh: '人员密集场所消防', en: 'fire safety of crowded places' },
  school_safety: { zh: '校园安全和校车安全', en: 'school and school-bus safety' },
  environment: { zh: '环境安全', en: 'environmental safety' },
  special_equipment: { zh: '特种设备', en: 'special equipment' },
  food_drug: { zh: '食品药品', en: 'food and drugs' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<Industry, TermName>;

/** 案件来源: how the violation came to the agency's attention. */
export const CASE_SOURCE_NAMES = {
  inspection: { zh: '监督检查', en: 'inspection' },
  complaint: { zh: '投诉举报', en: 'complaint' },
  referral: { zh: '移送', en: 'referral' },
  accident: { zh: '事故调查', en: 'accident' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<CaseSource, TermName>;
