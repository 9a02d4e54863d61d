import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** The reinspection's conclusion on a rectification order (整改复查意见书). */
export const REINSPECTION_RESULT_NAMES = {
  passed: { zh: '整改合格', en: 'passed' },
  failed: { zh: '整改不合格', en: 'failed' },
} as const satisfies Record<CommandBody<'record-reinspection'>['result'], TermName>;
