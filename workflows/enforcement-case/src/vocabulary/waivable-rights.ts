import type { WaivableRight } from '../case-types';
import type { TermName } from './name';

/** The party's procedural rights it may waive after the penalty notice (行政处罚法第四十五条、第六十三条). */
export const WAIVABLE_RIGHT_NAMES = {
  statement: { zh: '陈述、申辩的权利', en: 'statement and defence' },
  hearing: { zh: '要求听证的权利', en: 'hearing' },
} as const satisfies Record<WaivableRight, TermName>;
