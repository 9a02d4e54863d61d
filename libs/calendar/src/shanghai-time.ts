import { assertCalendarDate, CalendarDate, isCalendarDate } from './calendar-date';
import { lastMomentOfShanghaiDay } from './periods';

/*
 * Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for
 * every date this system handles and needs no time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The Shanghai calendar date of an instant. The string must carry 'Z' or an offset: without one,
 * JavaScript reads it in the server's local zone and the answer would depend on the host.
 */
export function toShanghaiDate(isoDateTime: string): CalendarDate {
  const ms = parseInstant(isoDateTime);
  if (ms === null) {
    throw new RangeError(`不是带时区的 ISO 8601 时间 (not an ISO 8601 date-time with Z or an offset): ${JSON.stringify(isoDateTime)}`);
  }
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant (ms since the epoch) of an ISO 8601 date-time with 'Z' or an offset; null for anything else. The one
 * parser of such moments: checked by hand because Date.parse rolls impossible dates over ('2026-02-30' becomes
 * 03-02), accepts 24:00 and reads a value without an offset in the host's zone.
 */
export function parseInstant(isoDateTime: string): number | null {
  const match = ISO_INSTANT.exec(isoDateTime);
  const ms = match && isCalendarDate(match[1]) ? Date.parse(isoDateTime) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** The last millisecond of a Shanghai date, e.g. the moment a period ending that day runs out. */
export function endOfShanghaiDay(date: CalendarDate): string {
  assertCalendarDate(date);
  return lastMomentOfShanghaiDay(date);
}

/**
 * The Shanghai year of a moment as Date.parse reads it (any ISO 8601 form: a date alone is UTC midnight), for a
 * report's default year. Unparseable text is a RangeError.
 */
export function shanghaiYearOf(moment: string): number {
  return Number(new Date(Date.parse(moment) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 4));
}
