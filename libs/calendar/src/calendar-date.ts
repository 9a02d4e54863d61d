/**
 * A calendar date in Asia/Shanghai, written 'YYYY-MM-DD'.
 *
 * Statutory periods are counted in whole days (行政处罚法 第八十五条, 民法典 第二百零一条), so the
 * clock works on dates, not instants. Arithmetic below uses UTC internally only because UTC has no
 * DST and no local-time surprises; the strings themselves mean Shanghai dates.
 */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

export class InvalidCalendarDateError extends Error {
  constructor(readonly value: unknown) {
    super(`不是有效的日期 (not a valid YYYY-MM-DD date): ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

/** True for a 'YYYY-MM-DD' string naming a real date (rejects 2026-02-30). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && toEpochDay(value) !== undefined;
}

export function assertCalendarDate(value: unknown): asserts value is CalendarDate {
  if (!isCalendarDate(value)) {
    throw new InvalidCalendarDateError(value);
  }
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(epochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(epochDay(date) * MS_PER_DAY).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return epochDay(a) - epochDay(b);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function epochDay(date: CalendarDate): number {
  const day = toEpochDay(date);
  if (day === undefined) {
    throw new InvalidCalendarDateError(date);
  }
  return day;
}

function toEpochDay(value: string): number | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
