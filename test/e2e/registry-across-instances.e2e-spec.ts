import { ChildProcess } from 'node:child_process';
import { toShanghaiDate } from '@app/calendar';
import { HttpClient, HttpResponse } from '../support/http-client';
import { startServerProcess, waitForExit } from '../support/server-process';
import { HASH, HEAD, OFFICER_1, OFFICER_2, at, openCaseBody } from '../support/fixtures';
import { describeWithPostgres, dropSchema, freshSchemaName } from '../support/postgres';

const ADMIN = 'u-431000-admin';

interface Instance {
  proc: ChildProcess;
  http: HttpClient;
}

/**
 * Two API processes on one PostgreSQL database share one organisation registry: a user deactivated, a certificate
 * suspended or a role removed through A is refused by B within 2 s, and B writes nothing for the refused request.
 */
describeWithPostgres('the organisation registry across two API instances', (url) => {
  const schema = freshSchemaName('registry');
  // No scheduler timer: nothing but these requests writes, so an unchanged head position proves that B wrote nothing.
  const env = {
    EVENT_STORE: 'postgres',
    DATABASE_URL: url,
    PG_SCHEMA: schema,
    PG_POOL_SIZE: '4',
    SEED_DEMO: 'basic',
    NODE_ENV: 'development',
    AUTH_MODE: 'dev',
    SCHEDULER_INTERVAL_SECONDS: '0',
  };
  let a: Instance;
  let b: Instance;
  let filed: string;
  let unfiled: string;

  const start = async (): Promise<Instance> => {
    const s = await startServerProcess(env);
    return { proc: s.proc, http: new HttpClient(s.baseUrl) };
  };

  beforeAll(async () => {
    // The first instance seeds the demo organisation; the second reads it at start-up.
    a = await start();
    b = await start();
    filed = (await a.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    expect((await a.http.as(HEAD, 'POST', `/api/v1/cases/${filed}/commands/approve-filing`, { occurredAt: at('2026-09-02') })).status).toBe(
      200,
    );
    unfiled = (await a.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    // B's tokens, taken while every user is still in good standing (tokens are checked against B's registry per request).
    for (const user of [OFFICER_1, OFFICER_2, HEAD]) await b.http.token(user);
  }, 60_000);
  afterAll(async () => {
    for (const i of [a, b]) if (i && i.proc.exitCode === null && i.proc.signalCode === null) i.proc.kill('SIGTERM');
    await Promise.all([a, b].filter(Boolean).map((i) => waitForExit(i.proc)));
    await dropSchema(url, schema);
  });

  /**
   * Asks B until it refuses with `status`, for at most 2 s (the requirement) after A answered. The probe's body is
   * invalid, and validation runs after authentication and the access check: while B still knows the old registry it
   * answers 400, once it follows the change it refuses the actor; either way it can never write.
   */
  async function refusedByB(probe: () => Promise<HttpResponse>, status: number): Promise<HttpResponse> {
    const deadline = Date.now() + 2_000;
    let last: HttpResponse;
    do {
      last = await probe();
      if (last.status === status) return last;
      expect(last.status).toBe(400);
      await new Promise((r) => setTimeout(r, 25));
    } while (Date.now() < deadline);
    throw new Error(`2 s after the change through A, B still answers ${last.status} (${String(last.body?.title)})`);
  }

  const invalid = { occurredAt: 'not-a-date' };
  const now = () => new Date().toISOString();
  const evidence = () => ({ kind: 'photo', title: '现场照片', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: now() });
  const eventsOf = async (caseId: string) => (await a.http.as(ADMIN, 'GET', `/api/v1/cases/${caseId}/events`)).body.length as number;

  it('a certificate suspended through A: B refuses its holder’s enforcement step (行政处罚法第四十二条)', async () => {
    const suspended = await a.http.as(ADMIN, 'POST', `/api/v1/admin/users/${OFFICER_1}/certificate/status`, {
      status: 'suspended',
      effectiveFrom: toShanghaiDate(now()),
      reason: '执法过错调查期间暂扣',
    });
    expect(suspended.status).toBe(200);
    const head = await b.http.headPosition();
    const events = await eventsOf(filed);
    const refusal = await refusedByB(() => b.http.as(OFFICER_1, 'POST', `/api/v1/cases/${filed}/commands/record-evidence`, invalid), 403);
    expect(refusal.body.detail).toContain('执法资格不符');
    const real = await b.http.as(OFFICER_1, 'POST', `/api/v1/cases/${filed}/commands/record-evidence`, evidence());
    expect(real.status).toBe(403);
    expect(await b.http.headPosition()).toBe(head);
    expect(await eventsOf(filed)).toBe(events);
  });

  it('a user deactivated through A: B refuses them (401)', async () => {
    expect((await a.http.as(ADMIN, 'POST', `/api/v1/admin/users/${OFFICER_2}/deactivate`, { reason: '调离执法岗位' })).status).toBe(200);
    const head = await b.http.headPosition();
    const events = await eventsOf(filed);
    const refusal = await refusedByB(() => b.http.as(OFFICER_2, 'POST', `/api/v1/cases/${filed}/commands/record-evidence`, invalid), 401);
    expect(refusal.body.reason).toBe('user-deactivated');
    expect((await b.http.as(OFFICER_2, 'POST', `/api/v1/cases/${filed}/commands/record-evidence`, evidence())).status).toBe(401);
    expect(await b.http.headPosition()).toBe(head);
    expect(await eventsOf(filed)).toBe(events);
  });

  it('a role removed through A: B refuses the step that needs it', async () => {
    const demoted = await a.http.as(ADMIN, 'PATCH', `/api/v1/admin/users/${HEAD}`, { roles: ['officer'] });
    expect(demoted.status).toBe(200);
    const head = await b.http.headPosition();
    const events = await eventsOf(unfiled);
    const refusal = await refusedByB(() => b.http.as(HEAD, 'POST', `/api/v1/cases/${unfiled}/commands/approve-filing`, invalid), 403);
    expect(refusal.body.detail).toContain('requires role head');
    expect((await b.http.as(HEAD, 'POST', `/api/v1/cases/${unfiled}/commands/approve-filing`, { occurredAt: now() })).status).toBe(403);
    expect(await b.http.headPosition()).toBe(head);
    expect(await eventsOf(unfiled)).toBe(events);
  });
});
