import type { DeadlineKind } from '../deadlines/deadline';
import type { TermName } from './name';

/** The deadline kinds as an officer names them; each deadline also carries the period and law it comes from (`basis`). */
export const DEADLINE_KIND_NAMES = {
  decision: { zh: '作出处罚决定期限', en: 'decision' },
  handling_period: { zh: '办案期限', en: 'handling period' },
  statement: { zh: '陈述、申辩期限', en: 'statement' },
  hearing_request: { zh: '听证申请期限', en: 'hearing request' },
  service: { zh: '决定书送达期限', en: 'service of the decision' },
  publication: { zh: '行政处罚信息公示期限', en: 'publication' },
  payment: { zh: '缴纳罚款期限', en: 'payment' },
  reconsideration_window: { zh: '申请行政复议期限', en: 'reconsideration window' },
  litigation_window: { zh: '提起行政诉讼期限', en: 'litigation window' },
  court_application: { zh: '申请法院强制执行期限', en: 'court application' },
  seizure: { zh: '查封扣押期限', en: 'seizure' },
  rectification: { zh: '整改期限', en: 'rectification' },
  reinspection: { zh: '复查期限', en: 'reinspection' },
  referral_approval: { zh: '移送审批期限', en: 'referral approval' },
  referral_transfer: { zh: '移送期限', en: 'referral transfer' },
  police_decision: { zh: '公安机关立案决定期限', en: 'police decision' },
  police_reconsideration_request: { zh: '提请复议期限', en: 'police reconsideration request' },
  handover: { zh: '移交材料期限', en: 'handover' },
  supervision_reply: { zh: '督办回复期限', en: 'supervision reply' },
} as const satisfies Record<DeadlineKind, TermName>;
