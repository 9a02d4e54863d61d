import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * PostgreSQL for the read-model suites. The server is the one TEST_DATABASE_URL (or DATABASE_URL) names; without
 * either, a local server on the default Unix socket, as role `postgres` or as the current OS user's name (what peer
 * authentication admits: run as the postgres OS user, or give your OS user a role of its name). Each suite creates a database of its own on that server (named after the URL's
 * database, plus a random suffix) and drops it afterwards; a role without CREATEDB gets a fresh schema in the URL's
 * database instead. Without a reachable server the suites are skipped, and say why.
 */
const CONFIGURED = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const osUser = (() => {
  try {
    return userInfo().username;
  } catch {
    return 'postgres';
  }
})();
const CANDIDATES = CONFIGURED
  ? [CONFIGURED]
  : [...new Set(['postgres', osUser])].map((u) => `postgresql://${encodeURIComponent(u)}@localhost/postgres?host=/var/run/postgresql`);
let URL_USED = CANDIDATES[0];

let probed: { ok: true } | { ok: false; reason: string } | undefined;

/**
 * Whether the server answers, decided before any test is declared: jest needs to know synchronously whether to
 * declare a suite or its skip, so a short child process tries to connect.
 */
function probe(): { ok: true } | { ok: false; reason: string } {
  if (probed) return probed;
  const script = `const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 4000 });
    c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.message)); process.exit(1); });`;
  const failures: string[] = [];
  for (const url of CANDIDATES) {
    try {
      execFileSync(process.execPath, ['-e', script], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, PROBE_URL: url },
        timeout: 8000,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      URL_USED = url;
      return (probed = { ok: true });
    } catch (e) {
      failures.push(String((e as { stderr?: Buffer }).stderr ?? '').trim() || (e as Error).message);
    }
  }
  return (probed = {
    ok: false,
    reason: CONFIGURED
      ? `TEST_DATABASE_URL is set but PostgreSQL did not answer (${failures.join('; ')})`
      : `no TEST_DATABASE_URL, and no local PostgreSQL on the default socket as postgres or ${osUser} (${failures.join('; ')}); set TEST_DATABASE_URL=postgres://user:password@host:5432/database`,
  });
}

export interface PgTestDatabase {
  /** Connection string of the suite's own database (or of the URL's database, with `schema` fresh). */
  url: string;
  /** A schema no other suite uses, for suites that want one (always fresh, also in a database of their own). */
  schema: (prefix?: string) => string;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database of the suite's own (or a schema when the role may not create databases). */
export async function createTestDatabase(): Promise<PgTestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = decodeURIComponent(new URL(URL_USED).pathname.slice(1)) || 'postgres';
  const name = `${base
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase()
    .slice(0, 40)}_${suffix}`;
  const schemas: string[] = [];
  const schema = (prefix = 'rm') => {
    const s = `${prefix}_${randomBytes(5).toString('hex')}`;
    schemas.push(s);
    return s;
  };
  const created = await withClient(URL_USED, async (c) => {
    try {
      await c.query(`CREATE DATABASE "${name}"`);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code !== '42501') throw e;
      return false;
    }
  });
  if (created) {
    const url = withDatabase(URL_USED, name);
    return {
      url,
      schema,
      drop: () => withClient(URL_USED, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  return {
    url: URL_USED,
    schema,
    drop: () =>
      withClient(URL_USED, async (c) => void (await Promise.all(schemas.map((s) => c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`))))),
  };
}

/**
 * `describe` when PostgreSQL answers, with a database of the suite's own. Otherwise a describe whose title and single
 * `it.todo` state that it was skipped and why, and a warning printed to the console.
 */
export function describeWithPg(title: string, body: (db: () => PgTestDatabase) => void): void {
  const p = probe();
  if (!p.ok) {
    describe(`${title} [skipped: no PostgreSQL]`, () => {
      const reason = `${title} skipped: ${p.reason}`;
      console.warn(reason);
      it.todo(reason);
    });
    return;
  }
  describe(title, () => {
    let db: PgTestDatabase | undefined;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    body(() => {
      if (!db) throw new Error('the test database is made in beforeAll');
      return db;
    });
    // Declared after the body's hooks, so it runs after them (their connections closed first).
    afterAll(async () => {
      await db?.drop();
    });
  });
}
