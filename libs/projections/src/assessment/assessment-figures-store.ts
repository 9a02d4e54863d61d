import type { Database, Statement } from 'better-sqlite3';
import { PgQueryable } from '../postgres/pg-sql';
import { FigureCase, FigureDiff, FigureEntry, FigureOrder, diffFigures, figureEntries } from './assessment-figures';

/**
 * The assessment figures' two tables: `assessment_figure_cases`, the cases (and orders) behind each figure, keyed for
 * keyset paging per agency, year and figure in case order; and `assessment_figure_counts`, their counts per agency,
 * year, quarter and figure. A count may be split over several rows (`seed`: the case that first made the row) because
 * a parallel rebuild fills the counters of its partitions apart; readers sum them.
 */
export const FIGURE_TABLES = ['assessment_figure_cases', 'assessment_figure_counts'];

export function figureTablesSql(s: string, text: string): string {
  return `CREATE TABLE IF NOT EXISTS ${s}assessment_figure_cases (
      agency_id ${text} NOT NULL, year INTEGER NOT NULL, figure ${text} NOT NULL, case_id ${text} NOT NULL, order_id ${text} NOT NULL,
      quarter INTEGER NOT NULL, at_ms BIGINT, PRIMARY KEY (agency_id, year, figure, case_id, order_id)
    )${text === 'TEXT' ? ' WITHOUT ROWID' : ''};
    CREATE INDEX IF NOT EXISTS assessment_figure_cases_at ON ${s}assessment_figure_cases (agency_id, year, figure, at_ms);
    CREATE TABLE IF NOT EXISTS ${s}assessment_figure_counts (
      agency_id ${text} NOT NULL, year INTEGER NOT NULL, quarter INTEGER NOT NULL, figure ${text} NOT NULL, seed ${text} NOT NULL,
      n INTEGER NOT NULL, PRIMARY KEY (agency_id, year, quarter, figure, seed)
    )${text === 'TEXT' ? ' WITHOUT ROWID' : ''};`;
}

type Statements = { caseRow: Statement; orderRows: Statement; remove: Statement; add: Statement; count: Statement; seed: Statement };
const statements = new WeakMap<Database, Statements>();

function prepare(db: Database): Statements {
  const key = 'agency_id = ? AND year = ? AND quarter = ? AND figure = ?';
  return {
    caseRow: db.prepare('SELECT * FROM assessment_case WHERE case_id = ?'),
    orderRows: db.prepare('SELECT order_id, due_date, reinspection_due_at, reinspected_at FROM assessment_rectification WHERE case_id = ?'),
    remove: db.prepare(
      'DELETE FROM assessment_figure_cases WHERE agency_id = ? AND year = ? AND figure = ? AND case_id = ? AND order_id = ?',
    ),
    add: db.prepare(
      'INSERT INTO assessment_figure_cases (agency_id, year, figure, case_id, order_id, quarter, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    count: db.prepare(
      `UPDATE assessment_figure_counts SET n = n + ? WHERE ${key} AND seed = (SELECT MIN(seed) FROM assessment_figure_counts WHERE ${key})`,
    ),
    seed: db.prepare('INSERT INTO assessment_figure_counts (agency_id, year, quarter, figure, seed, n) VALUES (?, ?, ?, ?, ?, ?)'),
  };
}

/** The figures of these cases as the SQLite tables hold them now. */
export function sqliteFigures(db: Database, caseIds: string[]): FigureEntry[] {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  const out: FigureEntry[] = [];
  for (const id of caseIds) {
    const row = s.caseRow.get(id) as FigureCase | undefined;
    if (row) out.push(...figureEntries(row, s.orderRows.all(id) as FigureOrder[]));
  }
  return out;
}

/** Applies what changed between `before` and the cases' figures now. */
export function writeSqliteFigures(db: Database, caseIds: string[], before: FigureEntry[]): void {
  const { removed, added, counters } = diffFigures(before, sqliteFigures(db, caseIds));
  const s = statements.get(db)!;
  for (const e of removed) s.remove.run(e.agencyId, e.year, e.figure, e.caseId, e.orderId);
  for (const e of added) s.add.run(e.agencyId, e.year, e.figure, e.caseId, e.orderId, e.quarter, e.atMs);
  for (const { entry: e, delta, seed } of counters.values()) {
    const key = [e.agencyId, e.year, e.quarter, e.figure];
    if (s.count.run(delta, ...key, ...key).changes === 0) s.seed.run(...key, seed, delta);
  }
}

/** The figures of cases and their orders as loaded from PostgreSQL. */
export function pgFigures(cases: Iterable<FigureCase>, orders: Iterable<FigureOrder & { case_id: string }>): FigureEntry[] {
  const byCase = new Map<string, FigureOrder[]>();
  for (const o of orders) (byCase.get(o.case_id) ?? byCase.set(o.case_id, []).get(o.case_id)!).push(o);
  return [...cases].flatMap((c) => figureEntries(c, byCase.get(c.case_id) ?? []));
}

/** The same changes as writeSqliteFigures, in a few statements for the page. */
export async function writePgFigures(db: PgQueryable, s: string, diff: FigureDiff): Promise<void> {
  const columns = (entries: FigureEntry[]) => [
    entries.map((e) => e.agencyId),
    entries.map((e) => e.year),
    entries.map((e) => e.figure),
    entries.map((e) => e.caseId),
    entries.map((e) => e.orderId),
  ];
  if (diff.removed.length)
    await db.query(
      `DELETE FROM ${s}.assessment_figure_cases t USING unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) AS u(a, y, f, c, o)
       WHERE t.agency_id = u.a AND t.year = u.y AND t.figure = u.f AND t.case_id = u.c AND t.order_id = u.o`,
      columns(diff.removed),
    );
  if (diff.added.length)
    await db.query(
      `INSERT INTO ${s}.assessment_figure_cases (agency_id, year, figure, case_id, order_id, quarter, at_ms)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[])`,
      [...columns(diff.added), diff.added.map((e) => e.quarter), diff.added.map((e) => e.atMs)],
    );
  for (const { entry: e, delta, seed } of diff.counters.values()) {
    const key = [e.agencyId, e.year, e.quarter, e.figure];
    const where = 'agency_id = $2 AND year = $3 AND quarter = $4 AND figure = $5';
    const updated = await db.query(
      `UPDATE ${s}.assessment_figure_counts SET n = n + $1 WHERE ${where}
         AND seed = (SELECT MIN(seed) FROM ${s}.assessment_figure_counts WHERE ${where})`,
      [delta, ...key],
    );
    if (!updated.rowCount)
      await db.query(
        `INSERT INTO ${s}.assessment_figure_counts (agency_id, year, quarter, figure, seed, n) VALUES ($1, $2, $3, $4, $5, $6)`,
        [...key, seed, delta],
      );
  }
}
