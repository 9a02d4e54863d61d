import { CalendarDate, CalendarYearNotCoveredError, WorkingDayCalendar, addDays } from '@app/calendar';

/**
 * Working days left until a deadline, on the statutory calendar (holidays and make-up working days included): the
 * working days after today up to and including the due day — 0 on the due day itself. Once the due day has passed,
 * minus the working days after it up to and including today (0 when none has passed since, e.g. over a weekend).
 * Null when the span reaches a year the holiday calendar does not cover.
 */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: CalendarDate, dueDate: CalendarDate): number | null {
  const [from, to, sign] = dueDate >= today ? [today, dueDate, 1] : [dueDate, today, -1];
  let n = 0;
  try {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  } catch (e) {
    if (e instanceof CalendarYearNotCoveredError) return null;
    throw e;
  }
  return sign * n;
}

/** The day `n` working days after `today` (today itself when n is 0); null beyond the calendar's years. */
export function workingDaysAfter(calendar: WorkingDayCalendar, today: CalendarDate, n: number): CalendarDate | null {
  let d = today;
  try {
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (calendar.isWorkingDay(d)) left--;
    }
  } catch (e) {
    if (e instanceof CalendarYearNotCoveredError) return null;
    throw e;
  }
  return d;
}
