import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** The party's remedies against a decision (行政处罚法第七条). */
export const REMEDY_KIND_NAMES = {
  reconsideration: { zh: '行政复议', en: 'administrative reconsideration' },
  litigation: { zh: '行政诉讼', en: 'administrative litigation' },
} as const satisfies Record<CommandBody<'record-remedy'>['kind'], TermName>;

/** How the reconsideration body or the court disposed of the decision. */
export const REMEDY_OUTCOME_NAMES = {
  upheld: { zh: '维持', en: 'upheld' },
  modified: { zh: '变更', en: 'modified' },
  revoked: { zh: '撤销', en: 'revoked' },
  confirmed_unlawful: { zh: '确认违法', en: 'confirmed unlawful' },
} as const satisfies Record<CommandBody<'record-remedy-outcome'>['outcome'], TermName>;
