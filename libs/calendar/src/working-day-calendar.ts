import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { assertCalendarDate, CalendarDate, dayOfWeek, yearOf } from './calendar-date';
import { CalendarOverrides, validateCalendarOverrides } from './calendar-overrides';

/**
 * Thrown instead of guessing: a year without the State Council's holiday notice would otherwise
 * fall back to "Monday–Friday are working days", which silently gets 行政处罚法 第八十五条
 * deadlines wrong around 元旦, 春节 and 国庆 (the `chinese-days` package itself does exactly that:
 * its isWorkday('2031-01-01') is true).
 */
export class CalendarYearNotCoveredError extends Error {
  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
  ) {
    super(`没有 ${year} 年的节假日数据 (no holiday calendar data for ${year})`);
    this.name = 'CalendarYearNotCoveredError';
  }
}

type DayKind = 'holiday' | 'workday';

interface HolidayData {
  days: ReadonlyMap<CalendarDate, DayKind>;
  years: ReadonlySet<number>;
}

/**
 * Working days in mainland China: Monday–Friday, minus the days off (放假) of the State Council's
 * yearly notice, plus the weekend days it turns into working days (调休上班).
 *
 * Sources, in order:
 * 1. `chinese-days`' published data file (dist/chinese-days.json: { holidays, workdays, inLieuDays },
 *    each keyed by 'YYYY-MM-DD'). Its JS API has no list of years and answers for any year, so the
 *    years are read from the data: a year counts as covered when 'YYYY-01-01' is a holiday, because
 *    元旦 is a day off every year (全国年节及纪念日放假办法 第二条) and only that year's notice
 *    lists it. Stray December dates from the next year's notice (2018-12-30 in the 2019 notice)
 *    therefore never make a year look covered.
 * 2. Overrides (see calendar-overrides.ts). Each override year REPLACES the package's entries dated
 *    in that year and becomes covered; dates it lists from the previous December override the
 *    package for those dates only. Dates not listed keep the weekday rule.
 */
export class WorkingDayCalendar {
  private readonly days: ReadonlyMap<CalendarDate, DayKind>;
  private readonly years: ReadonlySet<number>;
  private readonly sortedYears: readonly number[];

  constructor(overrides?: CalendarOverrides) {
    const base = packageHolidayData();
    const days = new Map(base.days);
    const years = new Set(base.years);
    if (overrides) {
      const checked = validateCalendarOverrides(overrides);
      const overrideYears = Object.keys(checked.years).map(Number);
      for (const date of base.days.keys()) {
        if (overrideYears.includes(yearOf(date))) {
          days.delete(date);
        }
      }
      for (const [yearKey, entry] of Object.entries(checked.years)) {
        years.add(Number(yearKey));
        entry.holidays.forEach((date) => days.set(date, 'holiday'));
        entry.workdays.forEach((date) => days.set(date, 'workday'));
      }
    }
    this.days = days;
    this.years = years;
    this.sortedYears = [...years].sort((a, b) => a - b);
  }

  /** Throws CalendarYearNotCoveredError for a date in a year without holiday data. */
  isWorkingDay(date: CalendarDate): boolean {
    assertCalendarDate(date);
    const year = yearOf(date);
    if (!this.years.has(year)) {
      throw new CalendarYearNotCoveredError(year, this.sortedYears);
    }
    const kind = this.days.get(date);
    if (kind !== undefined) {
      return kind === 'workday';
    }
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Ascending. */
  coveredYears(): number[] {
    return [...this.sortedYears];
  }
}

let packageData: HolidayData | undefined;

function packageHolidayData(): HolidayData {
  packageData ??= parsePackageData(chineseDaysData);
  return packageData;
}

/** Checked at run time so that a package upgrade that changes the file fails loudly here. */
function parsePackageData(raw: unknown): HolidayData {
  const holidays = readDateKeys(raw, 'holidays');
  const workdays = readDateKeys(raw, 'workdays');
  const days = new Map<CalendarDate, DayKind>();
  holidays.forEach((date) => days.set(date, 'holiday'));
  workdays.forEach((date) => days.set(date, 'workday'));
  const years = new Set(holidays.filter((date) => date.endsWith('-01-01')).map(yearOf));
  return { days, years };
}

function readDateKeys(raw: unknown, field: 'holidays' | 'workdays'): CalendarDate[] {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
  if (typeof section !== 'object' || section === null) {
    throw new Error(`chinese-days/dist/chinese-days.json has no "${field}" object; check the package version`);
  }
  const dates = Object.keys(section);
  dates.forEach((date) => assertCalendarDate(date));
  return dates;
}
