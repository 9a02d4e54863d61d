import { evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { PgColumn, insertRows } from '../postgres/pg-sql';

/**
 * The case events' data and metadata for the audit trail, when the events do not live in the same database as the
 * read models (EVENT_STORE=eventstoredb, read models in PostgreSQL or a SQLite file): the audit trail joins this table where it
 * would join the store's own `events` table (same columns, table `event_payloads`). Payloads are the JSON text of the event as
 * delivered; the hash chains are the SQLite and PostgreSQL stores' own, so they stay null here.
 */
export interface EventPayloadRow {
  position: string;
  data: string;
  metadata: string;
  prevHash: string | null;
  hash: string | null;
}

export const eventPayloadRows = evolveCaseEvents<EventPayloadRow>((e) => [
  {
    position: e.position.toString(),
    data: JSON.stringify(e.data),
    metadata: JSON.stringify(e.metadata),
    prevHash: e.prevHash ?? null,
    hash: e.hash ?? null,
  },
]);

const COLUMNS: PgColumn<EventPayloadRow>[] = [
  { name: 'position', type: 'bigint', get: (r) => r.position },
  { name: 'data', type: 'text', get: (r) => r.data },
  { name: 'metadata', type: 'text', get: (r) => r.metadata },
  { name: 'prev_hash', type: 'text', get: (r) => r.prevHash },
  { name: 'hash', type: 'text', get: (r) => r.hash },
];

export const eventPayloadsProjection: Projection<EventPayloadRow> = {
  name: 'event-payloads',
  version: 1,
  streamLocal: true,
  readsHashChain: true,
  evolve: eventPayloadRows,
  sqlite: {
    setup(db) {
      db.exec(
        'CREATE TABLE IF NOT EXISTS event_payloads (position INTEGER PRIMARY KEY, data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT, hash TEXT)',
      );
    },
    clear(db) {
      db.exec('DELETE FROM event_payloads');
    },
    write(db, rows) {
      const insert = db.prepare(
        'INSERT INTO event_payloads (position, data, metadata, prev_hash, hash) VALUES (@position, @data, @metadata, @prevHash, @hash)',
      );
      for (const r of rows) insert.run(r);
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.event_payloads (
        position bigint PRIMARY KEY, data text NOT NULL, metadata text NOT NULL, prev_hash text, hash text
      )`);
    },
    async clear(db, s) {
      await db.query(`DELETE FROM ${s}.event_payloads`);
    },
    async write(db, s, rows) {
      await insertRows(db, `${s}.event_payloads`, COLUMNS, rows);
    },
  },
};
