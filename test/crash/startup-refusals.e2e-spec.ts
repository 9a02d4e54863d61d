import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const MAIN = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

/** The built service refuses to start on bad configuration, with a message naming the problem (exit 78, EX_CONFIG). */
describe('start-up refusals', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: dir, PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });

  it('refuses dev identity in production', () => {
    const r = start({ NODE_ENV: 'production', AUTH_MODE: 'dev' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('AUTH_MODE=dev is refused when NODE_ENV=production');
  });

  it('refuses the built-in secret in production', () => {
    const r = start({ NODE_ENV: 'production', AUTH_MODE: 'jwt', JWT_SECRET: 'casetrail-dev-only-secret-do-not-use-in-production' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('JWT_SECRET must not be the built-in development secret');
  });

  it('refuses a rules file that does not validate, naming the file and the field', () => {
    const file = path.join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ versions: [{ id: 'x', effectiveFrom: 'soon' }] }));
    const r = start({ RULES_FILE: file, SEED_DEMO: 'false' });
    expect(r.status).toBe(78);
    expect(r.stdout + r.stderr).toContain(`RULES_FILE ${file}: versions[0].effectiveFrom: must be YYYY-MM-DD`);
  });
});
