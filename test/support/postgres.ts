import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * PostgreSQL for the test suites: the database named by TEST_DATABASE_URL (or DATABASE_URL). .ci/run starts a
 * server and sets it; a machine without one skips these suites and says so (see describeWithPostgres).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

export const SKIP_REASON = 'set TEST_DATABASE_URL=postgres://user:password@host:5432/database (CI sets it; .ci/run starts PostgreSQL)';

/**
 * `describe` when a test database is configured. Without one, the suite is replaced by a describe whose title and
 * single `it.todo` state that it was skipped and why, and a warning is printed: the skip shows in jest's counts
 * ("todo") and in the list of skipped suites that test/support/skipped-suites-reporter.js prints after the summary.
 */
export function describeWithPostgres(title: string, body: (url: string) => void): void {
  if (TEST_DATABASE_URL) {
    describe(title, () => body(TEST_DATABASE_URL));
    return;
  }
  describe(`${title} [skipped: no PostgreSQL]`, () => {
    const reason = `${title} skipped: ${SKIP_REASON}`;
    console.warn(reason);
    it.todo(reason);
  });
}

/** A schema name no other test run uses (suites run in parallel and may share the database). */
export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;
}

/** Runs `fn` with a connected client of its own, then closes it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`refusing to drop schema "${schema}"`);
  await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** The environment of a built service process on PostgreSQL in `schema`, with the basic demo data (six cases on fixed dates) and dev sign-in. */
export function postgresServerEnv(url: string, schema: string): Record<string, string> {
  return {
    EVENT_STORE: 'postgres',
    DATABASE_URL: url,
    PG_SCHEMA: schema,
    PG_POOL_SIZE: '4',
    SEED_DEMO: 'basic',
    NODE_ENV: 'development',
    AUTH_MODE: 'dev',
  };
}
