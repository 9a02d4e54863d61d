import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore, sqliteProjectionHost } from '@app/event-store';
import { auditTrailProjection } from './audit/audit-trail.projection';
import { SqliteProjectionRunner } from './sqlite-projection-runner';

describe('SqliteProjectionRunner on a SQLite file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-projections-'));
  const file = path.join(dir, 'casetrail.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rows = (db: Database.Database) => db.prepare('SELECT * FROM audit_trail ORDER BY position').all();
  const meta = (i: number) => ({
    actor: { id: `u${i % 2}`, agencyId: 'ag-431002' },
    command: 'record-evidence',
    occurredAt: '2026-09-01T10:00:00+08:00',
    recordedAt: `2026-09-01T02:00:${String(i % 60).padStart(2, '0')}Z`,
  });

  beforeAll(async () => {
    const store = new SqliteEventStore({ filename: file });
    for (let i = 0; i < 1200; i++) {
      await store.append(`case-${i % 7}`, [{ id: `e${i}`, type: 'EvidenceRecorded', data: { i }, metadata: meta(i) }], 'any');
      if (i % 100 === 0) await store.append('numbers-x', [{ id: `n${i}`, type: 'NumberAssigned', data: {}, metadata: {} }], 'any');
    }
    await store.close();
  });

  it('projects every case event once, with its checkpoint, in pages; other streams are skipped', () => {
    const db = new Database(file);
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [auditTrailProjection], 500);
    expect(runner.catchUp()).toBe(1212);
    expect(rows(db)).toHaveLength(1200);
    expect(runner.status()).toEqual([{ name: 'audit-trail', version: auditTrailProjection.version, position: '1212' }]);
    expect(runner.step()).toBe(0);
    db.close();
  });

  it('resumes from its checkpoint after a restart, without duplicates', async () => {
    const store = new SqliteEventStore({ filename: file });
    await store.append('case-new', [{ id: 'late', type: 'CaseClosed', data: {}, metadata: meta(1) }], 'no_stream');
    await store.close();
    const db = new Database(file);
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [auditTrailProjection], 500);
    expect(runner.catchUp()).toBe(1);
    expect(rows(db)).toHaveLength(1201);
    db.close();
  });

  it('rebuilt from zero, equals the incrementally built read model row by row', () => {
    const db = new Database(file);
    const incremental = rows(db);
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [auditTrailProjection], 333);
    runner.reset(auditTrailProjection);
    expect(rows(db)).toHaveLength(0);
    runner.catchUp();
    expect(rows(db)).toEqual(incremental);
    db.close();
  });

  it('rebuilds by itself when the projection version changes', () => {
    const db = new Database(file);
    db.prepare("UPDATE projection_checkpoints SET version = 0 WHERE name = 'audit-trail'").run();
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [auditTrailProjection], 1000);
    expect(runner.status()[0].position).toBe('0');
    expect(runner.catchUp()).toBe(1213);
    expect(rows(db)).toHaveLength(1201);
    db.close();
  });

  it('a page read before its checkpoint moved back (a rebuild swapped in) is not applied: no event is skipped', () => {
    const db = new Database(file);
    const complete = rows(db);
    const runner = new SqliteProjectionRunner(sqliteProjectionHost(db, file), [auditTrailProjection], 100);
    // This runner read a page after its checkpoint (the head: here an event appended next, not stored, stands for it)…
    const after = runner.position();
    const page = [
      { id: 'x', streamId: 'case-1', type: 'EvidenceRecorded', revision: 999, position: after + 1n, data: {}, metadata: meta(1) },
    ];
    // …then another runner (the rebuild) moved the checkpoint back to 1000, its tables holding events up to there.
    db.prepare('DELETE FROM audit_trail WHERE position > 1000').run();
    db.prepare("UPDATE projection_checkpoints SET position = 1000 WHERE name = 'audit-trail'").run();
    // Applying the stale page would jump over 1001…: it is left, and the next pages start from 1000.
    runner.apply(page, after);
    expect(runner.status()[0].position).toBe('1000');
    runner.catchUp();
    expect(rows(db)).toEqual(complete);
    db.close();
  });
});
