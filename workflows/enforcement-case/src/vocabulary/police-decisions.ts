import type { CommandBody } from '../commands/registry';
import type { TermName } from './name';

/** The police's answer to a referral (行政执法机关移送涉嫌犯罪案件的规定第八条). */
export const POLICE_DECISION_NAMES = {
  accepted: { zh: '立案', en: 'accepted' },
  declined: { zh: '不予立案', en: 'declined' },
} as const satisfies Record<CommandBody<'record-police-decision'>['outcome'], TermName>;
