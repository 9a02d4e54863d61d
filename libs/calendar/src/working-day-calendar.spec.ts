import { isWorkday } from 'chinese-days';
import { addDays, compareDates } from './calendar-date';
import { CalendarYearNotCoveredError, WorkingDayCalendar } from './working-day-calendar';

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  it('covers 2004 through at least 2026 from chinese-days, without gaps', () => {
    const years = calendar.coveredYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2003)).toBe(false);
  });

  it('agrees with chinese-days itself on every covered day', () => {
    const years = calendar.coveredYears();
    const last = `${years[years.length - 1]}-12-31`;
    for (let date = `${years[0]}-01-01`; compareDates(date, last) <= 0; date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date) !== isWorkday(date)) {
        throw new Error(`disagreement on ${date}`);
      }
    }
  });

  it('knows the 2026 National Day arrangement (国办发明电〔2025〕7号)', () => {
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    for (let day = 1; day <= 7; day += 1) {
      expect(calendar.isWorkingDay(`2026-10-0${day}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('refuses a year it has no data for, naming the year', () => {
    expect(() => calendar.isWorkingDay('2031-03-03')).toThrow(CalendarYearNotCoveredError);
    expect(() => calendar.isWorkingDay('2031-03-03')).toThrow('没有 2031 年的节假日数据 (no holiday calendar data for 2031)');
    try {
      calendar.isWorkingDay('2031-01-01');
    } catch (error) {
      expect(error).toMatchObject({ year: 2031 });
    }
    expect.assertions(3);
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-29')).toThrow('not a valid YYYY-MM-DD date');
    expect(() => calendar.isWorkingDay('2026-9-1')).toThrow('not a valid YYYY-MM-DD date');
  });

  describe('with overrides', () => {
    // Invented 2031 arrangement: test data only, not a published notice.
    const with2031 = new WorkingDayCalendar({
      years: {
        '2031': {
          holidays: ['2030-12-31', '2031-01-01', '2031-10-01', '2031-10-02', '2031-10-03'],
          workdays: ['2031-09-28'],
        },
      },
    });

    it('adds a year the package does not have', () => {
      expect(with2031.hasYear(2031)).toBe(true);
      expect(with2031.coveredYears()).toContain(2031);
      expect(with2031.isWorkingDay('2031-01-01')).toBe(false);
      expect(with2031.isWorkingDay('2031-01-02')).toBe(true);
      expect(with2031.isWorkingDay('2031-09-28')).toBe(true);
      expect(with2031.isWorkingDay('2031-10-03')).toBe(false);
      expect(with2031.isWorkingDay('2031-10-06')).toBe(true);
    });

    it('applies a previous-December date without covering that year', () => {
      expect(with2031.hasYear(2030)).toBe(false);
      expect(() => with2031.isWorkingDay('2030-12-31')).toThrow('没有 2030 年的节假日数据');
      const withBoth = new WorkingDayCalendar({
        years: {
          '2030': { holidays: ['2030-01-01'], workdays: [] },
          '2031': { holidays: ['2030-12-31', '2031-01-01'], workdays: [] },
        },
      });
      expect(withBoth.isWorkingDay('2030-12-31')).toBe(false);
      expect(withBoth.isWorkingDay('2030-12-30')).toBe(true);
    });

    it('replaces, not merges, what the package has for an overridden year', () => {
      const replaced = new WorkingDayCalendar({ years: { '2026': { holidays: ['2026-01-01'], workdays: [] } } });
      expect(replaced.isWorkingDay('2026-01-01')).toBe(false);
      expect(replaced.isWorkingDay('2026-10-01')).toBe(true);
      expect(replaced.isWorkingDay('2026-10-10')).toBe(false);
      expect(replaced.isWorkingDay('2025-10-01')).toBe(false);
      expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    });

    it('validates an override object passed directly', () => {
      expect(() => new WorkingDayCalendar({ years: { '2031': { holidays: ['2031-02-30'], workdays: [] } } })).toThrow(
        'years.2031.holidays[0]: "2031-02-30" is not a real YYYY-MM-DD date',
      );
    });
  });
});
