import type { Database } from 'better-sqlite3';
import { StoredEvent } from '../event-store.port';

/** An events row as read with safe integers (every INTEGER column is a bigint). */
export interface EventRow {
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string | null;
  hash: string | null;
}

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash';

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database) {
  // Safe integers so positions come back as bigint without a detour through float.
  const safe = <P extends unknown[], R>(sql: string) => db.prepare<P, R>(sql).safeIntegers(true);
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackTo: db.prepare('ROLLBACK TO append_one'),
    findEvent: db.prepare<[string], { stream_id: string; revision: number }>(
      'SELECT stream_id, revision FROM events WHERE event_id = ?',
    ),
    streamRevision: db.prepare<[string], { revision: number; hash: string | null }>('SELECT revision, hash FROM streams WHERE stream_id = ?'),
    insertEvent: safe<[string, string, number, string, string, string, string, string, string], never>(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertStream: db.prepare<[string, number, string]>(
      `INSERT INTO streams (stream_id, revision, hash) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
    ),
    globalHead: safe<[], { position: bigint; global_hash: string | null }>('SELECT position, global_hash FROM events ORDER BY position DESC LIMIT 1'),
    insertAnchor: safe<[bigint, string, string, string], never>('INSERT INTO anchors (position, global_hash, created_at, reason) VALUES (?, ?, ?, ?)'),
    readStream: safe<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readAll: safe<[bigint, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    headPosition: safe<[], { head: bigint }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    revision: Number(row.revision),
    position: row.position,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
    ...(row.hash ? { prevHash: row.prev_hash!, hash: row.hash } : {}),
  };
}

/** SQLite's LIMIT takes -1 for "no limit". */
export function sqlLimit(limit: number | undefined): number {
  return limit === undefined || !Number.isFinite(limit) ? -1 : Math.max(0, Math.floor(limit));
}
