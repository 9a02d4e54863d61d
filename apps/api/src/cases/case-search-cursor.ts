import { ProblemException, problem } from '../problem/problem';
import { CASE_SORT_COLUMNS, CaseIndexRow, CaseSort } from '../read-models/read-models';

/** The deepest row `page` reaches (page × pageSize): beyond it, offsets would read ever more rows, so `after` pages on. */
export const MAX_PAGED_ROWS = 2000;

/** 400 naming the query field, as the validation pipe does. */
export function invalidQuery(field: string, zh: string, en: string): ProblemException {
  return new ProblemException(
    problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
      detail: `${field}: ${zh} (${en})`,
      errors: [{ field, message: `${zh} (${en})`, constraints: {} }],
    }),
  );
}

/**
 * The cursor of a case in a 案件检索 order: the sort and direction it belongs to, the row's sort column as stored and
 * its id, as base64url JSON (opaque to clients, who pass back the `next` they were given).
 */
export function encodeCursor(sort: CaseSort, order: 'asc' | 'desc', row: CaseIndexRow): string {
  return Buffer.from(JSON.stringify([sort, order, row[CASE_SORT_COLUMNS[sort]], row.case_id])).toString('base64url');
}

/** The cursor's key and id, or a 400 naming `after` when it is not one of this search's order. */
export function decodeCursor(after: string, sort: CaseSort, order: 'asc' | 'desc'): { key: string | null; caseId: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const v = Array.isArray(value) ? (value as unknown[]) : [];
  const ok = v.length === 4 && (typeof v[2] === 'string' || v[2] === null) && typeof v[3] === 'string' && v[3].length > 0;
  if (!ok) throw invalidQuery('after', '不是有效的游标，请使用上一页答复中的 next', "not a cursor: pass the previous answer's `next`");
  if (v[0] !== sort || v[1] !== order)
    throw invalidQuery(
      'after',
      `游标属于另一种排序（${String(v[0])} ${String(v[1])}）`,
      `the cursor belongs to another order (${String(v[0])} ${String(v[1])})`,
    );
  return { key: v[2] as string | null, caseId: v[3] as string };
}
