import Database from 'better-sqlite3';
import { Client } from 'pg';
import { NUMERIC_TYPES } from '@app/projections';

/**
 * A read-model table and the column that orders its rows; for a table of counters whose count may be split over rows
 * (a parallel rebuild fills each partition's apart), the counted column: its sums per key are compared instead.
 */
export type OrderedTable = [table: string, key: string, summed?: string];

/** Every read-model table of ALL_PROJECTIONS, to compare two copies of the read models row by row. */
export const READ_MODEL_TABLES: OrderedTable[] = [
  ['audit_trail', 'position'],
  ['audit_trail_cases', 'case_id'],
  ['interference_cases', 'case_id'],
  ['interference_records', 'position'],
  ['public_decisions', 'case_id'],
  ['case_index', 'case_id'],
  ['assessment_case', 'case_id'],
  ['assessment_rectification', 'order_id'],
  ['assessment_figure_cases', 'agency_id, year, figure, case_id, order_id'],
  ['assessment_figure_counts', 'agency_id, year, quarter, figure', 'n'],
];

/** The rows to compare: as stored, or the counts summed per key (zero counts are no rows). */
const selectRows = (from: string, key: string, summed?: string) =>
  summed
    ? `SELECT ${key}, SUM(${summed}) AS ${summed} FROM ${from} GROUP BY ${key} HAVING SUM(${summed}) <> 0 ORDER BY ${key}`
    : `SELECT * FROM ${from} ORDER BY ${key}`;

/** Every row of the tables in a SQLite file, in key order, by table. */
export function sqliteRows(db: Database.Database, tables: OrderedTable[] = READ_MODEL_TABLES): Record<string, unknown[]> {
  return Object.fromEntries(tables.map(([t, key, summed]) => [t, db.prepare(selectRows(t, key, summed)).all()]));
}

/** Every row of the tables in a PostgreSQL schema, in key order, by table (numerics read as numbers, as SQLite's). */
export async function pgRows(
  client: Client,
  schema: string,
  tables: OrderedTable[] = READ_MODEL_TABLES,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [t, key, summed] of tables)
    out[t] = (await client.query({ text: selectRows(`"${schema}".${t}`, key, summed), types: NUMERIC_TYPES })).rows;
  return out;
}
