import { QueryConfig, QueryResultRow } from 'pg';
import { StoredEvent } from '../event-store.port';

/** An events row as node-postgres returns it (int8 as text). */
export interface PgEventRow extends QueryResultRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

// ORDER BY below names events.position: a bare `position` would mean this text output column and sort as text.
export const PG_EVENT_COLUMNS = 'position::text AS position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash';
const COLUMNS = PG_EVENT_COLUMNS;

/** Every statement the store runs. Named statements are prepared once per connection. */
export function pgStatements(q: string, schema: string, channel: string) {
  // The schema name is validated (quoteSchema), so it is safe inside these literals.
  const appendLockKey = `hashtextextended('casetrail.append:${schema}', 0)`;
  return {
    // READ COMMITTED whatever the server's default: each statement after the lock must see the previous holder's
    // commit, which a REPEATABLE READ snapshot taken before the lock was granted would not.
    beginAndLock: `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${appendLockKey})`,
    globalHead: {
      name: `${schema}.head`,
      text: `SELECT position::text AS position, global_hash FROM ${q}.events ORDER BY events.position DESC LIMIT 1`,
    },
    headPosition: { name: `${schema}.headPosition`, text: `SELECT COALESCE(max(position), 0)::text AS head FROM ${q}.events` },
    check: (ids: string[], streamId: string): QueryConfig => ({
      name: `${schema}.check`,
      text: `SELECT 'e' AS kind, stream_id, revision, event_id, NULL::text AS hash FROM ${q}.events WHERE event_id = ANY($1::text[])
             UNION ALL
             SELECT 's', stream_id, revision, NULL, hash FROM ${q}.streams WHERE stream_id = $2`,
      values: [ids, streamId],
    }),
    readStream: (streamId: string, fromRevision: number, limit: number | null): QueryConfig => ({
      name: `${schema}.readStream`,
      text: `SELECT ${COLUMNS} FROM ${q}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY events.revision LIMIT $3`,
      values: [streamId, fromRevision, limit],
    }),
    readAll: (after: bigint, limit: number | null): QueryConfig => ({
      name: `${schema}.readAll`,
      text: `SELECT ${COLUMNS} FROM ${q}.events WHERE position > $1 ORDER BY events.position LIMIT $2`,
      values: [String(after), limit],
    }),
    // One round trip writes the events and moves the stream's row (a data-modifying CTE always runs to completion).
    insert: (values: unknown[]): QueryConfig => ({
      name: `${schema}.insert`,
      text: `WITH written AS (
               INSERT INTO ${q}.events (position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash)
               SELECT p, e, $3, r, t, d, m, ph, h, g
               FROM unnest($1::bigint[], $2::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
                 AS u(p, e, r, t, d, m, ph, h, g)
             )
             INSERT INTO ${q}.streams (stream_id, revision, hash) VALUES ($3, $11, $12)
             ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, hash = EXCLUDED.hash`,
      values,
    }),
    insertAnchor: (position: bigint, hash: string): QueryConfig => ({
      text: `INSERT INTO ${q}.anchors (position, global_hash, created_at, reason) VALUES ($1, $2, now(), 'automatic')`,
      values: [String(position), hash],
    }),
    // NOTIFY is delivered only if and when the transaction commits, so a listener never hears of an uncommitted head.
    notifyAndCommit: (head: bigint) => `SELECT pg_notify('${channel}', '${head}'); COMMIT`,
  };
}

export type PgStatements = ReturnType<typeof pgStatements>;

export function toStoredEvent(row: PgEventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    revision: row.revision,
    // int8 arrives as a string (it may not fit a double); positions are bigint throughout.
    position: BigInt(row.position),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
