import { csvText, type Cell } from './csv';

/** Hands a text to the browser as a file download. */
export function saveTextFile(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), filename);
}

/** Hands bytes to the browser as a file download (a document or evidence file fetched with the session's token). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The download has started from the URL by the time the click returns; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves what a page shows as a CSV file (a bounded page or report, built in the browser). */
export function saveCsv(filename: string, header: string[], rows: Cell[][]): void {
  saveTextFile(csvText(header, rows), filename);
}
