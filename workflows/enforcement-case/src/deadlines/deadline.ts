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
  /**
   * The period's last counted day when the end was moved off rest days (dueDate is then later): a suspension counts
   * on from it, so the roll-over is applied once and never added to.
   */
  nominalDueDate?: IsoDate;
}

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'paused';

export interface Deadline extends DeadlineSet {
  status: DeadlineStatus;
  /** When the deadline was met (the act that satisfied it, on or before dueAt), if it was. */
  metAt?: IsoDateTime;
  /** When the owed act was done after dueAt: it is recorded and valid, the deadline stays missed. */
  actedLateAt?: IsoDateTime;
}
