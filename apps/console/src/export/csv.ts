type Cell = string | number | boolean | null | undefined;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
function field(value: Cell): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A table as CSV text, with a byte-order mark so spreadsheet programs read the Chinese as UTF-8. */
export function csvText(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Saves what a page shows as a CSV file (a bounded page or report, built in the browser). */
export function saveCsv(filename: string, header: string[], rows: Cell[][]): void {
  const url = URL.createObjectURL(new Blob([csvText(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The download has started from the URL by the time the click returns; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
