import { addCalendarDays, addMonths, addWorkingDays, firstWorkingDayOnOrAfter, workingDaysBetween } from './statutory-periods';
import { CalendarYearNotCoveredError, WorkingDayCalendar } from './working-day-calendar';

describe('statutory periods', () => {
  const calendar = new WorkingDayCalendar();

  describe('worked example: penalty notice served Tue 2026-09-29', () => {
    // National Day 2026-10-01..07 off; Saturday 2026-10-10 is a make-up working day.
    it('3-working-day statement period (陈述申辩) ends 2026-10-09', () => {
      expect(addWorkingDays(calendar, '2026-09-29', 3)).toBe('2026-10-09');
    });

    it('5-working-day hearing-request period (要求听证) ends 2026-10-12', () => {
      expect(addWorkingDays(calendar, '2026-09-29', 5)).toBe('2026-10-12');
    });

    it('the make-up Saturday is the 4th working day', () => {
      expect(addWorkingDays(calendar, '2026-09-29', 4)).toBe('2026-10-10');
    });
  });

  it('does not count the start day even when it is a working day', () => {
    expect(addWorkingDays(calendar, '2026-09-14', 1)).toBe('2026-09-15');
    expect(addWorkingDays(calendar, '2026-08-28', 1)).toBe('2026-08-31');
    // Sunday 2026-09-20 is a make-up working day (调休上班) before National Day.
    expect(addWorkingDays(calendar, '2026-09-18', 1)).toBe('2026-09-20');
  });

  it('refuses when the count runs into a year without data', () => {
    const only2030 = new WorkingDayCalendar({ years: { '2030': { holidays: ['2030-01-01'], workdays: [] } } });
    expect(() => addWorkingDays(only2030, '2030-12-27', 5)).toThrow(CalendarYearNotCoveredError);
    expect(() => addWorkingDays(only2030, '2030-12-27', 5)).toThrow('2031');
  });

  describe('addCalendarDays', () => {
    it('is start + n when that is a working day', () => {
      expect(addCalendarDays(calendar, '2026-09-29', 15)).toBe('2026-10-14');
    });

    it('moves an end on a statutory holiday to the next working day', () => {
      expect(addCalendarDays(calendar, '2026-09-16', 15)).toBe('2026-10-08');
    });

    it('moves an end on a weekend rest day to the next working day', () => {
      expect(addCalendarDays(calendar, '2026-08-28', 15)).toBe('2026-09-14');
    });

    it('keeps an end on a make-up working day', () => {
      expect(addCalendarDays(calendar, '2026-09-25', 15)).toBe('2026-10-10');
    });
  });

  describe('addMonths', () => {
    it('clamps to the month end: 2026-01-31 + 1 month is 2026-02-28 (a make-up working Saturday)', () => {
      expect(addMonths(calendar, '2026-01-31', 1)).toBe('2026-02-28');
    });

    it('clamps to 29 February in a leap year', () => {
      expect(addMonths(calendar, '2024-01-31', 1)).toBe('2024-02-29');
    });

    it('extends a clamped end that falls on a rest day', () => {
      expect(addMonths(calendar, '2025-03-31', 2)).toBe('2025-06-03');
    });

    it('crosses year ends', () => {
      expect(addMonths(calendar, '2025-11-01', 3)).toBe('2026-02-02');
      expect(addMonths(calendar, '2024-08-15', 6)).toBe('2025-02-17');
      expect(addMonths(calendar, '2024-03-15', 24)).toBe('2026-03-16');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after fromDate up to and including toDate', () => {
      expect(workingDaysBetween(calendar, '2026-09-29', '2026-10-12')).toBe(5);
      expect(workingDaysBetween(calendar, '2026-09-29', '2026-10-09')).toBe(3);
      expect(workingDaysBetween(calendar, '2026-09-29', '2026-10-07')).toBe(1);
    });

    it('is 0 for the same day or a toDate before fromDate', () => {
      expect(workingDaysBetween(calendar, '2026-09-29', '2026-09-29')).toBe(0);
      expect(workingDaysBetween(calendar, '2026-10-12', '2026-09-29')).toBe(0);
    });

    it('is consistent with addWorkingDays', () => {
      for (const n of [1, 3, 5, 7, 10, 20]) {
        const end = addWorkingDays(calendar, '2026-01-30', n);
        expect(workingDaysBetween(calendar, '2026-01-30', end)).toBe(n);
      }
    });
  });

  it('firstWorkingDayOnOrAfter returns a working day unchanged', () => {
    expect(firstWorkingDayOnOrAfter(calendar, '2026-10-10')).toBe('2026-10-10');
    expect(firstWorkingDayOnOrAfter(calendar, '2026-10-01')).toBe('2026-10-08');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects n = %p', (n) => {
    expect(() => addWorkingDays(calendar, '2026-09-29', n)).toThrow(RangeError);
    expect(() => addCalendarDays(calendar, '2026-09-29', n)).toThrow(RangeError);
    expect(() => addMonths(calendar, '2026-09-29', n)).toThrow(RangeError);
  });
});
