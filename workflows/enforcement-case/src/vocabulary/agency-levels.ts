import type { AgencyLevel } from '../rules/rules-version';
import type { TermName } from './name';

/** The administrative level an agency serves (行政区划层级). */
export const AGENCY_LEVEL_NAMES = {
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡镇（街道）', en: 'township' },
} as const satisfies Record<AgencyLevel, TermName>;
