import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** The court's ruling on an application for enforcement (行政强制法第五十七条、第五十八条). */
export const COURT_RULING_NAMES = {
  enforce: { zh: '裁定准予执行', en: 'enforce' },
  refuse: { zh: '裁定不予执行', en: 'refuse' },
} as const satisfies Record<CommandBody<'record-court-ruling'>['outcome'], TermName>;
