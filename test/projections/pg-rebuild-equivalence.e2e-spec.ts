import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, PgProjectionRunner, SqliteProjectionRunner } from '@app/projections';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { describeWithPg } from '../support/pg-test-database';
import { appendEdgeHistory } from './edge-history';
import { pgRows, sqliteRows } from './read-model-tables';

/**
 * The PostgreSQL form of every read model holds the same rows as the SQLite one: the scripted history (a case for
 * every transition of the machine, then the hand-written corners of edge-history.ts) projected into both as it grows,
 * in small pages, then the PostgreSQL read models
 * rebuilt from zero in large pages — every table equal to SQLite's, row by row and value by value.
 */
describeWithPg('PostgreSQL read models equal the SQLite ones', (database) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-pg-rebuild-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('row by row, incrementally and rebuilt from zero', async () => {
    const file = path.join(dir, 'casetrail.db');
    const store = new SqliteEventStore({ filename: file });
    const sqlite = new Database(file);
    const client = new Client({ connectionString: database().url });
    await client.connect();
    const schema = database().schema();
    try {
      const sqliteRunner = new SqliteProjectionRunner(sqliteProjectionHost(sqlite, file), ALL_PROJECTIONS, 7);
      const pgRunner = new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 7 });
      await pgRunner.setup();
      const realizer = new CaseRealizer(store);
      for (const types of transitionPlans().values()) {
        await realizer.realize(types);
        sqliteRunner.catchUp();
        await pgRunner.catchUp();
      }
      await appendEdgeHistory(store);
      sqliteRunner.catchUp();
      await pgRunner.catchUp();
      const sqliteDump = sqliteRows(sqlite);
      const pgDump = () => pgRows(client, schema);
      expect(sqliteDump.audit_trail.length).toBeGreaterThan(500);
      expect(sqliteDump.interference_records.length).toBeGreaterThan(0);
      expect(sqliteDump.assessment_rectification.length).toBeGreaterThan(0);
      // The corners are there to be compared (edge-history.ts).
      expect(sqlite.prepare('SELECT count(*) AS n FROM assessment_case WHERE timely = 0').get()).toEqual({ n: 1 });
      expect(sqlite.prepare("SELECT flags, overdue FROM case_index WHERE case_id = 'e1d9e000-0000-4000-8000-000000000001'").get()).toEqual({
        flags: ',major,criminal_indicators,interference_recorded,fine_only,',
        overdue: ',handling_period,',
      });
      expect(await pgDump()).toEqual(sqliteDump);
      expect(await pgRunner.status()).toEqual(sqliteRunner.status());

      const rebuild = new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 1000 });
      for (const p of ALL_PROJECTIONS) await rebuild.reset(p);
      expect((await pgDump()).audit_trail).toEqual([]);
      await rebuild.catchUp();
      expect(await pgDump()).toEqual(sqliteDump);
    } finally {
      await client.end();
      sqlite.close();
      await store.close();
    }
  });
});
