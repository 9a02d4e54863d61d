/**
 * The case index's search structures beside its table: one ordered index per sort of 案件检索 (with and without the
 * stage), so a page is read in order from where the previous one ended, and the party-name indexes that serve
 * "name contains" without reading every name.
 */

/** The sort keys of 案件检索 as SQLite orders them (julianday(): the moments are stored with offsets). */
export const CASE_SORT_KEYS_SQLITE = {
  openedAt: 'julianday(opened_at)',
  updatedAt: 'updated_at',
  caseNo: 'case_no',
  decidedAt: 'julianday(decided_at)',
} as const;

/** The same keys in PostgreSQL (`sqlite_ms` orders as julianday() does; it is IMMUTABLE, so it can be indexed). */
export const caseSortKeysPg = (s: string) =>
  ({
    openedAt: `${s}.sqlite_ms(opened_at)`,
    updatedAt: 'updated_at',
    caseNo: 'case_no',
    decidedAt: `${s}.sqlite_ms(decided_at)`,
  }) as const;

const SORT_INDEX_NAMES = { openedAt: 'opened', updatedAt: 'updated', caseNo: 'case_no', decidedAt: 'decided' } as const;

/**
 * Descending keys, the default order (newest first), so that order is read straight off the index; ascending reads
 * it backwards and only sorts rows of equal keys by case id.
 */
export function caseSortIndexesSql(table: string, keys: Record<keyof typeof SORT_INDEX_NAMES, string>, desc: string): string {
  return Object.entries(SORT_INDEX_NAMES)
    .map(([sort, name]) => {
      const key = keys[sort as keyof typeof SORT_INDEX_NAMES];
      return `CREATE INDEX IF NOT EXISTS case_index_by_${name} ON ${table} (agency_id, ${key} ${desc}, case_id);
      CREATE INDEX IF NOT EXISTS case_index_stage_by_${name} ON ${table} (agency_id, stage, ${key} ${desc}, case_id);`;
    })
    .join('\n');
}

/**
 * The characters of a name as FTS tokens, one per character (its code point in hex), for queries of one or two
 * characters, which the trigram index cannot serve: a phrase of these tokens matches exactly where the characters
 * stand next to each other in the name, whatever they are (letters of any case, digits, %, _, punctuation).
 */
export const codePointTokens = (s: string): string => Array.from(s, (c) => `u${c.codePointAt(0)!.toString(16)}`).join(' ');
