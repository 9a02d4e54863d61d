import { DeadlineKind } from './deadline';
import { DEADLINE_RULES } from './deadline-kinds';

/**
 * What the scheduler records when an open deadline passes (declared per kind in deadline-kinds.ts): the party's own
 * periods to speak or to ask for a hearing simply end (行政处罚法 Art. 44, 64); the windows for reconsideration and
 * litigation are the party's rights and are not tracked as failures; every other deadline is an obligation of the
 * agency (or of the party to pay) and is missed.
 */
export type ExpiryRecord = 'DeadlineMissed' | 'StatementPeriodEnded' | 'HearingRequestPeriodEnded' | 'SeizureTermExpired' | null;

export function expiryRecord(kind: DeadlineKind): ExpiryRecord {
  return DEADLINE_RULES[kind].onExpiry;
}
