import { IsoDate, IsoDateTime } from '../case-types';
import { DeadlineKind } from '../deadlines/deadline';

/** Data of the deadline scheduler's system events. */
/** System events of the durable deadline scheduler (actor `system`). */
export interface DeadlineMissedData {
  kind: DeadlineKind;
  dueDate: IsoDate;
  dueAt: IsoDateTime;
  detectedAt: IsoDateTime;
}
/** The party's statement or hearing-request period ran out unused: not a failure of the agency, just over. */
export interface PeriodEndedData {
  dueDate: IsoDate;
  dueAt: IsoDateTime;
}
