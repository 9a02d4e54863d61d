import { TestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { startWithFiledCase } from '../support/cases';
import { OFFICER_1, OFFICER_2, REVIEWER, evidenceBody } from '../support/fixtures';

/** The audit trail over HTTP, read from the audit-trail projection (fed on its own thread). */
describe('audit trail over HTTP', () => {
  let t: TestApp;
  let id: string;

  /** Waits (without timing assertions) until every projection has reached the store's head. */
  const caughtUp = () => projectionsCaughtUp(t.http);

  beforeAll(async () => {
    ({ t, id } = await startWithFiledCase());
    await t.http.as(OFFICER_2, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidenceBody({ title: '现场检查记录, "仓库"' }));
    await caughtUp();
  });
  afterAll(async () => t.close());

  it('lists the case history with its metadata, filtered by case, actor and type', async () => {
    const all = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?caseId=${id}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: any) => i.type)).toEqual(['CaseOpened', 'CaseFiled', 'EvidenceRecorded']);
    expect(all.body.items[2]).toMatchObject({
      actor_id: OFFICER_2,
      command: 'record-evidence',
      metadata: { occurredAt: '2026-09-03T10:00:00+08:00', hash: expect.any(String) },
    });
    const byActor = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?caseId=${id}&actorId=${OFFICER_2}`);
    expect(byActor.body.items.map((i: any) => i.type)).toEqual(['EvidenceRecorded']);
    const byType = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?type=CaseFiled&limit=1000`);
    expect(byType.body.items.every((i: any) => i.type === 'CaseFiled')).toBe(true);
    expect(byType.body.items.map((i: any) => i.case_id)).toContain(id);
  });

  it('pages by position and exports CSV and JSON Lines', async () => {
    const page = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?caseId=${id}&limit=2`);
    expect(page.body.items).toHaveLength(2);
    const rest = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?caseId=${id}&after=${page.body.next}`);
    expect(rest.body.items.map((i: any) => i.type)).toEqual(['EvidenceRecorded']);
    const csv = await fetch(`${t.http.baseUrl}/api/v1/audit?caseId=${id}&format=csv`, {
      headers: { authorization: `Bearer ${await t.http.token(REVIEWER)}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('position,event_id,case_id,revision,type,actor_id,actor_agency_id,command,occurred_at,recorded_at,data,metadata');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/,"\{""evidenceId""/); // a cell with commas and quotes is quoted, its quotes doubled
    const jsonl = await fetch(`${t.http.baseUrl}/api/v1/audit?caseId=${id}&format=jsonl`, {
      headers: { authorization: `Bearer ${await t.http.token(REVIEWER)}` },
    });
    expect(
      (await jsonl.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['CaseOpened', 'CaseFiled', 'EvidenceRecorded']);
  });

  it('is for reviewers within their jurisdiction only', async () => {
    expect((await t.http.as(OFFICER_1, 'GET', '/api/v1/audit')).status).toBe(403);
    expect((await t.http.as('u-431003-reviewer', 'GET', `/api/v1/audit?caseId=${id}`)).status).toBe(403);
    expect((await t.http.as('u-431003-reviewer', 'GET', '/api/v1/audit?agencyId=ag-431002')).status).toBe(403);
    const city = await t.http.as('u-431000-supervisor', 'GET', `/api/v1/audit?caseId=${id}`);
    expect(city.body.items).toHaveLength(3);
  });

  it('refuses a bad filter with 400 naming it', async () => {
    const res = await t.http.as(REVIEWER, 'GET', '/api/v1/audit?limit=0&format=xml');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['format', 'limit']);
  });
});
