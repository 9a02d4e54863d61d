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

/** The columns of an event, in the order of an `EventTuple`. */
export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash';
const COLUMNS = EVENT_COLUMNS;

/**
 * An events row read in raw mode (`EVENT_COLUMNS` order): better-sqlite3 builds arrays about twice as fast as
 * keyed objects, which is most of what reading a long stream or a rebuild page costs.
 */
export type EventTuple = [bigint, string, string, bigint, string, string, string, string | null, string | null];

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
    findEvent: db.prepare<[string], { stream_id: string; revision: number }>('SELECT stream_id, revision FROM events WHERE event_id = ?'),
    streamRevision: db.prepare<[string], { revision: number; hash: string | null }>(
      'SELECT revision, hash FROM streams WHERE stream_id = ?',
    ),
    insertEvent: safe<[string, string, number, string, string, string, string, string, string], never>(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertStream: db.prepare<[string, number, string]>(
      `INSERT INTO streams (stream_id, revision, hash) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
    ),
    globalHead: safe<[], { position: bigint; global_hash: string | null }>(
      'SELECT position, global_hash FROM events ORDER BY position DESC LIMIT 1',
    ),
    insertAnchor: safe<[bigint, string, string, string], never>(
      'INSERT INTO anchors (position, global_hash, created_at, reason) VALUES (?, ?, ?, ?)',
    ),
    readStream: safe<[string, number, number], EventTuple>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ).raw(true),
    readAll: safe<[bigint, number], EventTuple>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
    headPosition: safe<[], { head: bigint }>('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function toStoredEvent(row: EventRow): StoredEvent {
  return storedEvent(row.position, row.event_id, row.stream_id, row.revision, row.type, row.data, row.metadata, row.prev_hash, row.hash);
}

export function tupleToStoredEvent(t: EventTuple): StoredEvent {
  return storedEvent(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
}

function storedEvent(
  position: bigint,
  id: string,
  streamId: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  prevHash: string | null,
  hash: string | null,
): StoredEvent {
  const event: StoredEvent = {
    id,
    streamId,
    type,
    revision: Number(revision),
    position,
    data: JSON.parse(data) as unknown,
    metadata: JSON.parse(metadata) as StoredEvent['metadata'],
  };
  if (hash) {
    event.prevHash = prevHash!;
    event.hash = hash;
  }
  return event;
}

/** SQLite's LIMIT takes -1 for "no limit". */
export function sqlLimit(limit: number | undefined): number {
  return limit === undefined || !Number.isFinite(limit) ? -1 : Math.max(0, Math.floor(limit));
}
