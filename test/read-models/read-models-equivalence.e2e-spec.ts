import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EventStore, SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { Directory, demoDirectoryEvents } from '@app/directory';
import { ALL_PROJECTIONS, SqliteProjectionRunner } from '@app/projections';
import { PgReadModels } from '../../apps/api/src/read-models/pg-read-models';
import { CaseSort, FINE_IN_PLACE_OF_REFERRAL, ReadModels } from '../../apps/api/src/read-models/read-models';
import { SqliteReadModels } from '../../apps/api/src/read-models/sqlite-read-models';
import { FILED_FIGURE, RATES, asOfMs, countFigures, periodOf } from '../../apps/api/src/reports/assessment-figures';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { appendEdgeHistory } from '../projections/edge-history';
import { describeWithPg } from '../support/pg-test-database';
import { buildPgReadModels } from './pg-read-models-copy';
import { startTestApp } from '../support/test-app';

const AGENCIES = ['ag-431000', 'ag-431002', 'ag-431003', 'ag-431021'];

/**
 * Decided, published cases spread over agencies, fines (with ties), violation codes, party kinds and moments on the
 * edges of quarters and days in several spellings (Z, +08:00, fractions), for the consistency report, the public
 * register's order and the quarter counts.
 */
async function appendSpread(store: EventStore): Promise<void> {
  let n = 0;
  const at = (i: number) =>
    [
      '2026-03-31T23:59:59.999+08:00',
      '2026-03-31T16:00:00Z',
      '2026-04-01T00:00:00+08:00',
      '2026-06-30T15:59:59.5Z',
      '2026-12-31T16:00:00.000Z',
      '2025-12-31T23:00:00+08:00',
      '2026-09-01 10:00:00',
    ][i % 7];
  for (let i = 0; i < 21; i++) {
    const stream = `case-5ca1ab1e-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const agencyId = ['ag-431002', 'ag-431003', 'ag-431021'][i % 3];
    const meta = (occurredAt: string, stageAfter: string) => ({
      actor: { id: `u-${agencyId.slice(3)}-officer-1`, name: '员', agencyId },
      command: 'spread',
      occurredAt,
      recordedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + ++n * 1000).toISOString(),
      stageAfter,
    });
    const put = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) =>
      store.append(
        stream,
        [{ id: `5ca1ab1e-${String(i).padStart(4, '0')}-4000-8000-${String(n).padStart(12, '0')}`, type, data, metadata }],
        'any',
      );
    await put(
      'CaseOpened',
      {
        agencyId,
        industry: ['fireworks', 'mining', 'gas'][i % 3],
        party:
          i % 4
            ? { kind: 'organization', name: `分布测试${i}号公司`, creditCode: `9143100${i % 10}MA4L0000${String(i).padStart(2, '0')}` }
            : { kind: 'individual', name: `赵${i}`, idNumber: `43100219800101${String(i).padStart(4, '0')}` },
        handlingOfficerIds: [`u-${agencyId.slice(3)}-officer-1`],
        criminalIndicators: { seriousInjuries: i % 5 === 0 ? 1 : 0 },
      },
      meta(at(i), 'filing'),
    );
    await put(
      'CaseFiled',
      {
        caseNo: i % 6 ? `郴应急立〔2026〕${i}号` : '',
        // A whole deadline set, as the engine writes it (the open-deadlines read model keeps its day, moment and basis).
        deadlines: [
          {
            kind: 'decision',
            startedAt: at(i + 1),
            dueDate: at(i + 2).slice(0, 10),
            dueAt: at(i + 2),
            basis: '90日 (行政处罚法第六十条)',
            rulesVersion: 'r',
          },
        ],
      },
      meta(at(i + 1), 'investigation'),
    );
    if (i % 7 === 6) continue;
    await put(
      'InterferenceRecorded',
      {
        recordId: `r-spread-${i}`,
        intervener: { name: i % 2 ? '李四' : '王五', unit: 'u', post: 'p', relation: 'other' },
        means: 'phone',
        content: 'c',
        handling: 'h',
      },
      meta(at(i + 3), 'investigation'),
    );
    await put(
      'PenaltyDecided',
      {
        decisionNo: `郴应急罚〔2026〕${i}号`,
        penalties: i % 5 ? [{ kind: 'fine', amountYuan: [10_000, 12_500.5, 20_000, 10_000, 99_999][i % 5] }] : [{ kind: 'warning' }],
        legalBasis: ['安全生产法 Art. 99'],
        violationCode: i % 2 ? 'AQ-99' : 'LOCAL-7',
        discretionLevel: i % 3 ? 'general' : 'serious',
      },
      meta(at(i + 4), 'decided'),
    );
    if (i % 4 !== 3) await put('DecisionPublished', { channel: 'website' }, meta(at(i + 5), 'decided'));
    if (i % 5 === 2) await put('CaseClosed', {}, meta(at(i + 6), 'closed'));
  }
}

/**
 * Every question the API asks of the read models, asked of the SQLite ones and of the PostgreSQL ones built from the
 * same history: the same answer, row by row and value by value (types included). The history: the demo seed, written
 * by the real application on SQLite; then cases for a few dozen transition paths of the machine, the hand-written
 * corners of edge-history.ts and a spread of decided cases over agencies, fines and quarter edges.
 */
describeWithPg('ReadModels: PostgreSQL answers every query as SQLite does', (database) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-read-models-'));
  let sqliteDb: Database.Database;
  let sqlite: ReadModels;
  let pg: PgReadModels;
  let caseIds: string[] = [];
  let actors: string[] = [];
  let head = 0;

  beforeAll(async () => {
    const app = await startTestApp({ dataDir: dir });
    await app.close();
    const file = path.join(dir, 'casetrail.db');
    const store = new SqliteEventStore({ filename: file });
    const realizer = new CaseRealizer(store);
    for (const types of [...transitionPlans().values()].slice(0, 40)) await realizer.realize(types);
    await appendEdgeHistory(store);
    await appendSpread(store);
    head = Number(await store.headPosition());

    sqliteDb = new Database(file);
    new SqliteProjectionRunner(sqliteProjectionHost(sqliteDb, file), ALL_PROJECTIONS).catchUp();
    sqlite = new SqliteReadModels(sqliteDb);

    const schema = database().schema('rm');
    await buildPgReadModels(sqliteDb, store, database().url, schema);
    pg = await PgReadModels.open({ connectionString: database().url, schema });
    await store.close();
    caseIds = (sqliteDb.prepare('SELECT case_id FROM case_index ORDER BY case_id').all() as { case_id: string }[]).map((r) => r.case_id);
    actors = (sqliteDb.prepare('SELECT DISTINCT actor_id FROM audit_trail ORDER BY actor_id').all() as { actor_id: string }[]).map(
      (r) => r.actor_id,
    );
  });
  afterAll(async () => {
    await pg?.close();
    sqliteDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Asks both; returns how many answers had content (a suite of empty answers would prove nothing). */
  async function compare<Q>(method: keyof ReadModels, queries: Q[], ask: (m: ReadModels, q: Q) => Promise<unknown>): Promise<number> {
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = await ask(sqlite, q);
      const actual = await ask(pg, q);
      expect({ method, q, answer: actual }).toEqual({ method, q, answer: expected });
      const content = (x: unknown): boolean =>
        Array.isArray(x) ? x.length > 0 : x !== null && typeof x === 'object' ? Object.values(x).some(content) : false;
      if (content(expected)) nonEmpty++;
    }
    return nonEmpty;
  }
  const agencySets = [AGENCIES, ['ag-431002'], ['ag-431003', 'ag-431021'], ['ag-431000'], []];
  const directory = new Directory();
  demoDirectoryEvents().forEach((e) => directory.apply(e));

  it('sees a history with something in every read model', async () => {
    expect(caseIds.length).toBeGreaterThan(60);
    expect(await pg.checkpoints()).toEqual(await sqlite.checkpoints());
    expect((await pg.checkpoints()).map((c) => c.position)).toEqual(ALL_PROJECTIONS.map(() => head));
  });

  it('case search: filters, sorts both ways with NULLs, pages', async () => {
    const filters: Record<string, string | string[]>[] = [
      {},
      { stage: 'closed' },
      { stage: 'decided' },
      { industry: 'fireworks' },
      { party: '公司' },
      { party: 'Edge' },
      { party: '91431002MA4L00001N' },
      { party: '91431002ma4l00001n' },
      { party: '赵' },
      { officerId: 'u-431002-officer-1' },
      { officerId: 'u-431003-officer-1' },
      { overdue: 'handling_period' },
      { flag: 'fine_only' },
      { flag: 'interference_recorded' },
      { flag: 'major' },
      { flag: FINE_IN_PLACE_OF_REFERRAL },
      { openedFrom: '2026-03-31T00:00:00+08:00', openedTo: '2026-03-31T23:59:59.999+08:00' },
      { openedFrom: '2026-04-01T00:00:00+08:00' },
      { decidedFrom: '2026-01-01T00:00:00+08:00', decidedTo: '2026-06-30T23:59:59.999+08:00' },
      { decidedTo: '2026-03-31T23:59:59.999+08:00', industry: 'gas' },
      { caseIds: [caseIds[0], caseIds[3], 'e1d9e000-0000-4000-8000-000000000001'] },
    ];
    const queries = [];
    for (const agencies of agencySets)
      for (const f of filters)
        for (const sort of ['openedAt', 'updatedAt', 'caseNo', 'decidedAt'] as CaseSort[])
          for (const order of ['asc', 'desc'] as const) queries.push({ agencies, ...f, sort, order, limit: 15, offset: f.stage ? 2 : 0 });
    expect(await compare('searchCases', queries, (m, q) => m.searchCases(q))).toBeGreaterThan(200);
  });

  it('audit trail: scope, filters, pages after a position', async () => {
    const queries = [];
    for (const agencies of agencySets) {
      for (const after of [0, 37, 400]) queries.push({ agencies, after, limit: 60 });
      queries.push({ agencies, after: 0, caseId: caseIds[3], limit: 100 });
      queries.push({ agencies, after: 0, caseId: 'e1d9e000-0000-4000-8000-000000000001', limit: 100 });
      for (const actorId of actors.slice(0, 6)) queries.push({ agencies, after: 0, actorId, limit: 25 });
      queries.push({ agencies, after: 0, type: 'CaseOpened', limit: 500 });
      queries.push({ agencies, after: 0, from: '2026-03-01T00:05:00.000Z', to: '2026-03-01T00:20:00.000Z', limit: 500 });
      queries.push({ agencies, after: 0, from: '2026-10-01T00:00:10.000Z', limit: 500 });
    }
    expect(await compare('auditTrail', queries, (m, q) => m.auditTrail(q))).toBeGreaterThan(20);
  });

  it('interference register and quarterly counts: periods on quarter edges, the approving head left out', async () => {
    const readers = ['u-431002-officer-1', 'u-431002-head', 'u-431000-supervisor', 'u-431003-head'];
    const quarter = (y: number, q: number): [string, string] => [
      `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01T00:00:00+08:00`,
      q === 4 ? `${y + 1}-01-01T00:00:00+08:00` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01T00:00:00+08:00`,
    ];
    const periods: ([string, string] | undefined)[] = [
      undefined,
      quarter(2026, 1),
      quarter(2026, 2),
      quarter(2026, 3),
      quarter(2026, 4),
      quarter(2025, 4),
      ['2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ];
    const register = [];
    for (const agencies of agencySets)
      for (const readerId of readers)
        for (const period of periods) {
          register.push({ agencies, readerId, period });
          register.push({ agencies, readerId, period, intervener: '李四' });
        }
    register.push({ agencies: AGENCIES, readerId: 'x', caseId: 'e1d9e000-0000-4000-8000-000000000001' });
    expect(await compare('interferenceRegister', register, (m, q) => m.interferenceRegister(q))).toBeGreaterThan(20);
    const counts = periods.flatMap((p) => (p ? readers.map((readerId) => ({ from: p[0], to: p[1], readerId })) : []));
    expect(await compare('interferenceCounts', counts, (m, q) => m.interferenceCounts(q))).toBeGreaterThan(5);
  });

  it('deadline watch: the passed open deadlines by their end, page after page', async () => {
    const queries = [];
    for (const before of ['2026-01-01T00:00:00Z', '2026-10-01T00:00:00+08:00', '2027-06-01T00:00:00Z', '2030-01-01T00:00:00Z'])
      for (const limit of [1, 3, 1000]) queries.push({ beforeMs: Date.parse(before), after: null, limit });
    // Every page of the widest range, each after the last row of the page before.
    const all = await sqlite.dueDeadlines({ beforeMs: Date.parse('2030-01-01T00:00:00Z'), after: null, limit: 1000 });
    expect(all.length).toBeGreaterThan(3);
    for (const after of all.slice(0, -1)) queries.push({ beforeMs: Date.parse('2030-01-01T00:00:00Z'), after, limit: 2 });
    expect(await compare('dueDeadlines', queries, (m, q) => m.dueDeadlines(q))).toBeGreaterThan(5);
  });

  it('public decisions: display window, issuing agency, pages', async () => {
    const queries = [];
    for (const oldest of ['2020-01-01T00:00:00.000Z', '2026-03-31T16:00:00.000Z', '2026-09-01T00:00:00.000Z'])
      for (const agencyId of [undefined, 'ag-431002', 'ag-431003', 'ag-431000'])
        for (const [limit, offset] of [
          [20, 0],
          [3, 2],
          [100, 0],
        ])
          queries.push({ oldest, agencyId, limit, offset });
    expect(await compare('publicDecisions', queries, (m, q) => m.publicDecisions(q))).toBeGreaterThan(15);
  });

  it('assessment: the six rates’ rows, overdue cases and interference per quarter, for years, quarters and report dates', async () => {
    const queries = [];
    for (const agencies of agencySets)
      for (const year of [2025, 2026])
        for (const quarter of [undefined, 1, 2, 3, 4])
          for (const asOf of ['2026-04-01T00:00:00+08:00', '2026-11-27T00:00:00.000Z']) {
            const [m0, m1] = quarter ? [(quarter - 1) * 3 + 1, quarter * 3 + 1] : [1, 13];
            const day = (m: number) => `${m > 12 ? year + 1 : year}-${String(m > 12 ? 1 : m).padStart(2, '0')}-01`;
            const [fromDay, toDay] = [day(m0), day(m1)];
            queries.push({
              agencies,
              from: `${fromDay}T00:00:00+08:00`,
              to: `${toDay}T00:00:00+08:00`,
              fromDay,
              toDay,
              asOf,
              yearFrom: `${year}-01-01T00:00:00+08:00`,
              yearTo: `${year + 1}-01-01T00:00:00+08:00`,
            });
          }
    expect(await compare('assessment', queries, (m, q) => m.assessment(q))).toBeGreaterThan(30);
  });

  it('assessment figures: the counters and the drill-down pages give what the row-by-row computation gives, on both', async () => {
    let compared = 0;
    for (const agencies of agencySets)
      for (const year of [2025, 2026])
        for (const quarter of [undefined, 1, 2, 3, 4])
          for (const asOf of ['2026-04-01T00:00:00+08:00', '2026-11-27T00:00:00.000Z']) {
            const scope = { agencies, year, ...(quarter ? { quarter } : {}), asOf };
            for (const m of [sqlite, pg]) {
              // The oracle: the facts row by row, as the report computed its figures before the counters.
              const facts = await m.assessment({ agencies, ...periodOf(scope) });
              const count = await countFigures(m, scope);
              const behind = async (figure: string) => {
                const ids: string[] = [];
                const seen = new Set<string>();
                for (let after: { caseId: string; orderId: string } | undefined; ;) {
                  const page = await m.assessmentCases({ ...scope, asOfMs: asOfMs(scope), figure, after, limit: 3 });
                  for (const r of page) {
                    expect(seen.has(`${r.case_id}/${r.order_id}`)).toBe(false);
                    seen.add(`${r.case_id}/${r.order_id}`);
                    ids.push(r.case_id);
                  }
                  if (page.length < 3) return ids;
                  after = { caseId: page[2].case_id, orderId: page[2].order_id };
                }
              };
              const figures = { filed: 0, rates: {} as Record<string, unknown> };
              const expected = { filed: 0, rates: {} as Record<string, unknown> };
              for (const a of agencies) figures.filed += count(a, FILED_FIGURE);
              expected.filed = facts.filed.length;
              for (const [key] of RATES) {
                const rows = facts.rates[key];
                expected.rates[key] = {
                  perAgency: agencies.map((a) => [
                    rows.filter((r) => r.agency_id === a && r.included === 1).length,
                    rows.filter((r) => r.agency_id === a).length,
                  ]),
                  numerator: rows.filter((r) => r.included === 1).map((r) => r.case_id),
                  denominator: rows.map((r) => r.case_id),
                };
                figures.rates[key] = {
                  perAgency: agencies.map((a) => [count(a, `${key}.numerator`), count(a, `${key}.denominator`)]),
                  numerator: await behind(`${key}.numerator`),
                  denominator: await behind(`${key}.denominator`),
                };
                if (rows.length) compared++;
              }
              expect({ scope, kind: m.kind, figures }).toEqual({ scope, kind: m.kind, figures: expected });
              const industries = [...new Set(facts.filed.map((r) => r.industry))];
              expect(industries.map((i) => agencies.reduce((n, a) => n + count(a, `industry:${i}`), 0))).toEqual(
                industries.map((i) => facts.filed.filter((r) => r.industry === i).length),
              );
            }
          }
    expect(compared).toBeGreaterThan(60);
    // Some four thousand small pages on each: a bound against a hang on a busy machine, not a speed claim.
  }, 300_000);

  it('consistency: decisions with codes, levels and fines, all years or one', async () => {
    const queries = [];
    for (const agencies of agencySets)
      for (const period of [
        undefined,
        ['2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
        ['2025-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00'],
      ] as ([string, string] | undefined)[])
        queries.push({ agencies, period });
    expect(await compare('consistencyDecisions', queries, (m, q) => m.consistencyDecisions(q))).toBeGreaterThan(4);
    expect(await compare('consistencyFineCounts', queries, (m, q) => m.consistencyFineCounts(q))).toBeGreaterThan(4);
    // The counts and the outliers are the decisions of before, counted and filtered (same rows, same order).
    const outlierQueries = [];
    for (const q of queries) {
      const decisions = await sqlite.consistencyDecisions(q);
      const counts = await sqlite.consistencyFineCounts(q);
      expect(counts.reduce((n, r) => n + r.n, 0)).toBe(decisions.length);
      for (const { violation_code: violationCode, discretion_level: discretionLevel } of counts) {
        const group = decisions.filter((d) => d.violation_code === violationCode && d.discretion_level === discretionLevel);
        const fines = group.map((d) => d.fine_yuan);
        const mid = fines[Math.floor(fines.length / 2)];
        const bounds = [...new Set(group.map((d) => d.party_kind))].map((partyKind) => ({ partyKind, lo: mid, hi: mid }));
        for (const limit of [1, 1000]) {
          const query = { ...q, violationCode, discretionLevel, bounds, limit };
          expect(await sqlite.consistencyOutliers(query)).toEqual(group.filter((d) => d.fine_yuan !== mid).slice(0, limit));
          outlierQueries.push(query);
        }
      }
    }
    expect(await compare('consistencyOutliers', outlierQueries, (m, q) => m.consistencyOutliers(q))).toBeGreaterThan(4);
    // The directory's agencies are the ones the history uses.
    expect(AGENCIES.every((a) => directory.agency(a))).toBe(true);
  });
});
