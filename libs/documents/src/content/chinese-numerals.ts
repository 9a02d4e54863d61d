/**
 * Amounts and dates as Chinese documents write them: money in capital numerals (大写, as receipts and decisions
 * state a fine so that it cannot be altered) and dates in Chinese characters (二〇二六年九月一日).
 */

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CAPITAL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/** A whole non-negative number in capital numerals: 10500 → 壹万零伍佰; one 零 stands for any run of zeros. */
function wholeInCapitals(n: number): string {
  const s = String(n);
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const pos = s.length - 1 - i;
    if (d === 0) zeroPending = true;
    else {
      if (zeroPending && out) out += '零';
      zeroPending = false;
      out += CAPITAL_DIGITS[d] + CAPITAL_UNITS[pos % 4];
    }
    // The last digit of a group of four: name the group (万, 亿) unless all four are zero.
    if (pos % 4 === 0 && pos > 0 && Number(s.slice(Math.max(0, i - 3), i + 1)) !== 0) out += GROUP_UNITS[pos / 4];
  }
  return out || '零';
}

/**
 * 人民币 and the amount in capitals, to the fen: whole yuan end in 元整 (人民币贰万元整); 角 and 分 follow the 元, with
 * 零 where the 角 is zero (壹拾贰元零伍分). Throws on a negative, non-finite or sub-fen amount: a fine is never one.
 */
export function yuanInCapitals(amountYuan: number): string {
  const fen = Math.round(amountYuan * 100);
  if (!Number.isFinite(amountYuan) || amountYuan < 0 || Math.abs(fen - amountYuan * 100) > 1e-6 || fen > Number.MAX_SAFE_INTEGER)
    throw new RangeError(`not an amount in yuan and fen: ${amountYuan}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const whole = yuan > 0 || (jiao === 0 && cents === 0) ? `${wholeInCapitals(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `人民币${whole}整`;
  const jiaoText = jiao > 0 ? `${CAPITAL_DIGITS[jiao]}角` : whole ? '零' : '';
  const centsText = cents > 0 ? `${CAPITAL_DIGITS[cents]}分` : '';
  return `人民币${whole}${jiaoText}${centsText}`;
}

/** The amount in figures as the same documents write it beside the capitals: 20000 → 20,000.00元. */
export function yuanInFigures(amountYuan: number): string {
  const [whole, fraction] = amountYuan.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}元`;
}

const DATE_DIGITS = '〇一二三四五六七八九';

/** 1–31 in characters as dates say them: 十, 十一, 二十, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DATE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DATE_DIGITS[tens]}十${ones ? DATE_DIGITS[ones] : ''}`;
}

/** A YYYY-MM-DD date in characters: 2026-09-01 → 二〇二六年九月一日 (the year digit by digit, with 〇 for zero). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const [, y, mo, d] = m;
  const year = [...y].map((c) => DATE_DIGITS[Number(c)]).join('');
  return `${year}年${smallNumber(Number(mo))}月${smallNumber(Number(d))}日`;
}

/** A count in characters for periods stated in words (三个工作日, 六十日, 六个月); 1–99. */
export function countInWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`not a count of 1–99: ${n}`);
  return smallNumber(n);
}
