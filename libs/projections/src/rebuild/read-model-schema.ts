import Database from 'better-sqlite3';
import { Projection } from '../projection';

export interface SchemaObject {
  name: string;
  sql: string;
}

/** The tables and secondary indexes the projections' `setup` creates, found by running it on an empty database. */
export function readModelSchema(projections: Projection[]): { tables: SchemaObject[]; indexes: SchemaObject[] } {
  const probe = new Database(':memory:');
  try {
    for (const p of projections) p.sqlite.setup(probe);
    const objects = (type: string) =>
      probe.prepare(`SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY rowid`).all(type) as SchemaObject[];
    return { tables: objects('table'), indexes: objects('index') };
  } finally {
    probe.close();
  }
}
