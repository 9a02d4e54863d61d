import Database from 'better-sqlite3';
import { Client } from 'pg';
import { NUMERIC_TYPES } from '@app/projections';

/** A read-model table and the column that orders its rows. */
export type OrderedTable = [table: string, key: string];

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
];

/** Every row of the tables in a SQLite file, in key order, by table. */
export function sqliteRows(db: Database.Database, tables: OrderedTable[] = READ_MODEL_TABLES): Record<string, unknown[]> {
  return Object.fromEntries(tables.map(([t, key]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${key}`).all()]));
}

/** Every row of the tables in a PostgreSQL schema, in key order, by table (numerics read as numbers, as SQLite's). */
export async function pgRows(
  client: Client,
  schema: string,
  tables: OrderedTable[] = READ_MODEL_TABLES,
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [t, key] of tables)
    out[t] = (await client.query({ text: `SELECT * FROM "${schema}".${t} ORDER BY ${key}`, types: NUMERIC_TYPES })).rows;
  return out;
}
