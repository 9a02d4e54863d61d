/** A page of a list answer: which page, how many rows, and the rows to skip (20 rows a page unless asked). */
export function paging(q: { page?: number; pageSize?: number }): { page: number; pageSize: number; limit: number; offset: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
