/*
 * Check functions for the identifiers of a party (当事人) to an enforcement case. Shared by the
 * API's input validation and by domain code, so this file imports nothing.
 *
 * Both checks are strict about form: upper-case letters only, no spaces. Callers that accept
 * hand-typed input (a lower-case 'x' in an ID number is common) normalise before checking.
 */

/** GB 32100-2015: the 31 code characters, in value order 0..30 (no I, O, Z, S, V). */
const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015 section 4 and appendix B:
 * 18 characters; the 18th is a check character computed from the first 17 as
 * 31 - (Σ value(cᵢ) × wᵢ mod 31), where a result of 31 is written '0'.
 *
 * The structure of positions 1-2 (registration authority and organisation type) is deliberately
 * not checked: the code lists behind them are extended over time, and the check character
 * already catches typing errors.
 */
export function isValidCreditCode(code: string): boolean {
  if (!CREDIT_CODE_PATTERN.test(code)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_CHARSET.indexOf(code.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return code.charAt(17) === CREDIT_CODE_CHARSET.charAt(check);
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_CHARS = '10X98765432';
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;

/**
 * 公民身份号码, as printed on the 居民身份证 (resident identity card), GB 11643-1999: 6-digit address code, 8-digit birth
 * date YYYYMMDD, 3-digit sequence code, and a check character given by ISO 7064 MOD 11-2:
 * '10X98765432'[Σ digitᵢ × wᵢ mod 11]. The birth date must be a real date.
 *
 * Only the 18-character form is accepted; 15-digit first-generation numbers were withdrawn.
 * Whether the birth date lies in the past needs today's date, so it is left to the caller.
 */
export function isValidResidentIdNumber(id: string): boolean {
  if (!RESIDENT_ID_PATTERN.test(id) || !isRealDate(id.slice(6, 14))) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(id.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  }
  return id.charAt(17) === RESIDENT_ID_CHECK_CHARS.charAt(sum % 11);
}

/** yyyymmdd in the Gregorian calendar; years before 1800 cannot belong to a living holder. */
function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (monthLengths[month - 1] ?? 0);
}
