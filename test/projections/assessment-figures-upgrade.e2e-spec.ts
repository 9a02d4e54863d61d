import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { SqliteProjectionRunner, assessmentProjection } from '@app/projections';
import { CaseRealizer } from '../model/case-realizer';
import { transitionPlans } from '../model/transition-plans';
import { READ_MODEL_TABLES, sqliteRows } from './read-model-tables';

const FIGURES = READ_MODEL_TABLES.filter(([t]) => t.startsWith('assessment_figure_'));

/**
 * A store whose assessment read model predates the kept figures (version 1: no figure tables, its checkpoint at the
 * head) gets them at the next start: the version bump makes the runner rebuild the projection from zero.
 */
describe('the assessment figures on a store built before them', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-figures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are built when the service starts on it', async () => {
    const file = path.join(dir, 'casetrail.db');
    const store = new SqliteEventStore({ filename: file });
    const db = new Database(file);
    const realizer = new CaseRealizer(store);
    for (const types of [...transitionPlans().values()].slice(0, 25)) await realizer.realize(types);
    new SqliteProjectionRunner(sqliteProjectionHost(db, file), [assessmentProjection]).catchUp();
    const expected = sqliteRows(db, FIGURES);
    expect(expected.assessment_figure_cases.length).toBeGreaterThan(10);
    expect(expected.assessment_figure_counts.length).toBeGreaterThan(5);

    // As the older version left it.
    db.exec('DROP TABLE assessment_figure_cases; DROP TABLE assessment_figure_counts');
    db.prepare("UPDATE projection_checkpoints SET version = 1 WHERE name = 'assessment'").run();

    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [assessmentProjection]);
    runner.catchUp();
    expect(runner.status()).toEqual([expect.objectContaining({ name: 'assessment', version: assessmentProjection.version })]);
    expect(sqliteRows(db, FIGURES)).toEqual(expected);
    db.close();
    await store.close();
  });
});
