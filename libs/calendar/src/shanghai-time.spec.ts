import { endOfShanghaiDay, parseInstant, toShanghaiDate } from './shanghai-time';

describe('Shanghai time', () => {
  it.each([
    ['2026-09-28T15:59:59.999Z', '2026-09-28'],
    ['2026-09-28T16:00:00Z', '2026-09-29'],
    ['2026-09-29T00:30:00+08:00', '2026-09-29'],
    ['2026-09-28T11:00:00-05:00', '2026-09-29'],
    ['2026-12-31T16:00Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(toShanghaiDate(instant)).toBe(date);
  });

  it.each(['2026-09-29', '2026-09-29T10:00:00', '2026-02-30T10:00:00Z', '2026-09-29T24:00:00Z', 'yesterday'])('rejects %p', (value) => {
    expect(() => toShanghaiDate(value)).toThrow(RangeError);
  });

  it('parses an instant with Z or an offset, and nothing else', () => {
    expect(parseInstant('2026-09-29T10:00:00+08:00')).toBe(Date.parse('2026-09-29T02:00:00Z'));
    expect(parseInstant('2026-09-29T02:00:00.5Z')).toBe(Date.parse('2026-09-29T02:00:00.500Z'));
    for (const bad of [
      '2026-02-30T10:00:00+08:00',
      '2026-02-30',
      '2026-09-29T24:00:00Z',
      '2026-09-29T10:00:00',
      ' 2026-09-29T10:00:00Z',
      '',
    ])
      expect(parseInstant(bad)).toBeNull();
  });

  it('gives the last millisecond of a Shanghai day', () => {
    expect(endOfShanghaiDay('2026-10-12')).toBe('2026-10-12T23:59:59.999+08:00');
    expect(toShanghaiDate(endOfShanghaiDay('2026-10-12'))).toBe('2026-10-12');
    expect(Date.parse(endOfShanghaiDay('2026-10-12'))).toBe(Date.parse('2026-10-12T16:00:00Z') - 1);
    expect(() => endOfShanghaiDay('2026-13-01')).toThrow('not a valid YYYY-MM-DD date');
  });
});
