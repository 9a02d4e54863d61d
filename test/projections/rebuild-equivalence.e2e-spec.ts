import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner } from '@app/projections';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';

const TABLES: [string, string][] = [
  ['audit_trail', 'position'],
  ['interference_cases', 'case_id'],
  ['interference_records', 'position'],
  ['public_decisions', 'case_id'],
  ['case_index', 'case_id'],
  ['assessment_case', 'case_id'],
  ['assessment_rectification', 'order_id'],
];

/**
 * Rebuild equivalence (issue 4): a scripted history — a case for every transition of the machine, driven through
 * the engine — projected incrementally in small pages as it grows, then every read model rebuilt from zero: the
 * tables must be equal row by row.
 */
describe('read models rebuilt from zero equal the incremental ones', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-rebuild-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('row by row, for every projection', async () => {
    const file = path.join(dir, 'casetrail.db');
    const store = new SqliteEventStore({ filename: file });
    const db = new Database(file);
    const projections = ALL_PROJECTIONS;
    const runner = new ProjectionRunner(db, projections, 7);
    const realizer = new CaseRealizer(store);
    let cases = 0;
    for (const types of transitionPlans().values()) {
      await realizer.realize(types);
      cases++;
      runner.catchUp();
    }
    const dump = () => Object.fromEntries(TABLES.map(([t, key]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${key}`).all()]));
    const incremental = dump();
    expect(cases).toBeGreaterThan(70);
    expect(incremental.audit_trail.length).toBeGreaterThan(500);
    expect(incremental.case_index).toHaveLength(cases);
    expect(incremental.assessment_case).toHaveLength(cases);
    expect(incremental.assessment_rectification.length).toBeGreaterThan(0);
    for (const p of projections) runner.reset(p);
    expect(dump().audit_trail).toEqual([]);
    runner.catchUp();
    expect(dump()).toEqual(incremental);
    db.close();
    await store.close();
  });
});
