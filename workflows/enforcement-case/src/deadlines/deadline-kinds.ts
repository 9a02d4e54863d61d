import { PeriodName } from '../rules/rules-version';
import { DeadlineKind } from './deadline';

/**
 * Every deadline kind, declared once with its counting rules — the code form of the table in docs/deadlines.md, row
 * for row, so a reviewer can check one against the other.
 *
 * Common rules (docs/deadlines.md): the day (or hour) a period starts is not counted (民法典第二百零一条); working-day
 * periods skip weekends and holidays and count make-up working days (行政处罚法第八十五条, 行政强制法第六十九条); a
 * month period ends on the same day of the month, or on the month's last day (民法典第二百零二条).
 */
export interface DeadlineKindRule {
  /** Who must act before the deadline. */
  who: 'agency' | 'party' | 'police';
  /** How the period is counted: a unit of the rules book, exact hours, or a date the step itself names. */
  counting: 'rules-book' | 'hours' | 'named-by-step';
  /** The rules-book period, when it comes from there. */
  period?: PeriodName;
  /** The exact hours, for an hour period. */
  hours?: number;
  /**
   * Whether an end on a rest day moves to the next working day (民事诉讼法第八十五条, 民法典第二百零三条, by analogy).
   * It serves whoever must act within a period; it never lengthens a limit on the state's coercion of the party.
   */
  rollsOver: boolean;
  /** Paused by 中止 and moved by 延期 (the handling clock). */
  handlingClock: boolean;
  /**
   * What the scheduler records when the deadline passes unmet. 'DeadlineMissed' / 'SeizureTermExpired': an obligation,
   * met only by an act on or before dueAt (a later act is recorded, the deadline stays missed). 'PeriodEnded': the
   * party's own period simply ends (its close is no failure). null: a right of the party, never met nor missed.
   */
  onExpiry: 'DeadlineMissed' | 'SeizureTermExpired' | 'StatementPeriodEnded' | 'HearingRequestPeriodEnded' | null;
  /** The article that sets it. */
  source: string;
}

export const DEADLINE_RULES: Record<DeadlineKind, DeadlineKindRule> = {
  decision: {
    who: 'agency',
    counting: 'rules-book',
    period: 'decisionFromFiling',
    rollsOver: true,
    handlingClock: true,
    onExpiry: 'DeadlineMissed',
    source: '行政处罚法第六十条',
  },
  handling_period: {
    who: 'agency',
    counting: 'rules-book',
    period: 'handlingPeriod',
    rollsOver: true,
    handlingClock: true,
    onExpiry: 'DeadlineMissed',
    source: '安全生产违法行为行政处罚办法第三十一条 (former sector rule)',
  },
  statement: {
    who: 'party',
    counting: 'rules-book',
    period: 'statement',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'StatementPeriodEnded',
    source: '行政处罚法第四十四条、第八十五条',
  },
  hearing_request: {
    who: 'party',
    counting: 'rules-book',
    period: 'hearingRequest',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'HearingRequestPeriodEnded',
    source: '行政处罚法第六十四条第一项、第八十五条',
  },
  service: {
    who: 'agency',
    counting: 'rules-book',
    period: 'service',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政处罚法第六十一条',
  },
  publication: {
    who: 'agency',
    counting: 'rules-book',
    period: 'publication',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '安全生产法第七十八条; 国办发〔2018〕118号',
  },
  payment: {
    who: 'party',
    counting: 'rules-book',
    period: 'payment',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政处罚法第六十七条',
  },
  reconsideration_window: {
    who: 'party',
    counting: 'rules-book',
    period: 'reconsiderationWindow',
    rollsOver: true,
    handlingClock: false,
    onExpiry: null,
    source: '行政复议法第二十条',
  },
  litigation_window: {
    who: 'party',
    counting: 'rules-book',
    period: 'litigationWindow',
    rollsOver: true,
    handlingClock: false,
    onExpiry: null,
    source: '行政诉讼法第四十六条',
  },
  court_application: {
    who: 'agency',
    counting: 'rules-book',
    period: 'courtApplicationWindow',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政强制法第五十三条; 最高人民法院关于适用《行政诉讼法》的解释第一百五十六条',
  },
  // A limit on coercion: the term ends on its last calendar day whatever the weekday (行政强制法第二十五条).
  seizure: {
    who: 'agency',
    counting: 'rules-book',
    period: 'seizureTerm',
    rollsOver: false,
    handlingClock: false,
    onExpiry: 'SeizureTermExpired',
    source: '行政强制法第二十五条',
  },
  rectification: {
    who: 'party',
    counting: 'named-by-step',
    rollsOver: false,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '安全生产法第六十五条',
  },
  reinspection: {
    who: 'agency',
    counting: 'rules-book',
    period: 'reinspection',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '安全生产违法行为行政处罚办法 (former sector rule)',
  },
  referral_approval: {
    who: 'agency',
    counting: 'rules-book',
    period: 'referralApproval',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政执法机关移送涉嫌犯罪案件的规定第五条',
  },
  referral_transfer: {
    who: 'agency',
    counting: 'hours',
    hours: 24,
    rollsOver: false,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政执法机关移送涉嫌犯罪案件的规定第五条',
  },
  police_decision: {
    who: 'police',
    counting: 'rules-book',
    period: 'policeDecision',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政执法机关移送涉嫌犯罪案件的规定第八条',
  },
  police_reconsideration_request: {
    who: 'agency',
    counting: 'rules-book',
    period: 'policeReconsiderationRequest',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政执法机关移送涉嫌犯罪案件的规定第九条',
  },
  handover: {
    who: 'agency',
    counting: 'rules-book',
    period: 'handover',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '行政执法机关移送涉嫌犯罪案件的规定第十三条',
  },
  supervision_reply: {
    who: 'agency',
    counting: 'named-by-step',
    rollsOver: true,
    handlingClock: false,
    onExpiry: 'DeadlineMissed',
    source: '郴政办发〔2016〕19号第十七条',
  },
};

/** An obligation: met only by an act on or before its dueAt; a later act leaves it missed. */
export const isObligation = (kind: DeadlineKind): boolean => {
  const expiry = DEADLINE_RULES[kind].onExpiry;
  return expiry === 'DeadlineMissed' || expiry === 'SeizureTermExpired';
};
