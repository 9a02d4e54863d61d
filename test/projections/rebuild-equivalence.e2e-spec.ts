import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, SqliteProjectionRunner, rebuildReadModels } from '@app/projections';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { READ_MODEL_TABLES, sqliteRows } from './read-model-tables';

/**
 * Rebuild equivalence (docs/operations.md §3): a scripted history — a case for every transition of the machine, driven through
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
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), projections, 7);
    const realizer = new CaseRealizer(store);
    let cases = 0;
    for (const types of transitionPlans().values()) {
      await realizer.realize(types);
      cases++;
      runner.catchUp();
    }
    // With the SQLite-only party-name indexes of the case index, and what their full-text index finds.
    const dump = (): Record<string, unknown[]> => ({
      ...sqliteRows(db, [...READ_MODEL_TABLES, ['case_party_trigrams', 'case_id'], ['case_party_chars', 'case_id']]),
      trigramHits: db
        .prepare(`SELECT case_id FROM case_party_trigrams WHERE case_party_trigrams MATCH 'name : "测试公司"' ORDER BY case_id`)
        .all(),
    });
    const incremental = dump();
    expect(cases).toBeGreaterThan(70);
    expect(incremental.audit_trail.length).toBeGreaterThan(500);
    expect(incremental.case_index).toHaveLength(cases);
    expect(incremental.assessment_case).toHaveLength(cases);
    expect(incremental.assessment_rectification.length).toBeGreaterThan(0);
    expect(incremental.case_party_trigrams).toHaveLength(cases);
    expect(incremental.trigramHits.length).toBeGreaterThan(0);
    for (const p of projections) runner.reset(p);
    expect(dump().audit_trail).toEqual([]);
    runner.catchUp();
    expect(dump()).toEqual(incremental);

    // `npm run projections:rebuild`: the streams split among threads, each into its scratch file, merged into this
    // file — with one thread, and with three (partitions of unequal size, pages far smaller than a case).
    for (const threads of [1, 3]) {
      const report = await rebuildReadModels({ file, live: db, projections, threads, pageSize: 7 });
      expect(report).toMatchObject({ partitions: threads, caughtUp: 0 });
      expect(report.events).toBe((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n);
      expect(dump()).toEqual(incremental);
    }

    // While the service keeps appending: a case realized during the rebuild lands after the head it started from and
    // is applied from the new checkpoint (by the rebuild if it is there in time, else by the live runner).
    const appending: { case?: Promise<string> } = {};
    const report = await rebuildReadModels({
      file,
      live: db,
      projections,
      threads: 2,
      pageSize: 7,
      onProgress: () => void (appending.case ??= realizer.realize([...transitionPlans().values()][0])),
    });
    await appending.case;
    runner.catchUp();
    const withNewCase = dump();
    expect(withNewCase.case_index).toHaveLength(cases + 1);
    expect(report.head).toBeLessThan(BigInt((db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p));
    for (const p of projections) runner.reset(p);
    runner.catchUp();
    expect(dump()).toEqual(withNewCase);

    // Nothing is left behind: the scratch files are removed.
    expect(readdirSync(dir).filter((f) => f.includes('.rebuild-'))).toEqual([]);
    db.close();
    await store.close();
  });
});
