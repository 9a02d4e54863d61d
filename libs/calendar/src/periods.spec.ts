import { lastMomentOfShanghaiDay, shanghaiPeriod, startOfShanghaiDay } from './periods';
import { endOfShanghaiDay, shanghaiYearOf, toShanghaiDate } from './shanghai-time';

describe('reporting periods in Asia/Shanghai', () => {
  it('a year runs from its first Shanghai midnight to the next year’s', () => {
    expect(shanghaiPeriod(2026)).toEqual({
      fromDay: '2026-01-01',
      toDay: '2027-01-01',
      from: '2026-01-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
    // That is 16:00 UTC on the last day of the year before.
    expect(new Date(shanghaiPeriod(2026).from).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it.each([
    [1, '2026-01-01', '2026-04-01'],
    [2, '2026-04-01', '2026-07-01'],
    [3, '2026-07-01', '2026-10-01'],
    [4, '2026-10-01', '2027-01-01'],
  ])('quarter %i is [%s, %s)', (quarter, fromDay, toDay) => {
    expect(shanghaiPeriod(2026, quarter)).toEqual({ fromDay, toDay, from: `${fromDay}T00:00:00+08:00`, to: `${toDay}T00:00:00+08:00` });
  });

  it('the quarters tile the year: each ends where the next begins', () => {
    const quarters = [1, 2, 3, 4].map((q) => shanghaiPeriod(2027, q));
    expect(quarters[0].from).toBe(shanghaiPeriod(2027).from);
    expect(quarters[3].to).toBe(shanghaiPeriod(2027).to);
    for (let i = 1; i < 4; i++) expect(quarters[i].from).toBe(quarters[i - 1].to);
  });

  it.each([
    [2026, 0],
    [2026, 5],
    [2026, 1.5],
    [2026.5, undefined],
    [Number.NaN, undefined],
  ])('refuses year %p quarter %p', (year, quarter) => {
    expect(() => shanghaiPeriod(year, quarter)).toThrow(RangeError);
  });

  it('a day range includes both days, to the last millisecond of the second', () => {
    expect(startOfShanghaiDay('2026-09-29')).toBe('2026-09-29T00:00:00+08:00');
    expect(lastMomentOfShanghaiDay('2026-09-29')).toBe('2026-09-29T23:59:59.999+08:00');
    expect(toShanghaiDate(startOfShanghaiDay('2026-09-29'))).toBe('2026-09-29');
    expect(toShanghaiDate(lastMomentOfShanghaiDay('2026-09-29'))).toBe('2026-09-29');
    expect(Date.parse(lastMomentOfShanghaiDay('2026-09-29')) + 1).toBe(Date.parse(startOfShanghaiDay('2026-09-30')));
    expect(endOfShanghaiDay('2026-09-29')).toBe(lastMomentOfShanghaiDay('2026-09-29'));
  });

  it.each([
    ['2026-12-31T15:59:59.999Z', 2026],
    ['2026-12-31T16:00:00Z', 2027],
    ['2027-01-01T00:00:00+08:00', 2027],
    ['2026-12-31T23:59:59+08:00', 2026],
    ['2026-06-01', 2026],
  ])('the Shanghai year of %s is %i', (moment, year) => {
    expect(shanghaiYearOf(moment)).toBe(year);
  });

  it('refuses a moment it cannot read', () => {
    expect(() => shanghaiYearOf('next year')).toThrow(RangeError);
  });
});
