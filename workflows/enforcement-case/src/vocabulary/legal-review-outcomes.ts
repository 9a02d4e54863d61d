import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** The legal reviewer's conclusion (法制审核, 行政处罚法第五十八条). */
export const LEGAL_REVIEW_OUTCOME_NAMES = {
  approved: { zh: '审核通过', en: 'approved' },
  returned: { zh: '退回', en: 'returned' },
} as const satisfies Record<CommandBody<'record-legal-review'>['outcome'], TermName>;
