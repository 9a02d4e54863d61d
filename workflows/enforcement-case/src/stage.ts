import { StateValue } from 'xstate';

/** The stable stage vocabulary the API reports (docs/procedure.md §4); the machine nests finer states inside. */
export const STAGES = {
  filing: { zh: '立案审批', en: 'filing approval' },
  notFiled: { zh: '不予立案', en: 'not filed' },
  investigation: { zh: '调查取证', en: 'investigation' },
  review: { zh: '案件审理', en: 'review' },
  hearing: { zh: '听证', en: 'hearing' },
  decided: { zh: '已作出决定，待送达', en: 'decided, awaiting service' },
  execution: { zh: '执行', en: 'execution' },
  courtEnforcement: { zh: '申请法院强制执行', en: 'court enforcement' },
  executed: { zh: '执行完毕', en: 'executed' },
  referral: { zh: '涉嫌犯罪移送', en: 'criminal referral' },
  transferred: { zh: '已移送司法机关', en: 'transferred' },
  revoked: { zh: '决定被撤销', en: 'decision revoked' },
  closed: { zh: '结案', en: 'closed' },
} as const;
export type Stage = keyof typeof STAGES;

function firstKey(v: StateValue): string {
  return typeof v === 'string' ? v : Object.keys(v)[0];
}

/** The stage of a folded case, or null before `CaseOpened`. */
export function stageOf(value: StateValue): Stage | null {
  const procedure = typeof value === 'string' ? value : value.procedure;
  if (procedure === undefined) return null;
  const top = firstKey(procedure);
  if (top === 'none') return null;
  if (top === 'open' && typeof procedure !== 'string') return firstKey((procedure as Record<string, StateValue>).open) as Stage;
  return top as Stage;
}
