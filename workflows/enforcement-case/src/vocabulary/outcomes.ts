import type { Outcome } from '../case-types';
import type { TermName } from './name';

/** What the investigation proposes and the head decides, in the words of 行政处罚法第五十七条第一款. */
export const OUTCOME_NAMES = {
  penalty: { zh: '给予行政处罚', en: 'penalty' },
  no_penalty_minor: { zh: '违法行为轻微，不予行政处罚', en: 'no penalty: minor' },
  no_penalty_unproven: { zh: '违法事实不能成立，不予行政处罚', en: 'no penalty: not proven' },
  transfer: { zh: '涉嫌犯罪，移送司法机关', en: 'transfer to the judicial organs' },
} as const satisfies Record<Outcome, TermName>;
