import Database from 'better-sqlite3';
import { Client } from 'pg';
import { EVENT_COLUMNS, EventStore, EventTuple } from '@app/event-store';
import { ALL_PROJECTIONS, PgProjectionRunner } from '@app/projections';

/**
 * The PostgreSQL read models of a SQLite store's history: its events copied as stored into an events table of the
 * PostgreSQL event store's layout in `schema` (the audit trail joins it), then every projection run over them.
 */
export async function buildPgReadModels(sqliteDb: Database.Database, store: EventStore, url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".events (position BIGINT PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT, hash TEXT)`);
    const rows = sqliteDb.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`).raw(true).all() as EventTuple[];
    for (let i = 0; i < rows.length; i += 1000) {
      const page = rows.slice(i, i + 1000);
      await client.query(
        `INSERT INTO "${schema}".events SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
        page[0].map((_, c) => page.map((r) => (r[c] === null ? null : String(r[c])))),
      );
    }
    await new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 500 }).setup();
    await new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 500 }).catchUp();
  } finally {
    await client.end();
  }
}
