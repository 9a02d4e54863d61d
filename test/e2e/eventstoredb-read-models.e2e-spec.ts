import { EventStoreDbEventStore } from '@app/event-store';
import { FakeEsdbClient } from '@app/event-store/testing';
import { TestApp, startTestApp } from '../support/test-app';
import { HASH, HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, openCaseBody, organizationParty } from '../support/fixtures';
import { projectionsCaughtUp } from '../support/projections';
import { describeWithPostgres, dropSchema, freshSchemaName } from '../support/postgres';

/**
 * EVENT_STORE=eventstoredb: the read models live in PostgreSQL (with DATABASE_URL) or in a SQLite file of the instance,
 * fed through the store port; the audit trail shows the events' data and metadata from the payloads the read models
 * keep (the events are not in that database). No EventStoreDB server can run here, so the adapter talks to its
 * in-process model of the server (the same one its contract run uses); everything else — the app, HTTP, PostgreSQL,
 * SQLite — is real.
 */
describeWithPostgres('read models in PostgreSQL for the EventStoreDB store', (url) => {
  const schema = freshSchemaName('esdb');
  let t: TestApp;

  beforeAll(async () => {
    const store = new EventStoreDbEventStore({ client: new FakeEsdbClient(), logger: { warn: () => undefined, error: () => undefined } });
    t = await startTestApp({
      env: {
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
        DATABASE_URL: url,
        PG_SCHEMA: schema,
        PG_POOL_SIZE: '4',
      },
      eventStore: store,
    });
  });
  afterAll(async () => {
    await t?.close();
    await dropSchema(url, schema);
  });

  it('serves search, the audit trail with full payloads, and reports from PostgreSQL', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ party: organizationParty('ESDB读模型测试公司') }));
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId;
    expect((await t.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at('2026-09-02') })).status).toBe(
      200,
    );
    const evidence = {
      kind: 'photo',
      title: '现场照片',
      officerIds: [OFFICER_1, OFFICER_2],
      contentHash: HASH,
      occurredAt: at('2026-09-03'),
    };
    expect((await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence)).status).toBe(200);

    await projectionsCaughtUp(t.http, REVIEWER);
    const found = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases?party=${encodeURIComponent('ESDB读模型测试公司')}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ caseId: id, stage: 'investigation' })]);

    const audit = await t.http.as('u-431000-supervisor', 'GET', `/api/v1/audit?caseId=${id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { type: string }) => e.type)).toEqual(['CaseOpened', 'CaseFiled', 'EvidenceRecorded']);
    expect(audit.body.items[2]).toMatchObject({
      data: expect.objectContaining({ title: '现场照片' }),
      metadata: expect.objectContaining({ command: 'record-evidence' }),
    });

    expect((await t.http.as(OFFICER_1, 'GET', '/api/v1/reports/assessment?year=2026')).status).toBe(200);
    expect((await t.http.request('GET', '/api/v1/health')).body).toMatchObject({
      store: 'eventstoredb',
      instance: { projections: 'leading', deadlineScheduler: 'leading' },
    });
  });
});

/** EVENT_STORE=eventstoredb without DATABASE_URL: the read models in a SQLite file of this instance, fed through the port. */
describe('read models in a SQLite file for the EventStoreDB store', () => {
  let t: TestApp;

  beforeAll(async () => {
    const store = new EventStoreDbEventStore({ client: new FakeEsdbClient(), logger: { warn: () => undefined, error: () => undefined } });
    t = await startTestApp({
      env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' },
      eventStore: store,
    });
  });
  afterAll(async () => t?.close());

  it('serves search, the audit trail with full payloads, and reports from the file', async () => {
    const opened = await t.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: { kind: 'organization', name: 'ESDB本地读模型公司', creditCode: '91431002MA4L000079' } }),
    );
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId;
    expect((await t.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at('2026-09-02') })).status).toBe(
      200,
    );
    await projectionsCaughtUp(t.http, REVIEWER);
    const found = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases?party=${encodeURIComponent('ESDB本地读模型公司')}`);
    expect(found.body.items).toEqual([expect.objectContaining({ caseId: id, stage: 'investigation' })]);
    const audit = await t.http.as('u-431000-supervisor', 'GET', `/api/v1/audit?caseId=${id}`);
    expect(audit.body.items.map((e: { type: string }) => e.type)).toEqual(['CaseOpened', 'CaseFiled']);
    expect(audit.body.items[1].metadata).toMatchObject({ command: 'approve-filing', actor: expect.objectContaining({ id: HEAD }) });
    expect((await t.http.as(OFFICER_1, 'GET', '/api/v1/reports/assessment?year=2026')).status).toBe(200);
    expect((await t.http.request('GET', '/api/v1/health')).body).toMatchObject({
      store: 'eventstoredb',
      instance: { projections: 'local', deadlineScheduler: 'local' },
    });
  });
});
