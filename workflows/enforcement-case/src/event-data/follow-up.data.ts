import { IsoDate, Penalty } from '../case-types';
import { DeadlineKind, DeadlineSet } from '../deadlines/deadline';

/** Data of the events around the handling clock and after the decision: suspension, extension, collective discussion, publication, deferral, compliance, remedies. */
/** 中止 (docs/procedure.md §1): the handling clock stops; the deadlines are paused. */
export interface CaseSuspendedData {
  reason: string;
  /**
   * The handling-clock deadlines the suspension stops: those still counting (last counted day not before the day of
   * suspension). Absent in older events: every open handling-clock deadline.
   */
  pauses?: DeadlineKind[];
}
/** 恢复: the paused deadlines move by the days suspended. */
export interface CaseResumedData {
  suspendedDays: number;
  deadlines: DeadlineSet[];
}
/** 延期 (former sector rule Art. 31): head to 90 days, upper level to 180 days from filing. */
export interface HandlingPeriodExtendedData {
  tier: 'head' | 'upper';
  reason: string;
  deadlines: DeadlineSet[];
}
/** 集体讨论 (行政处罚法 Art. 57(2)): the heads decide a major case together. */
export interface CollectiveDiscussionRecordedData {
  participantIds: string[];
  conclusion: string;
}
export interface DecisionPublishedData {
  channel: string;
  /** Personal data masked as docs/supervision.md §7 requires (names of individuals, identity numbers). */
  redacted: boolean;
}
/** 延期、分期缴纳 (行政处罚法 Art. 66). */
export interface PaymentDeferredData {
  dueDate?: IsoDate;
  installments?: { amountYuan: number; dueDate: IsoDate }[];
  deadlines: DeadlineSet[];
}
export interface ComplianceRecordedData {
  penaltyKind: string;
  summary: string;
}
export interface RemedyFiledData {
  kind: 'reconsideration' | 'litigation';
  body: string;
}
export interface RemedyConcludedData {
  outcome: 'upheld' | 'modified' | 'revoked' | 'confirmed_unlawful';
  penalties?: Penalty[];
}
