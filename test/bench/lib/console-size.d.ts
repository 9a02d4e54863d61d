/** Types of console-size.js (plain JavaScript, run by node in the bench and imported by a jest test). */
export interface InitialJs {
  chunks: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  all: string[];
}
export const BUDGET_GZIP_BYTES: number;
export function initialJs(dir: string): InitialJs;
export function staticImports(code: string): string[];
