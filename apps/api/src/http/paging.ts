import { ProblemException, problem } from '../problem/problem';

/** A page of a list answer: which page, how many rows, and the rows to skip (20 rows a page unless asked). */
export function paging(q: { page?: number; pageSize?: number }): { page: number; pageSize: number; limit: number; offset: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/**
 * How deep a numbered page may reach (rows skipped before it). An OFFSET is read row by row, so a deeper page costs
 * in proportion to its depth; past this the list must be narrowed (agency, period) instead.
 */
export const MAX_PAGE_DEPTH = 10_000;

/** `paging`, refusing with a 400 naming `page` a page that starts deeper than MAX_PAGE_DEPTH rows. */
export function boundedPaging(q: { page?: number; pageSize?: number }): ReturnType<typeof paging> {
  const p = paging(q);
  if (p.offset + p.limit > MAX_PAGE_DEPTH) {
    const deepest = Math.floor(MAX_PAGE_DEPTH / p.pageSize);
    throw new ProblemException(
      problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
        detail: `page: 至多翻到第 ${deepest} 页（前 ${MAX_PAGE_DEPTH} 条），请缩小范围 (at most page ${deepest} at this page size: the first ${MAX_PAGE_DEPTH} rows; narrow the query)`,
        errors: [{ field: 'page', message: `at most ${deepest}`, constraints: {} }],
      }),
    );
  }
  return p;
}
