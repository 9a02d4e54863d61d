import { TestApp, startTestApp } from '../support/test-app';
import { OFFICER_1, openCaseBody } from '../support/fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ADMIN = 'u-431000-admin';

/**
 * Tracing headers over real HTTP: a client's request, correlation and causation ids are kept when short and safe,
 * replaced by generated ones otherwise, echoed in every response, and stored bounded in the event's envelope with
 * the User-Agent; the client's address is the socket's unless TRUSTED_PROXY names the proxy that forwarded it.
 */
describe('tracing headers and the client address', () => {
  let direct: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    direct = await startTestApp();
    proxied = await startTestApp({ env: { TRUSTED_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => Promise.all([direct?.close(), proxied?.close()]));

  const open = (t: TestApp, headers: Record<string, string>) => t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody(), headers);

  it('keeps valid ids, echoes them and stores them in the envelope', async () => {
    const res = await open(direct, { 'x-request-id': 'req-2026.09:0001', 'x-correlation-id': 'corr_42', 'x-causation-id': 'cause-7' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req-2026.09:0001');
    expect(res.headers.get('x-correlation-id')).toBe('corr_42');
    expect(res.body.events[0].metadata).toMatchObject({ requestId: 'req-2026.09:0001', correlationId: 'corr_42', causationId: 'cause-7' });
  });

  it('replaces ids too long or of unsafe characters, bounds the User-Agent, and echoes what it stored', async () => {
    const res = await open(direct, {
      'x-request-id': 'r'.repeat(10_000),
      'x-correlation-id': 'a b<c>',
      'x-causation-id': '"quoted"',
      'user-agent': `probe/${'x'.repeat(5_000)}`,
    });
    expect(res.status).toBe(201);
    const meta = res.body.events[0].metadata;
    expect(meta.requestId).toMatch(UUID);
    expect(meta.correlationId).toBe(meta.requestId);
    expect(meta.causationId).toBe(meta.requestId);
    expect(meta.userAgent).toBe(`probe/${'x'.repeat(250)}`);
    expect(res.headers.get('x-request-id')).toBe(meta.requestId);
    expect(res.headers.get('x-correlation-id')).toBe(meta.correlationId);
  });

  it('echoes the ids on refusals and on reads too', async () => {
    const refused = await direct.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ industry: 'textiles' }), {
      'x-request-id': 'bad-body-1',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toBe('bad-body-1');
    const health = await direct.http.request('GET', '/api/v1/health');
    expect(health.headers.get('x-request-id')).toMatch(UUID);
    expect(health.headers.get('x-correlation-id')).toBe(health.headers.get('x-request-id'));
  });

  it('records the socket address, not a forwarded one, when no proxy is trusted', async () => {
    const res = await open(direct, { 'x-forwarded-for': '198.51.100.23' });
    expect(res.body.events[0].metadata.clientIp).toBe('127.0.0.1');
  });

  it('records the forwarded client address from a trusted proxy, in case and registry events alike', async () => {
    const res = await open(proxied, { 'x-forwarded-for': '198.51.100.23' });
    expect(res.body.events[0].metadata.clientIp).toBe('198.51.100.23');
    const registry = await proxied.http.as(
      ADMIN,
      'POST',
      '/api/v1/admin/users/u-431002-officer-3/training',
      { year: 2026, hours: 4, course: '执法程序培训', date: '2026-09-20' },
      {
        'x-forwarded-for': '198.51.100.24',
        'x-request-id': 'x'.repeat(129),
      },
    );
    expect(registry.status).toBe(200);
    expect(registry.body.events[0].metadata).toMatchObject({ clientIp: '198.51.100.24', requestId: registry.headers.get('x-request-id') });
    expect(registry.body.events[0].metadata.requestId).toMatch(UUID);
    // Not an address at all (a client's text passed on by the proxy): the proxy's own address is recorded.
    const garbled = await open(proxied, { 'x-forwarded-for': 'x'.repeat(2_000) });
    expect(garbled.body.events[0].metadata.clientIp).toBe('127.0.0.1');
  });
});
