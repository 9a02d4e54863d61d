import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { JWK, KeyLike, SignJWT, UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { TestApp, startTestApp } from '../support/test-app';
import { AG, OFFICER_1, OTHER_COUNTY_OFFICER, openCaseBody } from '../support/fixtures';

/**
 * Production identity over real HTTP: the app verifies tokens of an external OpenID Connect provider whose keys it
 * fetches from a JWKS endpoint served here by node:http (or reads from a PEM file), and maps them to the actor.
 */
const ISSUER = 'https://id.chenzhou.example.gov.cn/realms/casetrail';
const AUDIENCE = 'casetrail-api';
const SEARCH = `/api/v1/cases?agencyId=${AG}`;

/** A provider's JWKS endpoint on 127.0.0.1; it counts the fetches and can be stopped and started on the same port. */
class JwksServer {
  fetches = 0;
  private server?: Server;
  port = 0;

  constructor(private readonly keys: JWK[]) {}

  get url() {
    return `http://127.0.0.1:${this.port}/jwks`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      if (req.url !== '/jwks') return void res.writeHead(404).end();
      this.fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }
}

interface Signing {
  key: KeyLike | Uint8Array;
  alg?: string;
  kid?: string;
}

/** A token as a provider would issue it; every claim can be overridden or dropped (undefined). */
function token(signing: Signing, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const all: Record<string, unknown> = { iss: ISSUER, aud: AUDIENCE, sub: OFFICER_1, iat: now, exp: now + 300, ...claims };
  const defined = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  return new SignJWT(defined)
    .setProtectedHeader({ alg: signing.alg ?? 'RS256', ...(signing.kid ? { kid: signing.kid } : {}) })
    .sign(signing.key);
}

/**
 * Waits until every read model has caught up (the case index the search reads is built by the projection thread),
 * asking as the holder of `bearer`: test/support's helper takes dev tokens, which AUTH_MODE=oidc does not issue.
 */
async function projectionsCaughtUp(t: TestApp, bearer: string): Promise<void> {
  for (;;) {
    const res = await t.http.request('GET', '/api/v1/projections', { token: bearer });
    if (res.status !== 200) throw new Error(`GET /api/v1/projections: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.length && res.body.every((p: { lag: string }) => p.lag === '0')) return;
    await new Promise((r) => setImmediate(r));
  }
}

const oidcEnv = (extra: Record<string, string>) => ({ AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, ...extra });

let provider: Signing;
let otherKey: KeyLike;
let jwks: JwksServer;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  provider = { key: pair.privateKey, kid: 'casetrail-2026' };
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwks = new JwksServer([{ ...(await exportJWK(pair.publicKey)), kid: 'casetrail-2026', alg: 'RS256', use: 'sig' }]);
  await jwks.start();
});
afterAll(async () => jwks.stop());

describe('AUTH_MODE=oidc, identity from the registry (keys from the JWKS endpoint)', () => {
  let t: TestApp;
  const get = async (url: string, bearer: string) => t.http.request('GET', url, { token: bearer });
  /** A refused request: 401 problem+json, the reason named in Chinese and English. */
  async function refused(bearer: string, reason: string, detail: string | RegExp) {
    const res = await get(SEARCH, bearer);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      reason,
      detail: typeof detail === 'string' ? expect.stringContaining(detail) : expect.stringMatching(detail),
    });
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: oidcEnv({ OIDC_JWKS_URL: jwks.url }) });
    await projectionsCaughtUp(t, await token(provider));
  });
  afterAll(async () => t.close());

  it('a valid token gets 200, with the keys fetched from the provider', async () => {
    const res = await get(SEARCH, await token(provider));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, items: expect.any(Array) });
    expect(jwks.fetches).toBeGreaterThan(0);
    expect((await t.http.request('GET', '/api/v1/health')).body.authMode).toBe('oidc');
  });

  it('roles and agency are the registry’s, not the token’s: a city supervisor reads a county, an officer of another county does not', async () => {
    expect((await get(SEARCH, await token(provider, { sub: 'u-431000-supervisor' }))).status).toBe(200);
    const other = await get(SEARCH, await token(provider, { sub: OTHER_COUNTY_OFFICER, roles: ['supervisor'], agency_id: 'ag-431000' }));
    expect(other.status).toBe(403);
  });

  it('refuses a wrong issuer', async () => {
    await refused(
      await token(provider, { iss: 'https://id.elsewhere.example' }),
      'issuer',
      '签发者不符 (wrong issuer: token has "https://id.elsewhere.example"',
    );
  });

  it('refuses a wrong audience', async () => {
    await refused(await token(provider, { aud: 'another-app' }), 'audience', '受众不符');
  });

  it('refuses a token signed by another key under the provider’s kid', async () => {
    await refused(await token({ key: otherKey, kid: 'casetrail-2026' }), 'signature', '签名无效 (bad signature)');
  });

  it('refuses a token whose kid the provider does not publish', async () => {
    await refused(await token({ key: otherKey, kid: 'rogue' }), 'no-matching-key', /^签名密钥未知 .*"rogue"/);
  });

  it('refuses an expired token (beyond the clock tolerance) and one not yet valid', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(await token(provider, { iat: now - 7200, exp: now - 3600 }), 'expired', '令牌已过期');
    await refused(await token(provider, { nbf: now + 3600 }), 'not-yet-valid', '令牌尚未生效');
  });

  it('refuses alg none and HS256, even with the right claims', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = new UnsecuredJWT({ sub: OFFICER_1 })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .encode();
    await refused(unsigned, 'algorithm-not-allowed', '签名算法不允许 (algorithm "none" not allowed; accepted: RS256, ES256)');
    const hs = await token({ key: new TextEncoder().encode('a-shared-secret-that-is-long-enough!!'), alg: 'HS256' });
    await refused(hs, 'algorithm-not-allowed', 'algorithm "HS256" not allowed');
  });

  it('refuses a malformed token and a missing one', async () => {
    await refused('not-a-jwt', 'malformed', '令牌格式错误');
    const res = await t.http.request('GET', SEARCH);
    expect(res).toMatchObject({ status: 401, body: { reason: 'missing-token' } });
  });

  it('refuses a token for a user the registry does not know, naming the user', async () => {
    await refused(
      await token(provider, { sub: 'u-431002-left-in-2025' }),
      'user-not-registered',
      '用户未登记 (user u-431002-left-in-2025 is not registered)',
    );
    await refused(await token(provider, { sub: undefined }), 'user-claim-missing', '"sub"');
  });

  it('issues no dev tokens', async () => {
    expect((await t.http.request('POST', '/api/v1/auth/dev-token', { body: { userId: OFFICER_1 } })).status).toBe(404);
  });
});

describe('AUTH_MODE=oidc with OIDC_IDENTITY_SOURCE=claims', () => {
  let t: TestApp;
  const get = async (url: string, bearer: string) => t.http.request('GET', url, { token: bearer });

  beforeAll(async () => {
    t = await startTestApp({ env: oidcEnv({ OIDC_JWKS_URL: jwks.url, OIDC_IDENTITY_SOURCE: 'claims' }) });
    await projectionsCaughtUp(t, await token(provider, { roles: ['officer'], agency_id: AG }));
  });
  afterAll(async () => t.close());

  it('a user only the provider knows acts with the roles and agency of the claims; unknown role names are ignored', async () => {
    const supervisor = await token(provider, {
      sub: 'ext-10086',
      name: '张督查',
      roles: ['supervisor', 'offline_access'],
      agency_id: 'ag-431000',
    });
    expect((await get(SEARCH, supervisor)).status).toBe(200);
    // The same user as an officer of the city (space-separated roles): officers read only their own agency.
    const officer = await token(provider, { sub: 'ext-10086', roles: 'officer uma_authorization', agency_id: 'ag-431000' });
    expect((await get(SEARCH, officer)).status).toBe(403);
    expect((await get('/api/v1/cases?agencyId=ag-431000', officer)).status).toBe(200);
  });

  it('the claims override the registry for a registered user', async () => {
    const moved = await token(provider, { sub: OFFICER_1, roles: ['officer'], agency_id: 'ag-431003' });
    expect((await get(SEARCH, moved)).status).toBe(403);
    expect((await get('/api/v1/cases?agencyId=ag-431003', moved)).status).toBe(200);
  });

  it('records the actor of the claims in the event, the name included', async () => {
    const officer = await token(provider, { sub: OFFICER_1, name: '王海涛（统一身份认证）', roles: ['officer'], agency_id: AG });
    const res = await t.http.request('POST', '/api/v1/cases', { token: officer, body: openCaseBody() });
    expect(res.status).toBe(201);
    expect(res.body.events[0].metadata.actor).toEqual({ id: OFFICER_1, name: '王海涛（统一身份认证）', roles: ['officer'], agencyId: AG });
  });

  it('403 when the token grants no known role; 401 naming an agency the registry does not know', async () => {
    const noRole = await get(SEARCH, await token(provider, { sub: 'ext-10086', roles: ['offline_access'], agency_id: AG }));
    expect(noRole.status).toBe(403);
    expect(noRole.body.detail).toBe('令牌未授予任何角色 (token grants no role)');
    const unknownAgency = await get(SEARCH, await token(provider, { sub: 'ext-10086', roles: ['officer'], agency_id: 'ag-439999' }));
    expect(unknownAgency.status).toBe(401);
    expect(unknownAgency.body).toMatchObject({
      reason: 'agency-not-registered',
      detail: '机构未登记 (agency ag-439999 is not registered)',
    });
  });

  it('signature and claim checks apply as in registry mode', async () => {
    const forged = await token({ key: otherKey, kid: 'casetrail-2026' }, { roles: ['admin'], agency_id: 'ag-431000' });
    expect((await get(SEARCH, forged)).body).toMatchObject({ status: 401, reason: 'signature' });
  });
});

describe('AUTH_MODE=oidc when the JWKS endpoint is down', () => {
  let t: TestApp;
  let down: JwksServer;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    down = new JwksServer([{ ...(await exportJWK(pair.publicKey)), kid: 'k2', alg: 'RS256' }]);
    await down.start();
    provider2 = { key: pair.privateKey, kid: 'k2' };
    t = await startTestApp({ env: oidcEnv({ OIDC_JWKS_URL: down.url }) });
  });
  afterAll(async () => {
    await t.close();
    await down.stop();
  });
  let provider2: Signing;

  it('401 naming the unavailable key set, not a 500; the failure is not cached, so the token works once the keys are back', async () => {
    const bearer = await token(provider2);
    await down.stop();
    // Any authenticated endpoint; this one does not wait for the read models, which this app never gets to build.
    const res = await t.http.request('GET', '/api/v1/projections', { token: bearer });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ reason: 'key-set-unavailable', detail: expect.stringMatching(/^密钥集不可用 \(/) });
    expect(down.fetches).toBe(0);

    await down.start(); // same port
    expect((await t.http.request('GET', '/api/v1/projections', { token: bearer })).status).toBe(200);
    expect(down.fetches).toBe(1);
  });
});

describe('AUTH_MODE=oidc with the key from a PEM file (OIDC_PUBLIC_KEY_FILE)', () => {
  let t: TestApp;
  let signing: Signing;
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-oidc-pem-'));

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signing = { key: pair.privateKey };
    const file = path.join(dir, 'idp-signing.pem');
    writeFileSync(file, await exportSPKI(pair.publicKey));
    t = await startTestApp({ env: oidcEnv({ OIDC_PUBLIC_KEY_FILE: file }) });
    await projectionsCaughtUp(t, await token(signing));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a token signed with the key, refuses another key’s and an algorithm the key cannot verify', async () => {
    expect((await t.http.request('GET', SEARCH, { token: await token(signing) })).status).toBe(200);
    const forged = await t.http.request('GET', SEARCH, { token: await token({ key: otherKey }) });
    expect(forged.body).toMatchObject({ status: 401, reason: 'signature', detail: '签名无效 (bad signature)' });
    // ES256 is accepted by default, but never with an RSA key: refused as an algorithm, not a crypto error.
    const es = await t.http.request('GET', SEARCH, {
      token: await token({ key: (await generateKeyPair('ES256')).privateKey, alg: 'ES256' }),
    });
    expect(es.body).toMatchObject({ status: 401, reason: 'algorithm-not-allowed', detail: expect.stringContaining('accepted: RS256)') });
  });
});
