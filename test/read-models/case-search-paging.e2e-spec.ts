import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EventStore, SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, PgProjectionRunner, SqliteProjectionRunner, caseIndexProjection } from '@app/projections';
import { PgReadModels } from '../../apps/api/src/read-models/pg-read-models';
import { CaseIndexRow, CaseSearchQuery, CaseSort, ReadModels } from '../../apps/api/src/read-models/read-models';
import { SqliteReadModels } from '../../apps/api/src/read-models/sqlite-read-models';
import { CASE_SORT_COLUMNS } from '../../apps/api/src/read-models/read-models';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { describeWithPg } from '../support/pg-test-database';
import { startTestApp } from '../support/test-app';

const AGENCIES = ['ag-431000', 'ag-431002', 'ag-431003', 'ag-431021'];
const AGENCY_SETS = [AGENCIES, ['ag-431002'], ['ag-431003', 'ag-431021']];

/** Party names of every kind the search meets: Chinese, Latin of both cases, digits, %, _, quotes, brackets. */
const NAMES = [
  '湖南矿业有限公司',
  '郴州矿业集团',
  '矿',
  'ABC矿业',
  'abc Mining Co',
  'Abc_100%',
  'a%b_c',
  '100%纯净水厂',
  '50_50工贸',
  '张三',
  '矿业',
  'x"y 商行',
  '（湖南）安全科技',
  '𠀋记餐馆',
];
const QUERIES = [
  '矿业',
  '矿',
  '业有限',
  'abc',
  'ABC',
  'Abc',
  '%',
  '_',
  '0%',
  '_1',
  '100',
  'a%b',
  '"',
  'x"y',
  '湖南',
  '（',
  'zzz',
  '公司',
  'c',
  '𠀋',
  '𠀋记',
];

/**
 * Cases with the names above over the agencies, several opened at the same moment (ties broken by case id), some
 * filed with a number and decided, others not (NULL keys).
 */
async function appendParties(store: EventStore): Promise<void> {
  let n = 0;
  for (let i = 0; i < NAMES.length * 3; i++) {
    const agencyId = AGENCIES[1 + (i % 3)];
    const stream = `case-9a57e000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const occurredAt = ['2026-05-01T08:00:00+08:00', '2026-05-01T00:00:00Z', '2026-05-02T09:30:00+08:00'][i % 3];
    const meta = (stageAfter: string) => ({
      actor: { id: `u-${agencyId.slice(3)}-officer-1`, name: '员', agencyId },
      command: 'paging',
      occurredAt,
      recordedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + (i % 4) * 1000).toISOString(),
      stageAfter,
    });
    const put = (type: string, data: Record<string, unknown>, stage: string) =>
      store.append(
        stream,
        [{ id: `9a57e000-${String(i).padStart(4, '0')}-4000-8000-${String(++n).padStart(12, '0')}`, type, data, metadata: meta(stage) }],
        'any',
      );
    await put(
      'CaseOpened',
      {
        agencyId,
        industry: ['mining', 'gas'][i % 2],
        party: { kind: 'organization', name: NAMES[i % NAMES.length], creditCode: `91431000MA4P${String(i).padStart(6, '0')}` },
        handlingOfficerIds: [`u-${agencyId.slice(3)}-officer-1`],
      },
      'filing',
    );
    if (i % 4 === 0) continue;
    await put('CaseFiled', { caseNo: `郴应急立〔2026〕${i % 5}号`, deadlines: [] }, 'investigation');
    if (i % 4 === 1) continue;
    await put('NoPenaltyDecided', { decisionNo: `郴应急不罚〔2026〕${i}号` }, i % 2 ? 'decided' : 'closed');
  }
}

/** The search as it was before keyset paging (offset paging over instr), the oracle of every page. */
function oldSearch(db: Database.Database, q: CaseSearchQuery): CaseIndexRow[] {
  const where = [`agency_id IN (${q.agencies.map(() => '?').join(',')})`];
  const params: (string | number)[] = [...q.agencies];
  const add = (sql: string, ...values: string[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (q.stage) add('stage = ?', q.stage);
  if (q.industry) add('industry = ?', q.industry);
  if (q.party) add('(instr(party_name, ?) > 0 OR party_code = upper(?))', q.party, q.party);
  if (q.officerId) add('instr(officer_ids, ?) > 0', `,${q.officerId},`);
  const sort = { openedAt: 'julianday(opened_at)', updatedAt: 'updated_at', caseNo: 'case_no', decidedAt: 'julianday(decided_at)' }[q.sort];
  return db
    .prepare(
      `SELECT * FROM case_index WHERE ${where.join(' AND ')} ORDER BY ${sort} ${q.order === 'asc' ? 'ASC' : 'DESC'}, case_id LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as CaseIndexRow[];
}

const FILTERS: Partial<CaseSearchQuery>[] = [
  {},
  { stage: 'closed' },
  { stage: 'investigation' },
  { industry: 'mining' },
  { party: '矿业' },
  { party: 'abc', stage: 'filing' },
  { party: '%' },
  { officerId: 'u-431002-officer-1' },
];
const SORTS: CaseSort[] = ['openedAt', 'updatedAt', 'caseNo', 'decidedAt'];

/** Every page by `after` from the first: the rows in order, and each page's size. */
async function walk(models: ReadModels, q: CaseSearchQuery): Promise<CaseIndexRow[]> {
  const rows: CaseIndexRow[] = [];
  let after: CaseSearchQuery['after'];
  for (let pages = 0; pages < 500; pages++) {
    const page = await models.searchCases({ ...q, after, offset: 0 });
    expect(page.rows.length).toBeLessThanOrEqual(q.limit);
    rows.push(...page.rows);
    if (!page.more) return rows;
    const last = page.rows[page.rows.length - 1];
    after = { key: last[CASE_SORT_COLUMNS[q.sort]], caseId: last.case_id };
  }
  throw new Error('no last page');
}

function buildHistory() {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-case-paging-'));
  const file = path.join(dir, 'casetrail.db');
  return {
    dir,
    file,
    async build(): Promise<SqliteEventStore> {
      const app = await startTestApp({ dataDir: dir });
      await app.close();
      const store = new SqliteEventStore({ filename: file });
      const realizer = new CaseRealizer(store);
      for (const types of [...transitionPlans().values()].slice(0, 20)) await realizer.realize(types);
      await appendParties(store);
      return store;
    },
  };
}

/** Keyset pages and bounded offset pages of one read model against the old query. */
function pagingTests(models: () => ReadModels, oracle: () => Database.Database) {
  it('keyset pages return exactly the old query’s rows, in order, without duplicates or gaps', async () => {
    let nonEmpty = 0;
    for (const agencies of AGENCY_SETS)
      for (const f of FILTERS)
        for (const sort of SORTS)
          for (const order of ['asc', 'desc'] as const) {
            const q: CaseSearchQuery = { agencies, ...f, sort, order, limit: 4, offset: 0 };
            const expected = oldSearch(oracle(), { ...q, limit: 100_000 }).map((r) => r.case_id);
            const walked = (await walk(models(), q)).map((r) => r.case_id);
            expect({ q, walked }).toEqual({ q, walked: expected });
            expect(new Set(walked).size).toBe(walked.length);
            if (expected.length > 4) nonEmpty++;
          }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('offset pages still answer the old query’s pages, with the same total', async () => {
    for (const agencies of AGENCY_SETS)
      for (const f of FILTERS)
        for (const order of ['asc', 'desc'] as const)
          for (const offset of [0, 3, 9]) {
            const q: CaseSearchQuery = { agencies, ...f, sort: 'openedAt', order, limit: 3, offset };
            const { total, rows } = await models().searchCases(q);
            expect({ q, rows: rows.map((r) => r.case_id) }).toEqual({ q, rows: oldSearch(oracle(), q).map((r) => r.case_id) });
            expect(total).toBe(oldSearch(oracle(), { ...q, limit: 100_000, offset: 0 }).length);
          }
  });

  it('party search returns the rows of LIKE ‘%…%’ (case-sensitive, % and _ as themselves) for names of every kind', async () => {
    let found = 0;
    for (const party of QUERIES) {
      const escaped = party.replace(/[\\%_]/g, (c) => `\\${c}`);
      const expected = (
        oracle()
          .prepare(
            `SELECT case_id FROM case_index WHERE agency_id IN (${AGENCIES.map(() => '?').join(',')})
             AND party_name LIKE ? ESCAPE '\\' AND instr(party_name, ?) > 0 ORDER BY julianday(opened_at) DESC, case_id`,
          )
          .all(...AGENCIES, `%${escaped}%`, party) as { case_id: string }[]
      ).map((r) => r.case_id);
      const { rows, total } = await models().searchCases({
        agencies: AGENCIES,
        party,
        sort: 'openedAt',
        order: 'desc',
        limit: 200,
        offset: 0,
      });
      expect({ party, rows: rows.map((r) => r.case_id) }).toEqual({ party, rows: expected });
      expect(total).toBe(expected.length);
      if (expected.length) found++;
    }
    expect(found).toBeGreaterThan(15);
  });
}

describe('case search paging on SQLite', () => {
  const history = buildHistory();
  let db: Database.Database;
  let models: SqliteReadModels;
  beforeAll(async () => {
    const store = await history.build();
    await store.close();
    db = new Database(history.file);
    new SqliteProjectionRunner(sqliteProjectionHost(db, history.file), ALL_PROJECTIONS).catchUp();
    models = new SqliteReadModels(db);
  });
  afterAll(() => {
    db?.close();
    rmSync(history.dir, { recursive: true, force: true });
  });

  pagingTests(
    () => models,
    () => db,
  );

  it('reads each page in the order of an index: no sort of the matching cases', async () => {
    const seen: { sql: string; args: unknown[] }[] = [];
    const spy = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare')
          return (sql: string) => {
            const statement = target.prepare(sql);
            return new Proxy(statement, {
              get(s, k) {
                if (k === 'all') return (...args: unknown[]) => (seen.push({ sql, args }), s.all(...args));
                const v = Reflect.get(s, k) as unknown;
                return typeof v === 'function' ? v.bind(s) : v;
              },
            });
          };
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const spied = new SqliteReadModels(spy);
    // The plans are those of a store of some size (for a few dozen rows, SQLite rightly prefers sorting them all).
    const large = new Database(':memory:');
    caseIndexProjection.sqlite.setup(large);
    const insert = large.prepare(
      `INSERT INTO case_index (case_id, agency_id, stage, industry, party_kind, party_name, party_code, officer_ids, opened_at, case_no,
       decided_at, flags, position, updated_at) VALUES (?, ?, ?, 'mining', 'organization', ?, ?, ?, ?, ?, ?, ',', ?, ?)`,
    );
    large.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const agency = AGENCIES[i % 4];
        // Distinct moments, as a store's are (ties are rare).
        const day = new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString();
        insert.run(
          `c-${String(i).padStart(6, '0')}`,
          agency,
          ['filing', 'investigation', 'decided', 'closed'][i % 4],
          `公司${i}`,
          `C${i}`,
          `,u-${agency.slice(3)}-officer-1,`,
          day,
          i % 3 ? `立〔2026〕${i}号` : null,
          i % 2 ? day : null,
          i,
          day,
        );
      }
    })();
    large.exec('ANALYZE');
    for (const f of [{}, { stage: 'closed' }, { industry: 'mining' }, { officerId: 'u-431002-officer-1' }])
      for (const sort of SORTS)
        for (const order of ['asc', 'desc'] as const) {
          seen.length = 0;
          const first = await spied.searchCases({ agencies: AGENCIES, ...f, sort, order, limit: 2, offset: 0 });
          const last = first.rows[first.rows.length - 1];
          await spied.searchCases({
            agencies: AGENCIES,
            ...f,
            sort,
            order,
            limit: 2,
            offset: 0,
            after: { key: last[CASE_SORT_COLUMNS[sort]], caseId: last.case_id },
          });
          const pages = seen.filter((s) => s.sql.startsWith('SELECT case_id, '));
          expect(pages.length).toBeGreaterThan(0);
          for (const { sql, args } of pages) {
            const plan = (large.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');
            const index = `case_index_${'stage' in f ? 'stage_' : ''}by_`;
            expect({ sort, order, f, plan }).toEqual({ sort, order, f, plan: expect.stringContaining(`INDEX ${index}`) });
            // Newest first (the default) is the index's own order; oldest first reads it backwards and only orders
            // the cases of one equal key by id.
            if (order === 'desc') expect({ f, sort, plan }).toEqual({ f, sort, plan: expect.not.stringContaining('TEMP B-TREE') });
            else expect({ f, sort, plan }).toEqual({ f, sort, plan: expect.not.stringContaining('TEMP B-TREE FOR ORDER BY') });
          }
        }
    large.close();
  });
});

describeWithPg('case search paging on PostgreSQL', (database) => {
  const history = buildHistory();
  let db: Database.Database;
  let pg: PgReadModels;
  beforeAll(async () => {
    const store = await history.build();
    db = new Database(history.file);
    new SqliteProjectionRunner(sqliteProjectionHost(db, history.file), ALL_PROJECTIONS).catchUp();
    const schema = database().schema('paging');
    const client = new Client({ connectionString: database().url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 500 }).setup();
      await new PgProjectionRunner({ store, db: client, schema, projections: ALL_PROJECTIONS, pageSize: 500 }).catchUp();
    } finally {
      await client.end();
    }
    await store.close();
    pg = await PgReadModels.open({ connectionString: database().url, schema });
  });
  afterAll(async () => {
    await pg?.close();
    db?.close();
    rmSync(history.dir, { recursive: true, force: true });
  });

  pagingTests(
    () => pg,
    () => db,
  );
});
