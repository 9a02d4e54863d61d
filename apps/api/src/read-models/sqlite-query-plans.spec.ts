import Database from 'better-sqlite3';
import { ALL_PROJECTIONS, eventPayloadsProjection } from '@app/projections';
import { SqliteReadModels } from './sqlite-read-models';

/**
 * Each read query, as SQLite plans it on the read models' schema: served by an index in order, never a scan of a
 * whole table (a scan grows with history). The plan is SQLite's answer for this schema; no data is needed.
 */
describe('SQLite read-model query plans', () => {
  const db = new Database(':memory:');
  for (const p of [...ALL_PROJECTIONS, eventPayloadsProjection]) p.sqlite.setup(db);
  const models = new SqliteReadModels(db, 'event_payloads');
  const agencies = ['ag-431002', 'ag-431003'];
  const year: [string, string] = ['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'];

  /** The plans of the statements a read runs (each EXPLAINed with the parameters it ran with). */
  async function plansOf(read: () => Promise<unknown>): Promise<string[]> {
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = jest.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      const statement = prepare(sql);
      const all = statement.all.bind(statement);
      const explain = (params: unknown[]) =>
        plans.push((prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | '));
      return Object.assign(Object.create(statement), {
        all: (...params: unknown[]) => (explain(params), all(...params)),
        get: (...params: unknown[]) => (explain(params), statement.get(...params)),
      });
    });
    try {
      await read();
    } finally {
      spy.mockRestore();
    }
    return plans;
  }

  it('consistency: the fines counted from the decisions index, by agency and year (only the decisions in scope are read)', async () => {
    const [plan] = await plansOf(() => models.consistencyFineCounts({ agencies, period: year }));
    expect(plan).toMatch(/SEARCH case_index USING COVERING INDEX case_index_decisions \(agency_id=\? AND <expr>>\? AND <expr><\?\)/);
    expect(plan).not.toMatch(/SCAN case_index\b(?! USING)/);
  });

  it('consistency: the outliers of a group from the same index', async () => {
    const bounds = [{ partyKind: 'organization', lo: 10_000, hi: 25_000 }];
    const [plan] = await plansOf(() =>
      models.consistencyOutliers({ agencies, period: year, violationCode: 'AQ-99', discretionLevel: 'general', bounds, limit: 20 }),
    );
    expect(plan).toMatch(/SEARCH case_index USING INDEX case_index_decisions \(agency_id=\? AND <expr>>\? AND <expr><\?\)/);
  });

  it('interference register: in position order from its primary key, stopping at the page', async () => {
    const [plan] = await plansOf(() => models.interferenceRegister({ agencies, readerId: 'u-1', after: 10, limit: 201 }));
    expect(plan).toMatch(/^SEARCH r USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('public decisions: newest first from an index, all agencies or one, without a sort', async () => {
    const oldest = '2023-01-01T00:00:00.000Z';
    const [all] = await plansOf(() => models.publicDecisions({ oldest, limit: 20, offset: 0 }));
    expect(all).toMatch(/^(SCAN|SEARCH) public_decisions USING INDEX public_decisions_listed\b/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const [one] = await plansOf(() => models.publicDecisions({ oldest, agencyId: 'ag-431002', limit: 20, offset: 0 }));
    expect(one).toMatch(/^SEARCH public_decisions USING INDEX public_decisions_listed_by_agency \(<expr>=\?/);
    expect(one).not.toMatch(/TEMP B-TREE/);
  });
});
