import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@app/event-store';

const CLI = path.resolve(__dirname, '../../dist/apps/api/src/integrity/verify.cli.js');

/** `npm run verify` on a data directory: intact → exit 0; tampered → exit 1 naming the position. */
describe('npm run verify', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-verify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const verify = () => spawnSync(process.execPath, [CLI], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });

  it('reports an intact store, then the edited position', async () => {
    const store = new SqliteEventStore({ filename: path.join(dir, 'casetrail.db') });
    for (let i = 0; i < 5; i++) await store.append('case-x', [{ id: `v${i}`, type: 'EvidenceRecorded', data: { i }, metadata: {} }], 'any');
    await store.close();
    const intact = verify();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('5 events up to position 5');

    const db = new Database(path.join(dir, 'casetrail.db'));
    db.prepare(`UPDATE events SET data = '{"i":42}' WHERE position = 3`).run();
    db.close();
    const tampered = verify();
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain('TAMPERED at position 3 (edited)');
  });
});
