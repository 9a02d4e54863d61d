import { addDays, assertCalendarDate, CalendarDate, compareDates, daysInMonth, formatDate } from './calendar-date';
import { WorkingDayCalendar } from './working-day-calendar';

/*
 * Period counting. Common rule for all functions here: the day on which the period starts is not
 * counted; counting starts the next day (民法典 第二百零一条, 民事诉讼法 第八十五条). Every date
 * the counting has to classify is asked of the calendar, so a period that runs into a year without
 * holiday data throws CalendarYearNotCoveredError instead of guessing.
 */

/**
 * The n-th working day after startDate. 行政处罚法 第八十五条 ("二日""三日""五日""七日" are working
 * days) and 行政强制法 第六十九条 (periods of ten days or less are working days) exclude statutory
 * holidays and weekends, and a weekend day made a working day (调休上班) counts.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, startDate: CalendarDate, n: number): CalendarDate {
  assertCalendarDate(startDate);
  assertPositiveInteger(n, 'n');
  let date = startDate;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) {
      counted += 1;
    }
  }
  return date;
}

/**
 * startDate + n days; if that day is not a working day, the first working day after it.
 * 民事诉讼法 第八十五条 (and 民法典 第二百零三条) move the last day of a period off a 法定休假日,
 * applied here by analogy to administrative periods; in practice 法定休假日 covers both the
 * holidays of the State Council notice and the weekly rest days, so any non-working day extends.
 */
export function addCalendarDays(calendar: WorkingDayCalendar, startDate: CalendarDate, n: number): CalendarDate {
  assertCalendarDate(startDate);
  assertPositiveInteger(n, 'n');
  return firstWorkingDayOnOrAfter(calendar, addDays(startDate, n));
}

/**
 * The same day of the month n months later, or that month's last day when it has no such day
 * (民法典 第二百零二条: 到期月的对应日, 没有对应日的, 月末日), then extended off non-working days
 * like addCalendarDays.
 */
export function addMonths(calendar: WorkingDayCalendar, startDate: CalendarDate, n: number): CalendarDate {
  assertCalendarDate(startDate);
  assertPositiveInteger(n, 'n');
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + n;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return firstWorkingDayOnOrAfter(calendar, formatDate(targetYear, targetMonth, targetDay));
}

/**
 * Working days after fromDate up to and including toDate; 0 when toDate is not after fromDate.
 * E.g. whether a hearing date leaves the 7 working days' notice of 行政处罚法 第六十四条, or
 * whether an urge notice (催告, 行政强制法 第五十四条) is at least 10 working days old.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, fromDate: CalendarDate, toDate: CalendarDate): number {
  assertCalendarDate(fromDate);
  assertCalendarDate(toDate);
  let count = 0;
  for (let date = addDays(fromDate, 1); compareDates(date, toDate) <= 0; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) {
      count += 1;
    }
  }
  return count;
}

/** date itself when it is a working day, else the next working day. */
export function firstWorkingDayOnOrAfter(calendar: WorkingDayCalendar, date: CalendarDate): CalendarDate {
  assertCalendarDate(date);
  let candidate = date;
  while (!calendar.isWorkingDay(candidate)) {
    candidate = addDays(candidate, 1);
  }
  return candidate;
}

function assertPositiveInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
