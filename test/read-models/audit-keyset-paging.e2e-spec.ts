import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, SqliteProjectionRunner } from '@app/projections';
import { PgReadModels } from '../../apps/api/src/read-models/pg-read-models';
import { AuditQuery, AuditTrailRow, ReadModels } from '../../apps/api/src/read-models/read-models';
import { SqliteReadModels } from '../../apps/api/src/read-models/sqlite-read-models';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { appendEdgeHistory } from '../projections/edge-history';
import { describeWithPg } from '../support/pg-test-database';
import { buildPgReadModels } from './pg-read-models-copy';
import { startTestApp } from '../support/test-app';

type Shape = Omit<AuditQuery, 'after' | 'limit'>;

/**
 * The audit trail's rows as the one-shot query before keyset paging defined them, computed from the events themselves
 * (not from the projection): every event of a case opened by one of the agencies, after `after`, matching the
 * filters, in position order.
 */
function oneShot(db: Database.Database, q: Shape, after = 0): number[] {
  const where = [
    "e.stream_id LIKE 'case-%'",
    `e.stream_id IN (SELECT stream_id FROM events WHERE type = 'CaseOpened' AND COALESCE(json_extract(data, '$.agencyId'), '') IN (${q.agencies.map(() => '?').join(',') || 'NULL'}))`,
    'e.position > ?',
  ];
  const params: unknown[] = [...q.agencies, after];
  const add = (sql: string, v: string | undefined) => {
    if (v === undefined) return;
    where.push(sql);
    params.push(v);
  };
  add("e.stream_id = 'case-' || ?", q.caseId);
  add("COALESCE(json_extract(e.metadata, '$.actor.id'), '') = ?", q.actorId);
  add('e.type = ?', q.type);
  add("COALESCE(json_extract(e.metadata, '$.recordedAt'), '') >= ?", q.from);
  add("COALESCE(json_extract(e.metadata, '$.recordedAt'), '') <= ?", q.to);
  return db
    .prepare(`SELECT e.position FROM events e WHERE ${where.join(' AND ')} ORDER BY e.position`)
    .pluck()
    .all(...params) as number[];
}

/** Every page of a shape, following each page's last position as `after` (what GET /audit's `next` is). */
async function allPages(models: ReadModels, q: Shape, limit: number): Promise<AuditTrailRow[]> {
  const rows: AuditTrailRow[] = [];
  for (let after = 0; ;) {
    const page = await models.auditTrail({ ...q, after, limit });
    expect(page.length).toBeLessThanOrEqual(limit);
    rows.push(...page);
    if (page.length < limit) return rows;
    after = page[page.length - 1].position;
  }
}

/**
 * Keyset paging of the audit trail (per-agency index ranges merged by position) returns exactly the rows of the
 * one-shot query, in order, with no duplicate and no gap across pages, for every filter shape, on SQLite and on
 * PostgreSQL built from the same history (the demo seed, machine transition paths and the hand-written corners).
 */
describeWithPg('audit trail: keyset pages equal the one-shot query', (database) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-audit-keyset-'));
  let db: Database.Database;
  let sqlite: ReadModels;
  let pg: PgReadModels;
  const shapes: Shape[] = [];

  beforeAll(async () => {
    const app = await startTestApp({ dataDir: dir });
    await app.close();
    const file = path.join(dir, 'casetrail.db');
    const store = new SqliteEventStore({ filename: file });
    const realizer = new CaseRealizer(store);
    for (const types of [...transitionPlans().values()].slice(0, 40)) await realizer.realize(types);
    await appendEdgeHistory(store);
    db = new Database(file);
    new SqliteProjectionRunner(sqliteProjectionHost(db, file), ALL_PROJECTIONS).catchUp();
    sqlite = new SqliteReadModels(db);

    const schema = database().schema('keyset');
    await buildPgReadModels(db, store, database().url, schema);
    await store.close();
    pg = await PgReadModels.open({ connectionString: database().url, schema });

    const one = (sql: string) => db.prepare(sql).pluck().get() as string;
    const caseId = one("SELECT substr(stream_id, 6) FROM events WHERE type = 'CaseFiled' ORDER BY position LIMIT 1");
    const actor = one(
      "SELECT json_extract(metadata, '$.actor.id') FROM events WHERE stream_id LIKE 'case-%' GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1",
    );
    const recorded = db
      .prepare("SELECT json_extract(metadata, '$.recordedAt') FROM events WHERE stream_id LIKE 'case-%' ORDER BY 1")
      .pluck()
      .all() as string[];
    const [from, to] = [recorded[Math.floor(recorded.length / 4)], recorded[Math.floor((recorded.length * 3) / 4)]];
    for (const agencies of [['ag-431000', 'ag-431002', 'ag-431003', 'ag-431021'], ['ag-431002'], ['ag-431003', 'ag-431021'], []])
      shapes.push(
        { agencies },
        { agencies, caseId },
        { agencies, actorId: actor },
        { agencies, type: 'EvidenceRecorded' },
        { agencies, actorId: actor, type: 'CaseFiled' },
        { agencies, from, to },
        { agencies, from },
        { agencies, type: 'CaseOpened', to },
      );
  });
  afterAll(async () => {
    await pg?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a history with rows in most shapes', () => {
    expect(oneShot(db, shapes[0]).length).toBeGreaterThan(150);
    expect(shapes.filter((s) => oneShot(db, s).length > 0).length).toBeGreaterThan(15);
  });

  it.each([1, 7, 100])('pages of %i: the one-shot rows, in order, no duplicates or gaps (SQLite and PostgreSQL alike)', async (limit) => {
    let checked = 0;
    for (const shape of shapes) {
      const expected = oneShot(db, shape);
      // A page per row over a long history would only repeat what the shorter ones show.
      if (limit === 1 && expected.length > 200) continue;
      const sqliteRows = await allPages(sqlite, shape, limit);
      expect({ shape, positions: sqliteRows.map((r) => r.position) }).toEqual({ shape, positions: expected });
      expect({ shape, rows: await allPages(pg, shape, limit) }).toEqual({ shape, rows: sqliteRows });
      checked++;
    }
    expect(checked).toBeGreaterThan(limit === 1 ? 10 : 30);
  });

  it('a page after any position starts at the next row of the one-shot query', async () => {
    const shape = shapes[0];
    const expected = oneShot(db, shape);
    for (const after of [0, expected[10], expected[10] + 1, expected[expected.length - 2], expected[expected.length - 1]]) {
      const page = await sqlite.auditTrail({ ...shape, after, limit: 5 });
      expect(page.map((r) => r.position)).toEqual(oneShot(db, shape, after).slice(0, 5));
      expect(await pg.auditTrail({ ...shape, after, limit: 5 })).toEqual(page);
    }
  });
});
