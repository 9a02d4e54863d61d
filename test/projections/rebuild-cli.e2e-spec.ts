import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { openAndFile } from '../support/cases';

const CLI = path.resolve(__dirname, '../../dist/apps/api/src/projections/rebuild.cli.js');

/** `npm run projections:rebuild`: rebuilds from zero to the same rows, and builds back every index it dropped. */
describe('npm run projections:rebuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-rebuild-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('all read models: same rows, same indexes; an unknown name is refused', async () => {
    const t = await startTestApp({ dataDir: dir }); // the demo seed's cases, projected by the running service
    await projectionsCaughtUp(t.http);
    await t.close();
    const file = path.join(dir, 'casetrail.db');
    const snapshot = () => {
      const db = new Database(file, { readonly: true });
      const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
      const rows = Object.fromEntries(
        ['audit_trail', 'case_index', 'assessment_case', 'public_decisions'].map((table) => [
          table,
          db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all(),
        ]),
      );
      db.close();
      return { indexes, rows };
    };
    const before = snapshot();
    expect(before.rows.audit_trail.length).toBeGreaterThan(20);

    // Scratch files of rebuilds that were killed are removed (only one rebuild runs at a time: see the lock below).
    const abandoned = `${file}.rebuild-2147483646-0`;
    const other = `${file}.rebuild-2147483645-1`;
    writeFileSync(abandoned, 'left by a killed rebuild');
    writeFileSync(other, 'left by another');
    const run = spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(other)).toBe(false);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /rebuilt audit-trail, interference-register, public-decisions, case-index, assessment, open-deadlines, deadline-watch: \d+ events in [\d.]+ s = [\d,]+ events\/s/,
    );
    expect(snapshot()).toEqual(before);
    const single = spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: dir, REBUILD_THREADS: '1' }, encoding: 'utf8' });
    expect(single.stdout).toContain('(1 thread: build');
    expect(snapshot()).toEqual(before);
    // One read model by name: only it is rebuilt (only its checkpoint is rewritten).
    const checkpoints = () => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT name, updated_at FROM projection_checkpoints ORDER BY name').all() as {
        name: string;
        updated_at: string;
      }[];
      db.close();
      return Object.fromEntries(rows.map((r) => [r.name, r.updated_at]));
    };
    const stamps = checkpoints();
    const named = spawnSync(process.execPath, [CLI, 'case-index'], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(named.stdout).toMatch(/rebuilt case-index: \d+ events/);
    expect(snapshot()).toEqual(before);
    const after = checkpoints();
    expect(Object.keys(after).filter((name) => after[name] !== stamps[name])).toEqual(['case-index']);

    const unknown = spawnSync(process.execPath, [CLI, 'no-such'], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no projection named no-such');

    // No store where DATA_DIR points: refused, naming the file, and nothing is created there.
    const empty = path.join(dir, 'nowhere');
    const missing = spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: empty }, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`no event store at ${path.join(empty, 'casetrail.db')}`);
    expect(existsSync(empty)).toBe(false);

    // One rebuild of a store at a time: a lock held by a living process (this one stands in) refuses a second; a lock
    // left by a process that is gone is taken over and removed at the end.
    const lock = `${file}.rebuild.lock`;
    writeFileSync(lock, String(process.pid));
    const second = spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`another rebuild of this store is running, pid ${process.pid}`);
    writeFileSync(lock, '2147483646');
    expect(spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' }).status).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(snapshot()).toEqual(before);

    const badThreads = spawnSync(process.execPath, [CLI], {
      env: { ...process.env, DATA_DIR: dir, REBUILD_THREADS: 'two' },
      encoding: 'utf8',
    });
    expect(badThreads.status).toBe(2);
    expect(badThreads.stderr).toContain('REBUILD_THREADS');
  });

  it('while the service keeps serving: commands go on during the rebuild and every read model ends up with them', async () => {
    const live = mkdtempSync(path.join(tmpdir(), 'casetrail-rebuild-live-'));
    const t = await startTestApp({ dataDir: live });
    try {
      await projectionsCaughtUp(t.http);
      const reader = 'u-431002-reviewer';
      const investigating = async () =>
        (await t.http.as(reader, 'GET', '/api/v1/cases?agencyId=ag-431002&stage=investigation&pageSize=1')).body.total as number;
      const before = await investigating();
      const child = spawn(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: live }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      let running = true;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => ((running = false), resolve(code))));
      // Cases opened and filed for as long as it runs (before, during and after its swap: each must land in the
      // rebuilt read models, whether the rebuild or the service's own runner applies it).
      const opened: string[] = [];
      while (running) opened.push(await openAndFile(t.http));
      expect(await exited).toBe(0);
      expect(opened.length).toBeGreaterThan(1);
      expect(out).toContain('重建完成 rebuilt');
      await projectionsCaughtUp(t.http);
      expect(await investigating()).toBe(before + opened.length);
      for (const id of opened) {
        const audit = await t.http.as(reader, 'GET', `/api/v1/audit?caseId=${id}`);
        expect((audit.body.items as { type: string }[]).map((e) => e.type)).toEqual(['CaseOpened', 'CaseFiled']);
      }
    } finally {
      await t.close();
      rmSync(live, { recursive: true, force: true });
    }
  });
});
