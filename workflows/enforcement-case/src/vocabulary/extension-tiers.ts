import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** Who approves extending the handling period, and how far it may run from the filing. */
export const EXTENSION_TIER_NAMES = {
  head: { zh: '本机关负责人批准（延长至九十日）', en: 'own head (to 90 days)' },
  upper: { zh: '上一级机关批准（延长至一百八十日）', en: 'the next level up (to 180 days)' },
} as const satisfies Record<CommandBody<'extend-handling-period'>['tier'], TermName>;
