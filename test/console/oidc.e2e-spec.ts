import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { Page, Request } from 'playwright-core';
import { AG, OFFICER_1 } from '../support/fixtures';
import { freePort, waitForExit } from '../support/server-process';
import { ConsoleHarness, screenshot, seriousAxeViolations, startConsoleHarness } from './console-browser';

/** The page's sessionStorage, named for the functions that run in the browser (the tests compile without the DOM library). */
declare const sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };

const CLIENT_ID = 'casetrail-console';
const AUDIENCE = 'casetrail-api';
/** The officer as the provider knows them; casetrail takes name, agency and roles from the token (identity from claims). */
const ACCOUNT = { name: '统一认证 李执法', agency_id: AG, roles: ['officer'] };

/** A real OpenID provider (test/console/oidc-test-provider.mjs) in its own process; resolves once it listens. */
async function startProvider(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [path.join(__dirname, 'oidc-test-provider.mjs')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      output += d;
      if (output.includes('"issuer"')) resolve();
    });
    proc.stderr.on('data', (d) => (output += d));
    proc.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${output}`)));
  });
  return proc;
}

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

describe('console sign-in with AUTH_MODE=oidc, against a real OpenID provider', () => {
  let h: ConsoleHarness;
  let provider: ChildProcess | undefined;
  let issuer: string;
  let page: Page;
  /** The requests the browser sent: to the provider's token endpoint, and the bearer tokens it sent to the API. */
  const tokenRequests: URLSearchParams[] = [];
  const bearers: string[] = [];
  const authorizationRequests: URL[] = [];

  const session = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('casetrail.session') ?? 'null'));
  const grants = (type: string) => tokenRequests.filter((r) => r.get('grant_type') === type);

  beforeAll(async () => {
    // The provider's address goes into the service's settings, the service's into the provider's client.
    issuer = `http://127.0.0.1:${await freePort()}`;
    h = await startConsoleHarness({
      AUTH_MODE: 'oidc',
      SEED_DEMO: 'true',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `${issuer}/jwks`,
      OIDC_IDENTITY_SOURCE: 'claims',
      OIDC_CLIENT_ID: CLIENT_ID,
    });
    provider = await startProvider({
      PORT: new URL(issuer).port,
      CLIENT_ID,
      AUDIENCE,
      REDIRECT_URI: `${h.baseUrl}/login/callback`,
      POST_LOGOUT_REDIRECT_URI: `${h.baseUrl}/login`,
      ACCOUNTS: JSON.stringify({ [OFFICER_1]: ACCOUNT }),
    });
    page = await h.newPage();
    // The provider's development pages import a web font; this machine has no internet.
    await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
    page.on('request', (r: Request) => {
      const url = new URL(r.url());
      if (url.origin === issuer && url.pathname === '/token') tokenRequests.push(new URLSearchParams(r.postData() ?? ''));
      if (url.origin === issuer && url.pathname === '/auth') authorizationRequests.push(url);
      const bearer = r.headers().authorization;
      if (url.origin === h.baseUrl && url.pathname.startsWith('/api/v1/') && bearer) bearers.push(bearer);
    });
  }, 120_000);

  afterAll(async () => {
    provider?.kill('SIGTERM');
    if (provider) await waitForExit(provider);
    await h?.close();
  });

  it('tells the console how to sign in, and admits the provider in the console’s connect-src only', async () => {
    const config = await h.http.request('GET', '/api/v1/auth/config');
    expect(config.status).toBe(200);
    expect(config.body).toEqual({
      mode: 'oidc',
      issuer,
      clientId: CLIENT_ID,
      redirectPath: '/login/callback',
      scopes: ['openid', 'profile'],
    });
    const csp = (await fetch(`${h.baseUrl}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ${issuer};`);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("form-action 'self';");
  });

  it('signs the officer in at the provider (code flow with PKCE) and shows the desk with their name', async () => {
    await page.goto('/');
    // Sent on to the provider's own sign-in page.
    await page.waitForURL((url) => url.origin === issuer);
    const [authorize] = authorizationRequests;
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${h.baseUrl}/login/callback`,
      scope: 'openid profile',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    await page.locator('input[name="login"]').fill(OFFICER_1);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks the officer to consent to the console's access the first time.
    const consent = page.getByRole('button', { name: 'Continue' });
    await page.waitForURL((url) => url.origin === h.baseUrl || url.pathname.startsWith('/interaction/'));
    if (new URL(page.url()).origin === issuer) await consent.click();
    await page.waitForURL(`${h.baseUrl}/`);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe(`${ACCOUNT.name}（北湖区应急管理局）`);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await screenshot(page, 'oidc-desk');

    // One code exchange, as a public client: the PKCE verifier, no secret.
    const [exchange] = grants('authorization_code');
    expect(grants('authorization_code')).toHaveLength(1);
    expect(exchange.get('client_id')).toBe(CLIENT_ID);
    expect(exchange.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(exchange.has('client_secret')).toBe(false);
    const s = await session();
    expect(s.user).toEqual({ id: OFFICER_1, name: ACCOUNT.name, roles: ['officer'], agencyId: AG, agencyName: '北湖区应急管理局' });
    expect(s.oidc.refreshToken).toEqual(expect.any(String));
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${s.token}`]));
  });

  it('refreshes the access token before it lapses, and uses the new one', async () => {
    const before = await session();
    // The token is about to lapse: the next request refreshes it first.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('casetrail.session')!);
      s.oidc.expiresAt = Date.now() + 1_000;
      sessionStorage.setItem('casetrail.session', JSON.stringify(s));
    });
    const sent = bearers.length;
    await page.getByRole('link', { name: '案件查询' }).click();
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    const after = await session();
    expect(grants('refresh_token')).toHaveLength(1);
    expect(grants('refresh_token')[0].get('refresh_token')).toBe(before.oidc.refreshToken);
    expect(after.token).not.toBe(before.token);
    expect(after.oidc.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    // Every request after the refresh carried the new token, none the old one.
    expect(new Set(bearers.slice(sent))).toEqual(new Set([`Bearer ${after.token}`]));
  });

  it('on a 401 refreshes once and sends the request again', async () => {
    const before = await session();
    // A token the API refuses (as a revoked or rotated-key token would be), though not yet due to lapse.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('casetrail.session')!);
      s.token = 'not-a-valid-token';
      sessionStorage.setItem('casetrail.session', JSON.stringify(s));
    });
    const sent = bearers.length;
    const refreshed = page.waitForResponse((r) => r.url() === `${issuer}/token` && r.ok());
    const answered = page.waitForResponse(
      (r) =>
        r.url().startsWith(`${h.baseUrl}/api/v1/cases`) && r.ok() && r.request().headers().authorization !== 'Bearer not-a-valid-token',
    );
    await page.getByRole('link', { name: '工作台' }).click();
    await refreshed;
    await answered;
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const after = await session();
    expect(grants('refresh_token')).toHaveLength(2);
    expect(grants('refresh_token')[1].get('refresh_token')).toBe(before.oidc.refreshToken);
    expect(after.token).not.toBe('not-a-valid-token');
    expect(bearers.slice(sent)).toContain('Bearer not-a-valid-token');
    expect(bearers.slice(sent).at(-1)).toBe(`Bearer ${after.token}`);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('signs out at the provider too, and the sign-in page waits for a click (axe: no serious violation)', async () => {
    // The desk's other requests that met the refused token took the refreshed one: no further refresh.
    expect(grants('refresh_token')).toHaveLength(2);
    const idToken = (await session()).oidc.idToken;
    await page.getByRole('button', { name: '退出登录' }).click();
    // RP-initiated logout: the provider confirms, then sends the browser back to the console's sign-in page.
    await page.waitForURL((url) => url.origin === issuer);
    expect(new URL(page.url()).pathname).toBe('/session/end');
    expect(new URL(page.url()).searchParams.get('id_token_hint')).toBe(idToken);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${h.baseUrl}/login`);
    await page.getByText('您已退出登录').waitFor();
    await expect(session()).resolves.toBeNull();
    await screenshot(page, 'oidc-sign-in');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The provider's session ended as well: signing in again asks for the password.
    await page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="password"]').waitFor();
    expect(h.cspViolations).toEqual([]);
  });
});
