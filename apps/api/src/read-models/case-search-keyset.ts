import type { CaseSearchQuery } from './read-models';

/** A case's place in a 案件检索 order, as the index gives it: its sort key (NULL, a number or text) and its id. */
export interface CaseKey {
  case_id: string;
  k: string | number | null;
}

/**
 * One stretch of the order that is a single range of an index: the cases without a sort key (NULL sorts lowest:
 * first ascending, last descending) or those with one, from the start or from just after the cursor.
 */
export interface KeysetSegment {
  nullKeys: boolean;
  afterCursor: boolean;
}

/** The stretches after the cursor (or from the start), in the order they are listed. */
function stretches(order: 'asc' | 'desc', cursor?: { keyIsNull: boolean }): KeysetSegment[] {
  const nulls = { nullKeys: true, afterCursor: false };
  const keyed = { nullKeys: false, afterCursor: false };
  if (!cursor) return order === 'asc' ? [nulls, keyed] : [keyed, nulls];
  if (cursor.keyIsNull) return order === 'asc' ? [{ ...nulls, afterCursor: true }, keyed] : [{ ...nulls, afterCursor: true }];
  return order === 'asc' ? [{ ...keyed, afterCursor: true }] : [{ ...keyed, afterCursor: true }, nulls];
}

/** The stretches to read; none of NULL keys when the sort's column is never NULL (updated_at, a NOT NULL text). */
export function keysetSegments(order: 'asc' | 'desc', cursor: { keyIsNull: boolean } | undefined, nullable: boolean): KeysetSegment[] {
  return stretches(order, cursor).filter((seg) => nullable || !seg.nullKeys);
}

/**
 * The condition of a stretch: `key` is the row's sort key, `cursorKey` and `cursorId` the cursor's (placeholders).
 * The key's bound comes first and alone, so it is a range of the index; the tie on equal keys is decided by case id.
 * A stretch of NULL keys is ordered by case id alone (its key is one value).
 */
export function segmentSql(
  seg: KeysetSegment,
  order: 'asc' | 'desc',
  key: string,
  cursorKey: () => string,
  cursorId: () => string,
): string {
  if (seg.nullKeys) return seg.afterCursor ? `${key} IS NULL AND case_id > ${cursorId()}` : `${key} IS NULL`;
  if (!seg.afterCursor) return `${key} IS NOT NULL`;
  const [within, beyond] = order === 'asc' ? ['>=', '>'] : ['<=', '<'];
  const c1 = cursorKey();
  const c2 = cursorKey();
  return `${key} ${within} ${c1} AND (${key} ${beyond} ${c2} OR case_id > ${cursorId()})`;
}

/** SQLite's order of two keys (and PostgreSQL's, COLLATE "C"): NULL lowest, numbers by value, text byte by byte. */
function compareKeys(a: CaseKey['k'], b: CaseKey['k']): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

/** The first `n` of several agencies' ordered keys, in the search's order (key in its direction, then case id). */
export function mergeKeys(lists: CaseKey[][], order: 'asc' | 'desc', n: number): CaseKey[] {
  const sign = order === 'asc' ? 1 : -1;
  const byId = (a: CaseKey, b: CaseKey) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0);
  return lists
    .flat()
    .sort((a, b) => sign * compareKeys(a.k, b.k) || byId(a, b))
    .slice(0, n);
}

/**
 * The ids of one page, read stretch by stretch from the cursor, each stretch of each agency in the order of its
 * index (so nothing is read beyond the page, the rows skipped by `offset`, and one more to know whether more follow).
 */
export async function keysetPage(
  q: Pick<CaseSearchQuery, 'sort' | 'order' | 'limit' | 'offset'>,
  cursor: { keyIsNull: boolean } | undefined,
  fetch: (seg: KeysetSegment, n: number) => Promise<CaseKey[]>,
): Promise<{ ids: string[]; more: boolean }> {
  const want = q.offset + q.limit + 1;
  const keys: CaseKey[] = [];
  for (const seg of keysetSegments(q.order, cursor, q.sort !== 'updatedAt')) {
    if (keys.length >= want) break;
    keys.push(...(await fetch(seg, want - keys.length)));
  }
  return { ids: keys.slice(q.offset, q.offset + q.limit).map((k) => k.case_id), more: keys.length > q.offset + q.limit };
}

/** Rows fetched by id, put back in the page's order. */
export function inOrder<R extends { case_id: string }>(ids: string[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.case_id, r]));
  return ids.map((id) => byId.get(id)!);
}
