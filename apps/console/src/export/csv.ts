export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. A text starting with
 * = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a spreadsheet shows a party's name instead
 * of running it as a formula; numbers stay numbers.
 */
function field(value: Cell): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A table as CSV text that Excel opens correctly in Chinese: UTF-8 with a byte-order mark (without it Excel reads the
 * file in the system code page) and CRLF line ends.
 */
export function csvText(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
