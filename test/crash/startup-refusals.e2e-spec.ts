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

  it('refuses AUTH_MODE=oidc in production without issuer, audience or key, naming all three', () => {
    const r = start({ NODE_ENV: 'production', AUTH_MODE: 'oidc' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('OIDC_ISSUER is required when AUTH_MODE=oidc');
    expect(r.stderr).toContain('OIDC_AUDIENCE is required when AUTH_MODE=oidc');
    expect(r.stderr).toContain(
      'AUTH_MODE=oidc needs the provider’s signing key: set OIDC_JWKS_URL, OIDC_PUBLIC_KEY or OIDC_PUBLIC_KEY_FILE',
    );
  });

  const oidc = {
    NODE_ENV: 'production',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://id.example.gov.cn/realms/casetrail',
    OIDC_AUDIENCE: 'casetrail-api',
  };

  it('refuses a plain-http JWKS URL in production unless it is localhost', () => {
    const r = start({ ...oidc, OIDC_JWKS_URL: 'http://id.example.gov.cn/realms/casetrail/certs' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('OIDC_JWKS_URL="http://id.example.gov.cn/realms/casetrail/certs": must be https when NODE_ENV=production');
  });

  it('refuses an unreadable public key file, naming it, and algorithms that prove nothing', () => {
    const missing = path.join(dir, 'no-such-key.pem');
    const r = start({ ...oidc, OIDC_PUBLIC_KEY_FILE: missing, OIDC_ALGORITHMS: 'RS256,none,HS256' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain(`OIDC_PUBLIC_KEY_FILE=${missing}: cannot read the file (ENOENT)`);
    expect(r.stderr).toContain('OIDC_ALGORITHMS: none is never accepted');
    expect(r.stderr).toContain('OIDC_ALGORITHMS: HS256 is never accepted');
  });

  it('refuses a rules file that does not validate, naming the file and the field', () => {
    const file = path.join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify({ versions: [{ id: 'x', effectiveFrom: 'soon' }] }));
    const r = start({ RULES_FILE: file, SEED_DEMO: 'false' });
    expect(r.status).toBe(78);
    expect(r.stdout + r.stderr).toContain(`RULES_FILE ${file}: versions[0].effectiveFrom: must be YYYY-MM-DD`);
  });

  it('refuses EVENT_STORE=postgres without a usable DATABASE_URL, and eventstoredb without its connection string', () => {
    const r = start({ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://root:hunter2@db.example/ct', EVENTSTORE_CONNECTION_STRING: '' });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain('DATABASE_URL="mysql://root:***@db.example/ct": must be a postgres:// or postgresql:// URL');
    expect(r.stderr).not.toContain('hunter2');
    const e = start({ EVENT_STORE: 'eventstoredb' });
    expect(e.status).toBe(78);
    expect(e.stderr).toContain('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb');
  });

  it('stops with exit 69 when the EventStoreDB server cannot be reached (EVENT_STORE=eventstoredb is wired)', () => {
    // Port 1 on loopback: nothing listens there; the registry's first read at start-up fails at once.
    const r = start({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false', SEED_DEMO: 'false' });
    expect(r.status).toBe(69);
    expect(r.stderr).toContain('Event store unavailable during read of stream directory');
    expect(r.stderr).toContain('ECONNREFUSED 127.0.0.1:1');
  });

  it('stops with exit 69 when the PostgreSQL server cannot be reached, naming host and port but not the password', () => {
    // Port 1 on loopback: nothing listens there, so the refusal is immediate.
    const r = start({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://casetrail:s3cret-pw@127.0.0.1:1/casetrail', SEED_DEMO: 'false' });
    expect(r.status).toBe(69);
    expect(r.stderr).toContain('数据库不可达 (database unreachable): PostgreSQL at postgres://casetrail@127.0.0.1:1/casetrail');
    expect(r.stdout + r.stderr).not.toContain('s3cret');
  });
});
