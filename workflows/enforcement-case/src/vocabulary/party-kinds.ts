import type { Party } from '../case-types';
import type { TermName } from './name';

/** 当事人: a legal person or other organisation (统一社会信用代码), or a citizen (居民身份证号码). */
export const PARTY_KIND_NAMES = {
  organization: { zh: '单位（法人或者其他组织）', en: 'organisation' },
  individual: { zh: '个人（公民）', en: 'individual' },
} as const satisfies Record<Party['kind'], TermName>;
