import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, NUMERIC_TYPES, PgProjectionHost, PgProjectionRunner, Projection, SqliteProjectionRunner } from '@app/projections';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { describeWithPg } from '../support/pg-test-database';
import { appliedCounterProjection, sqliteReader } from './applied-counter';
import { appendEdgeHistory } from './edge-history';
import { OrderedTable, READ_MODEL_TABLES, pgRows, sqliteRows } from './read-model-tables';

const PROJECTIONS: Projection[] = [...ALL_PROJECTIONS, appliedCounterProjection];
const TABLES: OrderedTable[] = [...READ_MODEL_TABLES, ['applied', 'position']];

async function until(ok: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The read models run exactly once across instances: two runners at once never apply an event twice (the checkpoint
 * rows are locked and re-read in each page's transaction), and when the instance holding the lease is killed in the
 * middle of a page, a standby takes over and finishes from the last committed checkpoint — every event applied once
 * (the applied-counter read model counts), every table equal to SQLite's.
 */
describeWithPg('PostgreSQL read models across instances', (database) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-pg-host-'));
  const file = path.join(dir, 'casetrail.db');
  let store: SqliteEventStore;
  let sqlite: Database.Database;
  let reference: SqliteProjectionRunner;
  let admin: Client;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    store = new SqliteEventStore({ filename: file });
    const realizer = new CaseRealizer(store);
    for (const types of [...transitionPlans().values()].slice(0, 30)) await realizer.realize(types);
    await appendEdgeHistory(store);
    sqlite = new Database(file);
    reference = new SqliteProjectionRunner(sqliteProjectionHost(sqlite, file), PROJECTIONS);
    reference.catchUp();
    admin = new Client({ connectionString: database().url });
    await admin.connect();
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await admin?.end();
    sqlite?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sqliteDump = () => sqliteRows(sqlite, TABLES);
  const pgDump = (schema: string) => pgRows(admin, schema, TABLES);
  const checkpoints = async (schema: string) =>
    (await admin.query({ text: `SELECT position FROM "${schema}".projection_checkpoints ORDER BY name`, types: NUMERIC_TYPES })).rows.map(
      (r) => r.position as number,
    );
  const head = async () => Number(await store.headPosition());

  it('two runners at once: the second waits for the first page’s commit, then applies only what is left', async () => {
    const schema = database().schema('two');
    const [c1, c2] = [new Client({ connectionString: database().url }), new Client({ connectionString: database().url })];
    await Promise.all([c1.connect(), c2.connect()]);
    try {
      const pid2 = (c2 as unknown as { processID: number }).processID;
      let first = true;
      const r1 = new PgProjectionRunner({
        store,
        db: c1,
        schema,
        projections: PROJECTIONS,
        pageSize: 40,
        // Holds its first page's transaction open until the second runner waits on the checkpoint rows' locks.
        beforeCommit: async () => {
          if (!first) return;
          first = false;
          await until(
            async () =>
              (await admin.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid2])).rows[0]?.wait_event_type ===
              'Lock',
          );
        },
      });
      const r2 = new PgProjectionRunner({ store, db: c2, schema, projections: PROJECTIONS, pageSize: 40 });
      await r1.setup();
      await r2.setup();
      const step1 = r1.step();
      // r2 starts once r1 is inside its transaction (its first page read and locked): both read the same page.
      await until(
        async () =>
          (
            await admin.query(
              `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'projection_checkpoints' AND l.mode = 'RowShareLock'`,
              [(c1 as unknown as { processID: number }).processID],
            )
          ).rowCount === 1,
      );
      const [n1, n2] = await Promise.all([step1, r2.step()]);
      expect([n1, n2]).toEqual([40, 40]);
      await Promise.all([r1.catchUp(), r2.catchUp()]);
      expect(new Set(await checkpoints(schema))).toEqual(new Set([await head()]));
      expect(await pgDump(schema)).toEqual(sqliteDump());
    } finally {
      await Promise.all([c1.end(), c2.end()]);
    }
  });

  it('the holder is killed (SIGKILL) inside a page’s transaction: the standby takes over, each event applied once', async () => {
    const schema = database().schema('kill');
    const child = spawn(
      process.execPath,
      ['-r', path.resolve(__dirname, '../../libs/threads/src/ts-worker-loader.js'), path.join(__dirname, 'pg-projection-host.child.ts')],
      {
        env: { ...process.env, SQLITE_FILE: file, PG_URL: database().url, SCHEMA: schema, PAGE_SIZE: '40', BLOCK_AT_PAGE: '3' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    await until(() => out.includes('leading'));

    const host = new PgProjectionHost({
      store: sqliteReader(file),
      connection: database().url,
      schema,
      projections: PROJECTIONS,
      pageSize: 40,
      retryIntervalMs: 50,
      checkIntervalMs: 50,
      pollIntervalMs: 50,
    });
    host.start();
    try {
      await until(() => host.lease.attempts >= 1);
      expect(host.isLeading).toBe(false);
      await until(() => out.includes('blocked'));
      // Two pages committed, the third written but not committed.
      expect(new Set(await checkpoints(schema))).toEqual(new Set([80]));
      child.kill('SIGKILL');
      await host.lease.acquired();
      const end = await head();
      await until(async () => (await checkpoints(schema)).every((p) => p === end));
      expect(await pgDump(schema)).toEqual(sqliteDump());

      // The new holder follows the store: more cases, appended now, reach the read models.
      const realizer = new CaseRealizer(store);
      for (const types of [...transitionPlans().values()].slice(30, 36)) await realizer.realize(types);
      reference.catchUp();
      const later = await head();
      expect(later).toBeGreaterThan(end);
      await until(async () => (await checkpoints(schema)).every((p) => p === later));
      const dump = await pgDump(schema);
      expect(dump).toEqual(sqliteDump());
      expect(dump.applied).toHaveLength(later);
      expect(dump.applied.every((r) => (r as { times: number }).times === 1)).toBe(true);
    } finally {
      await host.stop();
    }
  });
});
