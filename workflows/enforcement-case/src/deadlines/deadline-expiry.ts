import { DeadlineKind } from './deadline';

/**
 * What the scheduler records when an open deadline passes: the party's own periods to speak or to ask for a
 * hearing simply end (行政处罚法 Art. 44, 64); the windows for reconsideration and litigation are the party's
 * rights and are not tracked as failures; every other deadline is an obligation of the agency (or of the party
 * to pay) and is missed.
 */
export type ExpiryRecord = 'DeadlineMissed' | 'StatementPeriodEnded' | 'HearingRequestPeriodEnded' | 'SeizureTermExpired' | null;

export function expiryRecord(kind: DeadlineKind): ExpiryRecord {
  switch (kind) {
    case 'statement':
      return 'StatementPeriodEnded';
    case 'hearing_request':
      return 'HearingRequestPeriodEnded';
    case 'seizure':
      return 'SeizureTermExpired';
    case 'reconsideration_window':
    case 'litigation_window':
      return null;
    default:
      return 'DeadlineMissed';
  }
}
