import type { PenaltyKind } from '../case-types';
import type { TermName } from './name';

/** The kinds of administrative penalty (行政处罚法第九条) as a decision names them. */
export const PENALTY_KIND_NAMES = {
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  confiscation: { zh: '没收违法所得、没收非法财物', en: 'confiscation' },
  suspend_production: { zh: '责令停产停业整顿', en: 'suspension of production' },
  revoke_license: { zh: '吊销许可证件', en: 'revocation of licence' },
  close: { zh: '责令关闭', en: 'closure' },
  restrict_practice: { zh: '限制从业', en: 'restriction of practice' },
} as const satisfies Record<PenaltyKind, TermName>;
