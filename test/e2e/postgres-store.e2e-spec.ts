import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { AG, HEAD, OFFICER_1, REVIEWER, at, openCaseBody } from '../support/fixtures';
import { projectionsCaughtUp } from '../support/projections';
import { describeWithPostgres, dropSchema, freshSchemaName, withClient } from '../support/postgres';

/**
 * The service on EVENT_STORE=postgres over real HTTP: start-up (directory and demo seed, deadline scheduler,
 * projections service) works, the command path and the case's reads work, the read side is served from PostgreSQL,
 * and a restart on the same schema finds everything again without seeding twice.
 */
describeWithPostgres('the service on PostgreSQL (EVENT_STORE=postgres)', (url) => {
  const schema = freshSchemaName('app');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: url, PG_SCHEMA: schema, PG_POOL_SIZE: '4', SEED_DEMO: 'basic' };
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({ env });
  });
  afterAll(async () => {
    await t?.close();
    await dropSchema(url, schema);
  });

  it('reports the store in health and writes nothing to DATA_DIR', async () => {
    const health = await t.http.request('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', store: 'postgres' });
    expect(BigInt(health.body.headPosition)).toBeGreaterThan(0n); // the directory and the demo cases
    expect(existsSync(path.join(t.dataDir, 'casetrail.db'))).toBe(false);
    const seeded = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "${schema}".events WHERE stream_id = 'demo-seed'`));
    expect(seeded.rows[0].n).toBe(1);
  });

  it('open → approve-filing → read the case, its history and its timeline over HTTP', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    expect(opened.status).toBe(201);
    caseId = opened.body.case.caseId;
    expect(opened.body.case).toMatchObject({ stage: 'filing', revision: 0, agencyId: AG });

    const filed = await t.http.as(HEAD, 'POST', `/api/v1/cases/${caseId}/commands/approve-filing`, {
      opinion: '同意立案',
      occurredAt: at('2026-09-02'),
    });
    expect(filed.status).toBe(200);
    expect(filed.body.case).toMatchObject({ stage: 'investigation', revision: 1 });
    expect(filed.headers.get('etag')).toBe('"1"');

    // A stale revision is refused by the store's optimistic concurrency, surfaced as 412.
    const stale = await t.http.as(
      HEAD,
      'POST',
      `/api/v1/cases/${caseId}/commands/approve-filing`,
      { opinion: '再次', occurredAt: at('2026-09-02') },
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(412);

    const view = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ stage: 'investigation', revision: 1 });
    expect(view.body.caseNo).toMatch(/^北应急立〔2026〕\d+号$/);

    const history = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}/events`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: any) => [e.type, e.revision])).toEqual([
      ['CaseOpened', 0],
      ['CaseFiled', 1],
    ]);
    const [p0, p1] = history.body.map((e: any) => BigInt(e.position));
    expect(p1).toBeGreaterThan(p0);
    expect(history.body[1].metadata.actor.id).toBe(HEAD);

    const timeline = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}/timeline?revision=0`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.case).toMatchObject({ stage: 'filing', revision: 0 });
    expect(timeline.body.events.map((e: any) => e.type)).toEqual(['CaseOpened']);
  });

  it('the deadline scheduler follows the PostgreSQL log to its head', async () => {
    // The demo cases carry deadlines long past: a tick (which first catches up with the store) records their expiry.
    const written = await t.app.get(DeadlineSchedulerService).tick();
    expect(written).toBeGreaterThan(0);
    expect(await t.app.get(DeadlineSchedulerService).tick()).toBe(0);
  });

  it('serves the read side from read models in PostgreSQL (search, reports, registers, audit, integrity, publication)', async () => {
    const supervisor = 'u-431000-supervisor';
    await projectionsCaughtUp(t.http, REVIEWER);
    const responses = await Promise.all([
      t.http.as(OFFICER_1, 'GET', '/api/v1/cases'),
      t.http.as(OFFICER_1, 'GET', '/api/v1/reports/assessment?year=2026'),
      t.http.as(supervisor, 'GET', '/api/v1/interference'),
      t.http.as(supervisor, 'GET', `/api/v1/audit?caseId=${caseId}`),
      t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify'),
      t.http.request('GET', '/api/v1/public/decisions'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const [search, , , audit, verify] = responses;
    expect(search.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
    expect(verify.body).toMatchObject({ ok: true });
    const health = (await t.http.request('GET', '/api/v1/health')).body;
    expect(health.instance).toMatchObject({ projections: 'leading', deadlineScheduler: 'leading' });
  });

  it('a restart on the same schema finds the case and does not seed again', async () => {
    const headBefore = (await t.http.request('GET', '/api/v1/health')).body.headPosition;
    // Read before the restart: the scheduler's tick above may have recorded expiries on this case too.
    const before = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}`)).body;
    await t.close();
    t = await startTestApp({ env });
    expect((await t.http.request('GET', '/api/v1/health')).body.headPosition).toBe(headBefore);
    const view = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}`);
    expect(view.body).toEqual(before);
    expect(view.body).toMatchObject({ caseId, stage: 'investigation' });
  });
});
