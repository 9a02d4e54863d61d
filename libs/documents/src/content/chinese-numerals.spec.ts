import { chineseDate, countInWords, yuanInCapitals, yuanInFigures } from './chinese-numerals';

describe('amounts in capital numerals', () => {
  it.each([
    [20000, '人民币贰万元整'],
    [8000, '人民币捌仟元整'],
    [10500, '人民币壹万零伍佰元整'],
    [100000, '人民币壹拾万元整'],
    [1005, '人民币壹仟零伍元整'],
    [1010000, '人民币壹佰零壹万元整'],
    [100010000, '人民币壹亿零壹万元整'],
    [30000, '人民币叁万元整'],
    [0, '人民币零元整'],
    [12.05, '人民币壹拾贰元零伍分'],
    [12.5, '人民币壹拾贰元伍角'],
    [0.35, '人民币叁角伍分'],
    [0.05, '人民币伍分'],
    [999999.99, '人民币玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%d yuan → %s', (amount, text) => {
    expect(yuanInCapitals(amount)).toBe(text);
  });

  it('refuses what is not an amount of yuan and fen', () => {
    expect(() => yuanInCapitals(-1)).toThrow(RangeError);
    expect(() => yuanInCapitals(1.234)).toThrow(RangeError);
    expect(() => yuanInCapitals(Number.NaN)).toThrow(RangeError);
  });

  it('writes figures with thousands separators and fen', () => {
    expect(yuanInFigures(20000)).toBe('20,000.00元');
    expect(yuanInFigures(8000.5)).toBe('8,000.50元');
    expect(yuanInFigures(999)).toBe('999.00元');
  });
});

describe('dates and counts in characters', () => {
  it.each([
    ['2026-09-01', '二〇二六年九月一日'],
    ['2026-10-10', '二〇二六年十月十日'],
    ['2026-11-21', '二〇二六年十一月二十一日'],
    ['2030-12-31', '二〇三〇年十二月三十一日'],
    ['2027-02-19', '二〇二七年二月十九日'],
  ])('%s → %s', (iso, text) => {
    expect(chineseDate(iso)).toBe(text);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => chineseDate('2026-9-1')).toThrow(RangeError);
  });

  it('writes period counts', () => {
    expect([3, 5, 10, 15, 60, 6].map(countInWords)).toEqual(['三', '五', '十', '十五', '六十', '六']);
    expect(() => countInWords(0)).toThrow(RangeError);
  });
});
