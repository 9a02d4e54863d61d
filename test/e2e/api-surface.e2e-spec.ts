import { EVENT_STORE, EventStore } from '@app/event-store';
import { caseStreamId } from '@app/case-engine';
import { TestApp, startTestApp } from '../support/test-app';

describe('API surface: health, OpenAPI, dev identity and the demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('health answers without a token', async () => {
    const res = await t.http.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'sqlite', authMode: 'dev' });
  });

  it('serves OpenAPI with every command route and its body schema', async () => {
    const res = await t.http.request('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const c of ['approve-filing', 'record-evidence', 'decide', 'record-payment', 'attest-interference-record', 'close-case']) {
      expect(paths).toContain(`/api/v1/cases/{caseId}/commands/${c}`);
    }
    expect(res.body.components.schemas.OpenCaseDto.required).toEqual(expect.arrayContaining(['agencyId', 'party', 'handlingOfficerIds']));
    // Every schema the document names is defined in it (the console's types and forms are generated from it).
    const refs = [...JSON.stringify(res.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !res.body.components.schemas[name])).toEqual([]);
  });

  it('lists the seeded organisation: two or more county bureaus, each with 3 certified officers, a head and a reviewer; a city supervisor and discipline user', async () => {
    const users: { id: string; roles: string[]; agencyId: string }[] = (await t.http.request('GET', '/api/v1/auth/dev-users')).body;
    const byAgency = (agencyId: string, role: string) => users.filter((u) => u.agencyId === agencyId && u.roles.includes(role)).length;
    const counties = ['ag-431002', 'ag-431003', 'ag-431021'];
    for (const a of counties) {
      expect(byAgency(a, 'officer')).toBeGreaterThanOrEqual(3);
      expect(byAgency(a, 'head')).toBe(1);
      expect(byAgency(a, 'legal_reviewer')).toBe(1);
    }
    expect(byAgency('ag-431000', 'supervisor')).toBe(1);
    expect(byAgency('ag-431000', 'discipline')).toBe(1);
  });

  it('refuses a dev token for an unknown user, naming the field', async () => {
    const res = await t.http.request('POST', '/api/v1/auth/dev-token', { body: { userId: 'nobody' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('userId');
  });

  it('seeds demo cases at different stages, each readable by its bureau', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const [seed] = await store.readStream('demo-seed');
    const caseIds = (seed.data as { caseIds: string[] }).caseIds;
    const stages = new Set<string>();
    for (const id of caseIds) {
      const opened = (await store.readStream(caseStreamId(id)))[0];
      const agencyId = (opened.data as { agencyId: string }).agencyId;
      const res = await t.http.as(`u-${agencyId.slice(3)}-officer-1`, 'GET', `/api/v1/cases/${id}`);
      expect(res.status).toBe(200);
      stages.add(res.body.stage);
    }
    expect([...stages].sort()).toEqual(['closed', 'execution', 'filing', 'investigation', 'notFiled', 'review']);
  });
});
