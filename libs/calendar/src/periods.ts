import { CalendarDate, formatDate } from './calendar-date';

/*
 * Reporting periods in Asia/Shanghai (UTC+8 without daylight saving since 1991, see shanghai-time.ts): a year or a
 * quarter is the half-open span [first moment of its first day, first moment of the day after its last). The
 * moments carry the +08:00 offset, so they compare as the same instants whatever the server's zone.
 */
const OFFSET = '+08:00';

/** The first moment of a Shanghai date (a 'YYYY-MM-DD' string, checked where it comes in). */
export function startOfShanghaiDay(date: CalendarDate): string {
  return `${date}T00:00:00${OFFSET}`;
}

/** The last millisecond of a Shanghai date (a 'YYYY-MM-DD' string, checked where it comes in): a day range's inclusive end. */
export function lastMomentOfShanghaiDay(date: CalendarDate): string {
  return `${date}T23:59:59.999${OFFSET}`;
}

export interface ShanghaiPeriod {
  /** The first day of the period. */
  fromDay: CalendarDate;
  /** The day after its last day. */
  toDay: CalendarDate;
  /** The first moment of `fromDay`. */
  from: string;
  /** The first moment of `toDay`: the end, excluded. */
  to: string;
}

/** A calendar year in Asia/Shanghai, or one of its quarters (1–4: January–March, …, October–December). */
export function shanghaiPeriod(year: number, quarter?: number): ShanghaiPeriod {
  if (!Number.isInteger(year) || year < 0) throw new RangeError(`不是有效的年份 (not a valid year): ${year}`);
  if (quarter !== undefined && !(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4))
    throw new RangeError(`季度须为 1–4 (quarter must be 1–4): ${quarter}`);
  const [first, afterLast] = quarter === undefined ? [1, 13] : [(quarter - 1) * 3 + 1, quarter * 3 + 1];
  const fromDay = formatDate(year, first, 1);
  const toDay = afterLast > 12 ? formatDate(year + 1, 1, 1) : formatDate(year, afterLast, 1);
  return { fromDay, toDay, from: startOfShanghaiDay(fromDay), to: startOfShanghaiDay(toDay) };
}
