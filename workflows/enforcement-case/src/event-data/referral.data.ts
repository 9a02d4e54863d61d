import { DeadlineSet } from '../deadlines/deadline';

/** Data of the criminal referral events (行政执法机关移送涉嫌犯罪案件的规定, 国务院令310). */
export const REFERRAL_FROM = ['investigation', 'review', 'decided', 'execution'] as const;
/** 涉嫌犯罪移送 (行政执法机关移送涉嫌犯罪案件的规定, 国务院令310): a special team's proposal. */
export interface ReferralProposedData {
  offense: string;
  teamOfficerIds: string[];
  report: string;
  /** The stage the case returns to if the referral is rejected or the procedure resumed. */
  from: (typeof REFERRAL_FROM)[number];
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface ReferralApprovedData {
  opinion?: string;
  deadlines: DeadlineSet[];
}
export interface ReasonData {
  reason: string;
}
export interface CaseTransferredToPoliceData {
  policeAgency: string;
  documents: string[];
  deadlines: DeadlineSet[];
}
/** The police filed the case: the hand-over of items and materials falls due (events recorded before it carry none). */
export interface ReferralAcceptedData {
  deadlines?: DeadlineSet[];
}
export interface PoliceDecisionRecordedData {
  outcome: 'accepted' | 'declined';
  reason?: string;
}
/**
 * 移交涉案物品和材料 (行政执法机关移送涉嫌犯罪案件的规定第十三条): after the police accepted the case, the items and the
 * other materials handed over to them, due within 3 days of the notice of filing; `late` when handed over after that.
 */
export interface MaterialsHandedOverData {
  receivedBy: string;
  materials: string[];
  dueDate: string;
  late: boolean;
}
export interface ReferralDeclinedData {
  deadlines: DeadlineSet[];
}
export interface PoliceReconsiderationRequestedData {
  reason: string;
  deadlines: DeadlineSet[];
}
