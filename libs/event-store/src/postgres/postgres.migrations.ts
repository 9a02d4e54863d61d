import type { Pool } from 'pg';

/**
 * Versioned schema migrations, applied in order at start-up; `schema_migrations` records each one that ran. Append
 * new steps, never edit a shipped one: existing databases already ran it. `{schema}` is replaced by the quoted schema.
 *
 * Payloads are `text`, not `jsonb`: the hash chains cover the exact JSON text that was written, and jsonb would
 * re-serialise it (key order, whitespace, number spelling) so that verification could never recompute the hashes.
 */
const MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: 'events, streams and anchors with hash chains',
    sql: `
    CREATE TABLE {schema}.events (
      -- Assigned by the appender under the append lock (max + 1), not by a sequence: positions are dense and commit
      -- in order (see postgres.event-store.ts), which a bigserial cannot promise.
      position BIGINT PRIMARY KEY CHECK (position > 0),
      event_id TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL CHECK (revision >= 0),
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      global_hash TEXT NOT NULL,
      recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      UNIQUE (stream_id, revision)
    );
    -- One row per stream with its last revision and hash: the expected-revision check is one primary-key lookup.
    CREATE TABLE {schema}.streams (
      stream_id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL,
      hash TEXT NOT NULL
    );
    -- Checkpoints of the global chain (export them and keep them elsewhere): a truncated log is caught against them.
    CREATE TABLE {schema}.anchors (
      seq BIGSERIAL PRIMARY KEY,
      position BIGINT NOT NULL,
      global_hash TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      reason TEXT NOT NULL
    );
    `,
  },
  {
    // The anchor covering a position (a dossier's seal) is a seek, not a walk through every anchor of the log.
    name: 'anchors by position',
    sql: `CREATE INDEX anchors_position ON {schema}.anchors (position, seq);`,
  },
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** A schema name that needs no escaping anywhere (identifiers, channel names, lock keys). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new RangeError(`PostgreSQL schema "${schema}": use lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  return `"${schema}"`;
}

/**
 * Brings the schema up to date. The whole run is one transaction holding a transaction-scoped advisory lock keyed by
 * the schema's name, so two processes starting at once take turns: the second finds the work done and applies
 * nothing. PostgreSQL's DDL is transactional, so a step that fails leaves no half-made table behind.
 */
export async function migratePostgres(pool: Pool, schema: string): Promise<{ from: number; to: number }> {
  const q = quoteSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('casetrail.migrate:' || $1::text, 0))`, [schema]);
      // Checked first: CREATE SCHEMA IF NOT EXISTS still demands CREATE on the database, which a role given a schema
      // made for it by a DBA need not have.
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (!exists.rowCount) await client.query(`CREATE SCHEMA ${q}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${q}.schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${q}.schema_migrations`);
      const found = rows[0]?.version ?? 0;
      if (found > POSTGRES_SCHEMA_VERSION) {
        throw new Error(
          `Event store schema ${schema} is at version ${found}, newer than this code supports (${POSTGRES_SCHEMA_VERSION}): upgrade casetrail`,
        );
      }
      for (let step = found; step < POSTGRES_SCHEMA_VERSION; step++) {
        await client.query(MIGRATIONS[step].sql.replaceAll('{schema}', q));
        await client.query(`INSERT INTO ${q}.schema_migrations (version, name) VALUES ($1, $2)`, [step + 1, MIGRATIONS[step].name]);
      }
      await client.query('COMMIT');
      return { from: found, to: POSTGRES_SCHEMA_VERSION };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    client.release();
  }
}
