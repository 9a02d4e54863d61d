import Database from 'better-sqlite3';
import { Client } from 'pg';
import { auditTrailProjection } from '@app/projections';
import { PgReadModels } from '../../apps/api/src/read-models/pg-read-models';
import { AuditQuery } from '../../apps/api/src/read-models/read-models';
import { SqliteReadModels } from '../../apps/api/src/read-models/sqlite-read-models';
import { describeWithPg } from '../support/pg-test-database';

/** Rows of the synthetic trail: enough that a planner prefers an index to a scan where one serves. */
const ROWS = 200_000;
/** A city with its counties (12 agencies of the trail's 40), as a supervisor's scope resolves it. */
const CITY = Array.from({ length: 12 }, (_, i) => `ag-${i}`);

/** The main filter shapes of GET /audit: scope alone, by actor, by type, by both, by case, and a later page. */
const SHAPES: Omit<AuditQuery, 'limit'>[] = [
  { agencies: CITY, after: 0 },
  { agencies: CITY, after: 150_000 },
  { agencies: ['ag-3'], after: 0 },
  { agencies: CITY, after: 0, actorId: 'u-7' },
  { agencies: CITY, after: 0, type: 't-4' },
  { agencies: CITY, after: 0, actorId: 'u-7', type: 't-2' },
  { agencies: CITY, after: 0, caseId: 'c-1210' },
  { agencies: CITY, after: 0, from: '2025-04-01T00:00:00.000Z', to: '2025-04-02T00:00:00.000Z' },
];

/** Fills columns from the row number n: agencies, cases, actors and types spread over the trail. */
const SQLITE_FILL = `
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
  INSERT INTO audit_trail (position, event_id, case_id, revision, type, actor_id, recorded_at, case_agency_id)
  SELECT i, 'e-' || i, 'c-' || (i % 20000), i / 20000, 't-' || (i % 25), 'u-' || (i % 60),
         strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || i || ' minutes'), 'ag-' || ((i % 20000) % 40) FROM n`;

/**
 * Every audit filter shape is served by an index that matches the filter and the order: the plan reads index ranges
 * (per agency, or the case's) and never sorts the trail (no temporary B-tree in SQLite, no scan of the table in
 * PostgreSQL), so a page reads as many entries as it returns however long the trail.
 */
/** The index that serves a shape. */
const indexOf = (shape: Omit<AuditQuery, 'limit'>) =>
  shape.caseId
    ? 'audit_trail_case'
    : shape.actorId && shape.type
      ? '(audit_trail_scope_actor|audit_trail_scope_type)'
      : shape.actorId
        ? 'audit_trail_scope_actor'
        : shape.type
          ? 'audit_trail_scope_type'
          : 'audit_trail_scope';

describe('audit trail query plans (SQLite)', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, data TEXT, metadata TEXT, prev_hash TEXT, hash TEXT)');
    auditTrailProjection.sqlite.setup(db);
    db.exec(SQLITE_FILL);
    db.exec(`INSERT INTO events SELECT position, '{}', '{}', NULL, NULL FROM audit_trail`);
  });
  afterAll(() => db.close());

  it.each(SHAPES)('%j: index ranges in position order, no sort', async (shape) => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const prepare = db.prepare.bind(db);
    const spy = jest.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      const statement = prepare(sql);
      const all = statement.all.bind(statement);
      // better-sqlite3 statements are not extensible by assignment on the prototype: wrap the one call the read model makes.
      return Object.assign(statement, {
        all: (...params: unknown[]) => {
          statements.push({ sql, params });
          return all(...params);
        },
      });
    });
    try {
      const rows = await new SqliteReadModels(db).auditTrail({ ...shape, limit: 100 });
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    expect(statements.length).toBe(2);
    const plans = statements.map(({ sql, params }) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    );
    const [page, fetch] = plans;
    expect(page.join('\n')).toMatch(new RegExp(`USING (COVERING )?INDEX ${indexOf(shape)} `));
    for (const detail of [...page, ...fetch]) {
      expect(detail).not.toMatch(/TEMP B-TREE/);
      expect(detail).not.toMatch(/^SCAN/);
    }
  });
});

describeWithPg('audit trail query plans (PostgreSQL)', (database) => {
  let models: PgReadModels;
  let client: Client;
  let schema: string;
  beforeAll(async () => {
    schema = database().schema('plans');
    models = await PgReadModels.open({ connectionString: database().url, schema });
    client = new Client({ connectionString: database().url });
    await client.connect();
    await client.query(`CREATE TABLE "${schema}".events (position BIGINT PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT, hash TEXT)`);
    await client.query(`INSERT INTO "${schema}".audit_trail (position, event_id, case_id, revision, type, actor_id, recorded_at, case_agency_id)
      SELECT i, 'e-' || i, 'c-' || (i % 20000), i / 20000, 't-' || (i % 25), 'u-' || (i % 60),
             to_char(TIMESTAMP '2025-01-01' + i * INTERVAL '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ag-' || ((i % 20000) % 40)
      FROM generate_series(1, ${ROWS}) AS i`);
    await client.query(`INSERT INTO "${schema}".events SELECT position, event_id, 'case-' || case_id, revision, type, '{}', '{}', NULL, NULL
      FROM "${schema}".audit_trail; ANALYZE "${schema}".audit_trail; ANALYZE "${schema}".events`);
  });
  afterAll(async () => {
    await client?.end();
    await models?.close();
  });

  it.each(SHAPES)('%j: index scans of the trail, never a scan of the table', async (shape) => {
    const pool = (models as unknown as { pool: { query: (q: { text: string; values: unknown[] }) => Promise<unknown> } }).pool;
    const spy = jest.spyOn(pool, 'query');
    let calls: (typeof spy.mock.calls)[number][];
    try {
      const rows = await models.auditTrail({ ...shape, limit: 100 });
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      calls = [...spy.mock.calls];
      spy.mockRestore();
    }
    expect(calls).toHaveLength(1);
    const { text, values } = calls[0][0];
    const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(new RegExp(`Index (Only )?Scan (using|on) ${indexOf(shape)} `));
    expect(plan).not.toMatch(/Seq Scan/);
    // The scope alone: each agency's range is read in position order up to the page's end. With a case, an actor or
    // a type the planner may read the (narrow, as estimated) range whole and sort it; a time range filters each
    // agency's range (recorded_at is not in the index).
    if (!shape.caseId && !shape.from && !shape.actorId && !shape.type)
      expect(plan).not.toMatch(/Bitmap Heap Scan|Sort Key: a_1.case_agency_id|Incremental Sort/);
  });
});
