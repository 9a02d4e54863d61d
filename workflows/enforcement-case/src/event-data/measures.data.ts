import { IsoDate, IsoDateTime } from '../case-types';
import { DeadlineSet } from '../deadlines/deadline';

/** Data of the parallel measures: rectification, seizure, and court enforcement. */
/** 责令限期整改 (安全生产法 Art. 65, 70): what must be corrected by when; re-inspected within 10 days. */
export interface RectificationOrderedData {
  orderId: string;
  items: string[];
  deadline: IsoDate;
  legalBasis: string[];
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface ReinspectionRequestedData {
  requestedAt: IsoDateTime;
  deadlines: DeadlineSet[];
}
export interface ReinspectionRecordedData {
  officerIds: string[];
  result: 'passed' | 'failed';
  findings: string;
}
/** Follows a passed re-inspection: the order is verified (整改复查合格). */
export interface RectificationVerifiedData {
  orderId: string;
}
/** Follows a failed re-inspection: a new order or a daily penalty (安全生产法 Art. 112) may follow. */
export interface RectificationFailedData {
  orderId: string;
}
/** 查封、扣押 (行政强制法 Art. 22–28): a coercive measure on site, recorded on audio-video (国办发〔2018〕118号). */
export interface SeizureImposedData {
  items: { name: string; quantity?: string }[];
  reason: string;
  legalBasis: string[];
  audioVideoEvidenceHash: string;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface SeizureExtendedData {
  days: number;
  reason: string;
  deadlines: DeadlineSet[];
}
export interface SeizureReleasedData {
  disposition: 'released' | 'confiscated' | 'destroyed';
  reason: string;
}
/** 催告 (行政强制法 Art. 54): the party is urged to pay before the agency may apply to the court. */
export interface EnforcementUrgedData {
  urgedAt: IsoDateTime;
  rulesVersion: string;
  deadlines: DeadlineSet[];
}
export interface CourtEnforcementAppliedData {
  court: string;
}
export interface CourtRuledData {
  outcome: 'enforce' | 'refuse';
  reason?: string;
}
export interface CourtExecutionRecordedData {
  summary: string;
  amountYuan?: number;
}
