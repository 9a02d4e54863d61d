import { IsoDate, IsoDateTime } from '../case-types';

/** Deadline kinds of the officers' API contract. */
export const DEADLINE_KINDS = [
  'decision',
  'handling_period',
  'statement',
  'hearing_request',
  'service',
  'publication',
  'payment',
  'reconsideration_window',
  'litigation_window',
  'court_application',
  'seizure',
  'rectification',
  'reinspection',
  'referral_approval',
  'referral_transfer',
  'police_decision',
  'police_reconsideration_request',
  'handover',
  'supervision_reply',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** What each deadline is called (Chinese first); its legal basis travels with each deadline set (`basis`). */
export const DEADLINE_NAMES: Record<DeadlineKind, { zh: string; en: string }> = {
  decision: { zh: '作出处罚决定期限', en: 'decision' },
  handling_period: { zh: '办案期限', en: 'handling period' },
  statement: { zh: '陈述申辩期', en: 'statement period' },
  hearing_request: { zh: '听证申请期', en: 'hearing request period' },
  service: { zh: '决定书送达期限', en: 'service of the decision' },
  publication: { zh: '行政处罚信息公示期限', en: 'publication' },
  payment: { zh: '罚款缴纳期限', en: 'payment' },
  reconsideration_window: { zh: '行政复议申请期限', en: 'reconsideration window' },
  litigation_window: { zh: '行政诉讼起诉期限', en: 'litigation window' },
  court_application: { zh: '申请法院强制执行期限', en: 'court enforcement application' },
  seizure: { zh: '查封扣押期限', en: 'seizure term' },
  rectification: { zh: '整改期限', en: 'rectification' },
  reinspection: { zh: '复查期限', en: 'reinspection' },
  referral_approval: { zh: '移送审批期限', en: 'referral approval' },
  referral_transfer: { zh: '移送期限', en: 'referral transfer' },
  police_decision: { zh: '公安机关立案决定期限', en: 'police decision' },
  police_reconsideration_request: { zh: '提请复议期限', en: 'police reconsideration request' },
  handover: { zh: '移交涉案物品期限', en: 'handover' },
  supervision_reply: { zh: '督办回复期限', en: 'supervision reply' },
};

/** A deadline as computed when its starting event happened; stored in that event (deadlines are data). */
export interface DeadlineSet {
  kind: DeadlineKind;
  /** The starting moment (the day it starts is not counted). */
  startedAt: IsoDateTime;
  dueDate: IsoDate;
  /** End of dueDate in Asia/Shanghai. */
  dueAt: IsoDateTime;
  /** Which statutory period produced it, e.g. "3 working days (行政处罚法 Art. 85)". */
  basis: string;
  rulesVersion: string;
  /**
   * Set when the end fell in a year the holiday calendar does not cover yet: the nominal end is kept and
   * the reason given, so nobody mistakes it for a final date.
   */
  provisional?: string;
}

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'paused';

export interface Deadline extends DeadlineSet {
  status: DeadlineStatus;
  /** When the deadline was met (the event that satisfied it), if it was. */
  metAt?: IsoDateTime;
}
