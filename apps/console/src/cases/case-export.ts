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
 * EXPORT_CAP cases), each page from the `next` cursor of the one before, so no request reads further into the store
 * than its own page and the export needs no route of its own. Filters and sort order are the list's; the cursor and
 * page size are the export's own.
 */
export async function exportCases(
  query: CaseSearchQuery,
  onProgress: (p: ExportProgress) => void,
): Promise<{ csv: string; total: number; rows: number }> {
  const items: CaseSearchItem[] = [];
  let total: number;
  let after: string | undefined;
  const { page: _page, ...filters } = query;
  do {
    const { body } = await api<CaseSearchPage>('/cases', {
      query: { ...filters, pageSize: EXPORT_PAGE_SIZE, ...(after === undefined ? {} : { after }) },
    });
    total = body.total;
    items.push(...body.items.slice(0, EXPORT_CAP - items.length));
    onProgress({ read: items.length, of: Math.min(total, EXPORT_CAP), total });
    after = body.next ?? undefined;
  } while (after !== undefined && items.length < EXPORT_CAP);
  return { csv: casesCsv(items), total, rows: items.length };
}
