import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { waitForExit } from '../support/server-process';

const CLI = path.resolve(__dirname, '../../dist/apps/api/src/projections/rebuild.cli.js');
const PRELOAD = path.resolve(__dirname, 'rebuild-race.preload.js');

/**
 * Two rebuilds started at once against a store whose lock was left by a process that is gone: exactly one takes the
 * lock over and rebuilds, the other is refused (exit 2). The preload lines both up at the lock and slows the disk
 * under it, so the two takeovers overlap every time.
 */
describe('npm run projections:rebuild: two at once over a stale lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-rebuild-race-'));
  const race = mkdtempSync(path.join(tmpdir(), 'casetrail-rebuild-race-sync-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(race, { recursive: true, force: true });
  });

  it('exactly one proceeds; the other exits 2 naming the running rebuild', async () => {
    const t = await startTestApp({ dataDir: dir });
    await projectionsCaughtUp(t.http);
    await t.close();
    const file = path.join(dir, 'casetrail.db');
    const lock = `${file}.rebuild.lock`;
    writeFileSync(lock, '2147483646'); // no such process

    const children: { proc: ChildProcess; stderr: () => string; exit: Promise<number | string | null> }[] = [0, 1].map(() => {
      const proc = spawn(process.execPath, ['--require', PRELOAD, CLI], {
        env: { ...process.env, DATA_DIR: dir, REBUILD_RACE_DIR: race },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      proc.stdout.resume();
      return { proc, stderr: () => stderr, exit: waitForExit(proc) };
    });
    const exited = () => children.filter((c) => c.proc.exitCode !== null || c.proc.signalCode !== null).length;
    const marks = (prefix: string) => readdirSync(race).filter((n) => n.startsWith(prefix)).length;
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };

    // Both at the lock (or one already gone), then both released at once.
    await until(() => marks('ready-') + exited() >= 2);
    writeFileSync(path.join(race, 'go'), '');
    // Each either rebuilds (and holds on at its first progress line) or has ended.
    await until(() => marks('holding-') + exited() >= 2);
    const holding = marks('holding-');
    writeFileSync(path.join(race, 'release'), '');
    const codes = await Promise.all(children.map((c) => c.exit));

    expect(holding).toBe(1);
    expect([...codes].sort()).toEqual([0, 2]);
    expect(children[codes.indexOf(2)].stderr()).toContain('another rebuild of this store is running');
    expect(existsSync(lock)).toBe(false);
  }, 120_000);
});
