import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** What becomes of seized things at the end of a seizure (行政强制法第二十七条、第二十八条). */
export const SEIZURE_DISPOSITION_NAMES = {
  released: { zh: '解除查封扣押', en: 'released' },
  confiscated: { zh: '依法没收', en: 'confiscated' },
  destroyed: { zh: '依法销毁', en: 'destroyed' },
} as const satisfies Record<CommandBody<'release-seizure'>['disposition'], TermName>;
