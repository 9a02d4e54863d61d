import { readFileSync } from 'node:fs';
import { dayOfWeek, isCalendarDate, yearOf } from './calendar-date';

/**
 * Holiday data that administrators add on top of the `chinese-days` package, normally the State
 * Council's 部分节假日安排的通知 for next year, published each November, before a package release
 * carries it. File shape:
 *
 *   { "years": { "2027": { "holidays": ["2027-01-01", ...], "workdays": ["2027-02-07", ...] } } }
 *
 * - Each key of `years` is the year of the notice. Listing a year makes that year covered and
 *   REPLACES everything the package has dated in that year: the override must hold the year's whole
 *   notice, not just corrections (see WorkingDayCalendar).
 * - `holidays`: days off under the notice (放假), including weekend days inside a holiday block.
 * - `workdays`: weekend days made working days (调休上班). Only Saturdays/Sundays are accepted,
 *   because a weekday listed there would change nothing and is almost certainly a typo.
 * - A notice may reach back into the previous December (the 2019 notice made 2018-12-29 a working
 *   day and 2018-12-30/31 days off), so dates in December of the year before are accepted too.
 */
export interface CalendarOverrideYear {
  holidays: string[];
  workdays: string[];
}

export interface CalendarOverrides {
  years: Record<string, CalendarOverrideYear>;
}

export class CalendarOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarOverrideError';
  }
}

/** Reads and validates an override JSON file; every problem names the file and the JSON path. */
export function loadCalendarOverrides(path: string): CalendarOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CalendarOverrideError(`无法读取节假日覆盖文件 (cannot read calendar override file) ${path}: ${describe(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CalendarOverrideError(`节假日覆盖文件不是有效的 JSON (calendar override file is not valid JSON) ${path}: ${describe(error)}`);
  }
  return validateCalendarOverrides(parsed, path);
}

/** Checks an already parsed value against the override format; returns a normalised copy. */
export function validateCalendarOverrides(value: unknown, source = 'calendar overrides'): CalendarOverrides {
  const fail = (at: string, problem: string): never => {
    throw new CalendarOverrideError(`节假日覆盖数据无效 (invalid calendar overrides) ${source}: ${at}: ${problem}`);
  };

  if (!isPlainObject(value)) {
    return fail('(root)', 'expected an object { "years": { ... } }');
  }
  rejectUnknownKeys(value, ['years'], '(root)', fail);
  if (!isPlainObject(value.years)) {
    return fail('years', 'expected an object keyed by year, e.g. { "2027": { ... } }');
  }

  const years: Record<string, CalendarOverrideYear> = {};
  const seen = new Map<string, string>();
  for (const [yearKey, entry] of Object.entries(value.years)) {
    const at = `years.${yearKey}`;
    if (!/^[1-9]\d{3}$/.test(yearKey)) {
      fail(at, 'year keys must be four-digit years such as "2027"');
    }
    if (!isPlainObject(entry)) {
      return fail(at, 'expected { "holidays": [...], "workdays": [...] }');
    }
    rejectUnknownKeys(entry, ['holidays', 'workdays'], at, fail);
    const year = Number(yearKey);
    const holidays = readDateList(entry.holidays, year, `${at}.holidays`, fail);
    const workdays = readDateList(entry.workdays, year, `${at}.workdays`, fail);
    if (!holidays.some((date) => yearOf(date) === year)) {
      fail(`${at}.holidays`, `must list the ${year} holidays (at least 元旦 ${year}-01-01)`);
    }
    workdays.forEach((date, index) => {
      const weekday = dayOfWeek(date);
      if (weekday !== 0 && weekday !== 6) {
        fail(`${at}.workdays[${index}]`, `${date} is a weekday; list only weekend days made working days (调休上班)`);
      }
    });
    for (const [kind, dates] of [
      ['holidays', holidays],
      ['workdays', workdays],
    ] as const) {
      dates.forEach((date, index) => {
        const place = `${at}.${kind}[${index}]`;
        const earlier = seen.get(date);
        if (earlier !== undefined) {
          fail(place, `${date} is already listed at ${earlier}`);
        }
        seen.set(date, place);
      });
    }
    years[yearKey] = { holidays, workdays };
  }
  return { years };
}

type Fail = (at: string, problem: string) => never;

function readDateList(value: unknown, year: number, at: string, fail: Fail): string[] {
  if (!Array.isArray(value)) {
    return fail(at, 'expected an array of "YYYY-MM-DD" dates (use [] for none)');
  }
  return value.map((date: unknown, index) => {
    if (!isCalendarDate(date)) {
      return fail(`${at}[${index}]`, `${JSON.stringify(date)} is not a real YYYY-MM-DD date`);
    }
    const inYear = yearOf(date) === year;
    const inPreviousDecember = yearOf(date) === year - 1 && date.slice(5, 7) === '12';
    if (!inYear && !inPreviousDecember) {
      fail(`${at}[${index}]`, `${date} is outside ${year} (only ${year - 1}-12 dates may precede it)`);
    }
    return date;
  });
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: string[], at: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail(at, `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Duck-typed: errors thrown by node:fs may come from another realm (e.g. under jest). */
function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}
