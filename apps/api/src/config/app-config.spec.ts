import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadAppConfig } from './app-config';

/** The problems a configuration is refused with (fails the test if it is accepted). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadAppConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('loadAppConfig accepted the configuration');
}

describe('loadAppConfig', () => {
  it('defaults: port 3000, ./data, dev identity with the demo seed', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({ port: 3000, authMode: 'dev', seedDemo: true, nodeEnv: 'development' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('SEED_DEMO: the demo year by default, the basic six cases with "basic", nothing with "false"', () => {
    expect(loadAppConfig({})).toMatchObject({ seedDemo: true, demoSet: 'year' });
    expect(loadAppConfig({ SEED_DEMO: 'basic' })).toMatchObject({ seedDemo: true, demoSet: 'basic' });
    expect(loadAppConfig({ SEED_DEMO: 'false' })).toMatchObject({ seedDemo: false });
  });

  it('evidence files: under DATA_DIR/evidence, at most 200 MiB, unless EVIDENCE_DIR and EVIDENCE_FILE_MAX_BYTES say otherwise', () => {
    expect(loadAppConfig({ DATA_DIR: '/srv/ct' })).toMatchObject({
      evidenceDir: '/srv/ct/evidence',
      evidenceFileMaxBytes: 200 * 1024 * 1024,
    });
    expect(loadAppConfig({ EVIDENCE_DIR: '/mnt/shared/evidence', EVIDENCE_FILE_MAX_BYTES: '1048576' })).toMatchObject({
      evidenceDir: '/mnt/shared/evidence',
      evidenceFileMaxBytes: 1048576,
    });
    for (const bad of ['0', '-5', '1.5', '200MB'])
      expect(problemsOf({ EVIDENCE_FILE_MAX_BYTES: bad })).toEqual([expect.stringContaining(`EVIDENCE_FILE_MAX_BYTES="${bad}"`)]);
  });

  it('cache budgets: 64, 32 and 4 MiB unless CASE_CACHE_MB, HISTORY_CACHE_MB and TOKEN_CACHE_MB say otherwise', () => {
    const mib = 1024 * 1024;
    expect(loadAppConfig({}).cacheBytes).toEqual({ cases: 64 * mib, histories: 32 * mib, tokens: 4 * mib });
    expect(loadAppConfig({ CASE_CACHE_MB: '16', HISTORY_CACHE_MB: '8', TOKEN_CACHE_MB: '1' }).cacheBytes).toEqual({
      cases: 16 * mib,
      histories: 8 * mib,
      tokens: mib,
    });
    for (const bad of ['0', '1.5', '5000', '64MB'])
      expect(problemsOf({ CASE_CACHE_MB: bad })).toEqual([
        expect.stringContaining(`CASE_CACHE_MB="${bad}": must be a whole number of MiB 1–4096`),
      ]);
  });

  it('refuses dev identity under NODE_ENV=production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(/AUTH_MODE=dev is refused when NODE_ENV=production/);
  });

  it('AUTH_MODE=oidc is refused without its settings in production as anywhere else', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER is required/);
  });

  it('refuses production without a real secret, or with the built-in one', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /must not be the built-in development secret/,
    );
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toMatchObject({ authMode: 'jwt', seedDemo: false });
  });

  it('reports every problem at once, naming the variable', () => {
    try {
      loadAppConfig({ PORT: 'abc', AUTH_MODE: 'magic', SEED_DEMO: 'maybe' });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        expect.stringContaining('PORT="abc"'),
        expect.stringContaining('AUTH_MODE="magic"'),
        expect.stringContaining('SEED_DEMO="maybe"'),
      ]);
    }
  });
});

describe('loadAppConfig: TRUSTED_PROXY', () => {
  it('trusts no proxy by default: the socket address is the client', () => {
    expect(loadAppConfig({}).trustedProxy).toBe(false);
    expect(loadAppConfig({ TRUSTED_PROXY: 'none' }).trustedProxy).toBe(false);
  });

  it('takes a hop count, or addresses, CIDR ranges and the named ranges', () => {
    expect(loadAppConfig({ TRUSTED_PROXY: '2' }).trustedProxy).toBe(2);
    expect(loadAppConfig({ TRUSTED_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustedProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('names what it cannot read', () => {
    expect(() => loadAppConfig({ TRUSTED_PROXY: '0' })).toThrow(/TRUSTED_PROXY="0": a hop count must be 1–32/);
    expect(() => loadAppConfig({ TRUSTED_PROXY: 'true' })).toThrow(/"true" is no address/);
    expect(() => loadAppConfig({ TRUSTED_PROXY: '10.0.0.0/33,proxy.example' })).toThrow(/"10.0.0.0\/33", "proxy.example" is no address/);
  });
});

describe('loadAppConfig: AUTH_MODE=oidc', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-oidc-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pemFile = path.join(dir, 'idp.pem');
  writeFileSync(pemFile, rsaPem);
  const base = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.gov.cn/realms/casetrail', OIDC_AUDIENCE: 'casetrail-api' };

  it('takes a JWKS URL with the defaults: RS256 and ES256, 30 s of clock tolerance, the user in sub, identity from the registry', () => {
    const c = loadAppConfig({
      ...base,
      NODE_ENV: 'production',
      OIDC_JWKS_URL: 'https://id.example.gov.cn/realms/casetrail/protocol/openid-connect/certs',
    });
    expect(c.authMode).toBe('oidc');
    expect(c.seedDemo).toBe(false);
    expect(c.oidc).toEqual({
      issuer: base.OIDC_ISSUER,
      audience: 'casetrail-api',
      key: { kind: 'jwks', url: 'https://id.example.gov.cn/realms/casetrail/protocol/openid-connect/certs' },
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      userClaim: 'sub',
      identitySource: 'registry',
      rolesClaim: 'roles',
      agencyClaim: 'agency_id',
    });
    expect(loadAppConfig({ JWT_SECRET: 'x'.repeat(40), AUTH_MODE: 'jwt' }).oidc).toBeNull();
  });

  it('takes the claim mapping and the other settings from the environment', () => {
    const c = loadAppConfig({
      ...base,
      OIDC_PUBLIC_KEY_FILE: pemFile,
      OIDC_ALGORITHMS: 'PS256, RS256',
      OIDC_CLOCK_TOLERANCE_SECONDS: '5',
      OIDC_USER_CLAIM: 'preferred_username',
      OIDC_IDENTITY_SOURCE: 'claims',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_AGENCY_CLAIM: 'org',
    });
    expect(c.oidc).toMatchObject({
      key: { kind: 'pem', pem: rsaPem, origin: `OIDC_PUBLIC_KEY_FILE=${pemFile}` },
      algorithms: ['PS256', 'RS256'],
      clockToleranceSeconds: 5,
      userClaim: 'preferred_username',
      identitySource: 'claims',
      rolesClaim: 'realm_access.roles',
      agencyClaim: 'org',
    });
  });

  it('takes an inline PEM, also with its line breaks written as \\n', () => {
    expect(loadAppConfig({ ...base, OIDC_PUBLIC_KEY: rsaPem }).oidc?.key).toEqual({ kind: 'pem', pem: rsaPem, origin: 'OIDC_PUBLIC_KEY' });
    expect(loadAppConfig({ ...base, OIDC_PUBLIC_KEY: rsaPem.replace(/\n/g, '\\n') }).oidc?.key).toEqual({
      kind: 'pem',
      pem: rsaPem,
      origin: 'OIDC_PUBLIC_KEY',
    });
  });

  it('requires the issuer, the audience and a key, reporting all three at once', () => {
    expect(problemsOf({ AUTH_MODE: 'oidc' })).toEqual([
      expect.stringContaining('OIDC_ISSUER is required'),
      expect.stringContaining('OIDC_AUDIENCE is required'),
      expect.stringContaining('set OIDC_JWKS_URL, OIDC_PUBLIC_KEY or OIDC_PUBLIC_KEY_FILE'),
    ]);
  });

  it('requires exactly one key source', () => {
    expect(problemsOf({ ...base, OIDC_JWKS_URL: 'https://id.example.gov.cn/certs', OIDC_PUBLIC_KEY: rsaPem })).toEqual([
      'set exactly one of OIDC_JWKS_URL, OIDC_PUBLIC_KEY, OIDC_PUBLIC_KEY_FILE (got OIDC_JWKS_URL and OIDC_PUBLIC_KEY)',
    ]);
  });

  it('refuses an http JWKS URL in production unless it is on this machine; allows it in development', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production', OIDC_JWKS_URL: 'http://id.example.gov.cn/certs' })).toEqual([
      expect.stringMatching(/^OIDC_JWKS_URL="http:\/\/id\.example\.gov\.cn\/certs": must be https when NODE_ENV=production/),
    ]);
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080'])
      expect(loadAppConfig({ ...base, NODE_ENV: 'production', OIDC_JWKS_URL: `http://${host}/certs` }).oidc?.key).toEqual({
        kind: 'jwks',
        url: `http://${host}/certs`,
      });
    expect(loadAppConfig({ ...base, NODE_ENV: 'development', OIDC_JWKS_URL: 'http://id.internal/certs' }).oidc?.key).toEqual({
      kind: 'jwks',
      url: 'http://id.internal/certs',
    });
    expect(problemsOf({ ...base, OIDC_JWKS_URL: 'ftp://id.example.gov.cn/certs' })).toEqual([
      expect.stringContaining('must be an https URL'),
    ]);
    expect(problemsOf({ ...base, OIDC_JWKS_URL: 'id.example.gov.cn/certs' })).toEqual([
      'OIDC_JWKS_URL="id.example.gov.cn/certs": not a URL',
    ]);
  });

  it('names an unreadable key file, and refuses a file or value that is no public key', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(problemsOf({ ...base, OIDC_PUBLIC_KEY_FILE: missing })).toEqual([
      `OIDC_PUBLIC_KEY_FILE=${missing}: cannot read the file (ENOENT)`,
    ]);
    const garbage = path.join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    expect(problemsOf({ ...base, OIDC_PUBLIC_KEY_FILE: garbage })).toEqual([
      expect.stringMatching(new RegExp(`^OIDC_PUBLIC_KEY_FILE=${garbage}: is not a PEM public key`)),
    ]);
    const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(problemsOf({ ...base, OIDC_PUBLIC_KEY: privatePem })).toEqual([expect.stringMatching(/^OIDC_PUBLIC_KEY: is a private key/)]);
  });

  it('refuses a key that none of the accepted algorithms can use, and a weak RSA key', () => {
    expect(problemsOf({ ...base, OIDC_PUBLIC_KEY: ecPem, OIDC_ALGORITHMS: 'RS256' })).toEqual([
      'OIDC_PUBLIC_KEY: the ec key verifies ES256, but OIDC_ALGORITHMS allows only RS256',
    ]);
    expect(loadAppConfig({ ...base, OIDC_PUBLIC_KEY: ecPem }).oidc?.algorithms).toEqual(['RS256', 'ES256']);
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(problemsOf({ ...base, OIDC_PUBLIC_KEY: weak })).toEqual([
      'OIDC_PUBLIC_KEY: an RSA key must have at least 2048 bits (RFC 7518 §3.3)',
    ]);
  });

  it('never accepts none or HS* algorithms, nor unknown ones', () => {
    expect(problemsOf({ ...base, OIDC_JWKS_URL: 'https://id.example.gov.cn/certs', OIDC_ALGORITHMS: 'none,HS256,RS256,XY999' })).toEqual([
      expect.stringMatching(/^OIDC_ALGORITHMS: none is never accepted/),
      expect.stringMatching(/^OIDC_ALGORITHMS: HS256 is never accepted/),
      expect.stringMatching(/^OIDC_ALGORITHMS: unknown algorithm "XY999"/),
    ]);
  });

  it('checks the clock tolerance and the identity source', () => {
    expect(
      problemsOf({
        ...base,
        OIDC_JWKS_URL: 'https://id.example.gov.cn/certs',
        OIDC_CLOCK_TOLERANCE_SECONDS: '-1',
        OIDC_IDENTITY_SOURCE: 'token',
      }),
    ).toEqual([
      expect.stringContaining('OIDC_CLOCK_TOLERANCE_SECONDS="-1": must be a whole number of seconds 0–300'),
      'OIDC_IDENTITY_SOURCE="token": must be registry or claims',
    ]);
    expect(problemsOf({ ...base, OIDC_JWKS_URL: 'https://id.example.gov.cn/certs', OIDC_CLOCK_TOLERANCE_SECONDS: '3600' })).toEqual([
      expect.stringContaining('0–300'),
    ]);
    expect(
      loadAppConfig({ ...base, OIDC_JWKS_URL: 'https://id.example.gov.cn/certs', OIDC_CLOCK_TOLERANCE_SECONDS: '0' }).oidc
        ?.clockToleranceSeconds,
    ).toBe(0);
  });

  it('takes the console’s sign-in settings: client id, redirect path under /login/ (default /login/callback), scopes with openid', () => {
    const key = { OIDC_JWKS_URL: 'https://id.example.gov.cn/certs' };
    expect(loadAppConfig({ ...base, ...key }).oidcSignIn).toBeNull();
    expect(loadAppConfig({ ...base, ...key, OIDC_CLIENT_ID: 'casetrail-console' }).oidcSignIn).toEqual({
      clientId: 'casetrail-console',
      redirectPath: '/login/callback',
      scopes: ['openid', 'profile'],
    });
    expect(
      loadAppConfig({ ...base, ...key, OIDC_CLIENT_ID: 'ct', OIDC_REDIRECT_PATH: '/login/oidc/done', OIDC_SCOPES: 'openid  profile roles' })
        .oidcSignIn,
    ).toEqual({ clientId: 'ct', redirectPath: '/login/oidc/done', scopes: ['openid', 'profile', 'roles'] });
    expect(loadAppConfig({ AUTH_MODE: 'dev', OIDC_CLIENT_ID: 'ct' }).oidcSignIn).toBeNull();
  });

  it('names a bad client id, a redirect path outside /login/, scopes without openid, and settings without a client id', () => {
    const key = { OIDC_JWKS_URL: 'https://id.example.gov.cn/certs' };
    expect(problemsOf({ ...base, ...key, OIDC_CLIENT_ID: 'case trail', OIDC_REDIRECT_PATH: '/callback', OIDC_SCOPES: 'profile' })).toEqual([
      'OIDC_CLIENT_ID="case trail": use at most 200 printable ASCII characters, no spaces',
      'OIDC_REDIRECT_PATH="/callback": must be a path under /login/ (the console’s sign-in), e.g. /login/callback',
      'OIDC_SCOPES="profile": must include openid (OpenID Connect Core §3.1.2.1)',
    ]);
    for (const path of ['/login/', '/login/../api/v1', '/login//x', 'https://evil.example/login/cb', '/login/cb?x=1'])
      expect(problemsOf({ ...base, ...key, OIDC_CLIENT_ID: 'ct', OIDC_REDIRECT_PATH: path })).toEqual([
        expect.stringContaining(`OIDC_REDIRECT_PATH="${path}": must be a path under /login/`),
      ]);
    expect(problemsOf({ ...base, ...key, OIDC_CLIENT_ID: 'ct', OIDC_SCOPES: 'openid "quoted"' })).toEqual([
      'OIDC_SCOPES: "\\"quoted\\"" is not a scope name (RFC 6749 §3.3)',
    ]);
    expect(problemsOf({ ...base, ...key, OIDC_CLIENT_ID: 'ct', OIDC_ISSUER: 'casetrail-idp' })).toEqual([
      expect.stringContaining('OIDC_ISSUER="casetrail-idp": the console signs in at the issuer, so it must be an https URL'),
    ]);
    expect(problemsOf({ ...base, ...key, NODE_ENV: 'production', OIDC_CLIENT_ID: 'ct', OIDC_ISSUER: 'http://id.example.gov.cn' })).toEqual([
      expect.stringContaining('OIDC_ISSUER="http://id.example.gov.cn": must be https when NODE_ENV=production'),
    ]);
    expect(loadAppConfig({ ...base, ...key, OIDC_CLIENT_ID: 'ct', OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidcSignIn?.clientId).toBe('ct');
    expect(problemsOf({ ...base, ...key, OIDC_REDIRECT_PATH: '/login/cb', OIDC_SCOPES: 'openid' })).toEqual([
      'OIDC_REDIRECT_PATH and OIDC_SCOPES set without OIDC_CLIENT_ID (the console’s client id at the provider)',
    ]);
  });

  it('hints at AUTH_MODE=oidc when production falls back to jwt while OIDC settings are given', () => {
    expect(problemsOf({ NODE_ENV: 'production', OIDC_ISSUER: base.OIDC_ISSUER })).toEqual([
      'JWT_SECRET is required when AUTH_MODE=jwt (OIDC_ISSUER is set: did you mean AUTH_MODE=oidc?)',
    ]);
  });
});

describe('loadAppConfig: event store selection', () => {
  it('defaults to the embedded SQLite store and ignores DATABASE_URL there', () => {
    expect(loadAppConfig({})).toMatchObject({ eventStore: 'sqlite', postgres: null, eventStoreDbConnectionString: null });
    expect(loadAppConfig({ DATABASE_URL: 'mysql://elsewhere/db' })).toMatchObject({ eventStore: 'sqlite', postgres: null });
  });

  it('EVENT_STORE=postgres takes DATABASE_URL, PG_POOL_SIZE and PG_SCHEMA', () => {
    expect(loadAppConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://ct:pw@db.example:5432/casetrail' })).toMatchObject({
      eventStore: 'postgres',
      postgres: { url: 'postgres://ct:pw@db.example:5432/casetrail', poolSize: 10, schema: 'casetrail' },
    });
    expect(
      loadAppConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://db/ct', PG_POOL_SIZE: '25', PG_SCHEMA: 'enforcement_2026' })
        .postgres,
    ).toEqual({
      url: 'postgresql://db/ct',
      poolSize: 25,
      schema: 'enforcement_2026',
    });
  });

  it('EVENT_STORE=postgres without DATABASE_URL is refused, naming the variable', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual([
      expect.stringContaining('DATABASE_URL is required when EVENT_STORE=postgres'),
    ]);
  });

  it('refuses a DATABASE_URL that is not a postgres URL, without echoing its password', () => {
    const [problem] = problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://root:hunter2@db.example/ct' });
    expect(problem).toContain('must be a postgres:// or postgresql:// URL');
    expect(problem).toContain('mysql://root:***@db.example/ct');
    expect(problem).not.toContain('hunter2');
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'db.example:5432' })).toEqual([
      expect.stringContaining('must be a postgres:// or postgresql:// URL'),
    ]);
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'host=db user=ct' })).toEqual([expect.stringContaining('not a URL')]);
  });

  it('reports every store problem at once: kind, pool size and schema', () => {
    expect(problemsOf({ EVENT_STORE: 'oracle', PG_POOL_SIZE: '0', PG_SCHEMA: 'Robert"; DROP' })).toEqual([
      expect.stringContaining('EVENT_STORE="oracle": must be sqlite, postgres, eventstoredb'),
      expect.stringContaining('PG_POOL_SIZE="0": must be a whole number 1–100'),
      expect.stringContaining('PG_SCHEMA="Robert"; DROP"'),
    ]);
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/ct', PG_POOL_SIZE: '2.5' })).toEqual([
      expect.stringContaining('PG_POOL_SIZE="2.5"'),
    ]);
  });

  it('EVENT_STORE=eventstoredb needs an esdb://, esdb+discover:// or kurrentdb:// connection string', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })).toEqual([
      expect.stringContaining('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb'),
    ]);
    for (const ok of [
      'esdb://localhost:2113?tls=false',
      'esdb+discover://admin:changeit@cluster.example:2113',
      'kurrentdb://a:2113,b:2113,c:2113?tls=true',
    ]) {
      expect(loadAppConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ok }).eventStoreDbConnectionString).toBe(ok);
    }
    const [problem] = problemsOf({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://admin:changeit@localhost:2113' });
    expect(problem).toContain('must be an esdb://, esdb+discover:// or kurrentdb:// connection string');
    expect(problem).not.toContain('changeit');
  });
  it('EVENT_STORE=eventstoredb takes an optional DATABASE_URL for its read models, validated like the store’s', () => {
    const esdb = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' };
    expect(loadAppConfig(esdb).postgres).toBeNull();
    expect(loadAppConfig({ ...esdb, DATABASE_URL: 'postgres://rm:pw@db:5432/rm', PG_SCHEMA: 'rm' }).postgres).toEqual({
      url: 'postgres://rm:pw@db:5432/rm',
      poolSize: 10,
      schema: 'rm',
    });
    expect(problemsOf({ ...esdb, DATABASE_URL: 'mysql://rm:pw@db/rm' })).toEqual([
      expect.stringContaining('must be a postgres:// or postgresql:// URL'),
    ]);
  });
});
