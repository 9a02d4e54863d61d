import type { DiscretionLevel } from '../case-types';
import type { TermName } from './name';

/** The circumstance levels of a discretion benchmark (裁量基准) as readers know them. */
export const DISCRETION_LEVEL_NAMES = {
  slight: { zh: '轻微', en: 'slight' },
  general: { zh: '一般', en: 'general' },
  serious: { zh: '较重', en: 'serious' },
  very_serious: { zh: '严重', en: 'very serious' },
} as const satisfies Record<DiscretionLevel, TermName>;
