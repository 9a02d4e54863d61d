import { api } from '../api/client';
import type { CaseSearchItem, CaseSearchPage, CaseSearchQuery } from '../api/types';
import { casesCsv } from './case-csv';

/** The largest page GET /cases answers (CaseSearchDto: pageSize ≤ 200). */
export const EXPORT_PAGE_SIZE = 200;
/** At most this many cases per file: a wider export is a sign the search should be narrowed first. */
export const EXPORT_CAP = 5000;

export interface ExportProgress {
  read: number;
  /** What will be exported: the search's total, or the cap when the total is above it. */
  of: number;
  total: number;
}

/**
 * 导出 CSV: the current search, read from the public GET /cases page by page (200 cases a request, at most
 * EXPORT_CAP cases), so no single answer grows with the size of the store and the export needs no route of its own.
 * Filters and sort order are the list's; the page number and size are the export's own.
 */
export async function exportCases(
  query: CaseSearchQuery,
  onProgress: (p: ExportProgress) => void,
): Promise<{ csv: string; total: number; rows: number }> {
  const items: CaseSearchItem[] = [];
  let total = Infinity;
  for (let page = 1; items.length < Math.min(total, EXPORT_CAP); page += 1) {
    const { body } = await api<CaseSearchPage>('/cases', { query: { ...query, page, pageSize: EXPORT_PAGE_SIZE } });
    total = body.total;
    items.push(...body.items.slice(0, EXPORT_CAP - items.length));
    onProgress({ read: items.length, of: Math.min(total, EXPORT_CAP), total });
    if (body.items.length < EXPORT_PAGE_SIZE) break;
  }
  return { csv: casesCsv(items), total: Number.isFinite(total) ? total : 0, rows: items.length };
}
