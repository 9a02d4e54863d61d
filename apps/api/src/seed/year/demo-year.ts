import { WorkingDayCalendar, toShanghaiDate } from '@app/calendar';
import { DemoCase } from '../demo-runner';
import { Scenario } from './procedure';
import { COURT_ENFORCEMENT } from './scenarios/court-enforcement';
import { HEARING } from './scenarios/hearing';
import { NOT_FILED_AND_NO_PENALTY } from './scenarios/not-filed-and-no-penalty';
import { OPEN_STAGES } from './scenarios/open-stages';
import { PAID_AND_CLOSED } from './scenarios/paid-and-closed';
import { RECTIFICATION_AND_SEIZURE } from './scenarios/rectification-and-seizure';
import { REFERRAL } from './scenarios/referral';
import { REMEDIES } from './scenarios/remedies';
import { SUPERVISION_AND_INTERFERENCE } from './scenarios/supervision-and-interference';

/** Every outcome family of the demo year, each a short list of case scripts. */
export const DEMO_YEAR: readonly Scenario[] = [
  ...PAID_AND_CLOSED,
  ...NOT_FILED_AND_NO_PENALTY,
  ...HEARING,
  ...COURT_ENFORCEMENT,
  ...REFERRAL,
  ...RECTIFICATION_AND_SEIZURE,
  ...REMEDIES,
  ...OPEN_STAGES,
  ...SUPERVISION_AND_INTERFERENCE,
];

/**
 * The demo year as of `now`: every case's steps dated back from the seed's day on the statutory calendar. Pure in
 * (now, calendar): the same day gives the same cases. A script that cannot be dated on this calendar (a period
 * running into a year without holiday data) is left out and named, never guessed.
 */
export function demoYear(now: Date, calendar: WorkingDayCalendar): { cases: DemoCase[]; skipped: string[] } {
  const time = { today: toShanghaiDate(now.toISOString()), calendar };
  const cases: DemoCase[] = [];
  const skipped: string[] = [];
  for (const script of DEMO_YEAR) {
    try {
      cases.push(script(time).toDemoCase());
    } catch (e) {
      skipped.push((e as Error).message);
    }
  }
  if (new Set(cases.map((c) => c.key)).size !== cases.length) throw new Error('demo year: two cases share a key');
  return { cases, skipped };
}
