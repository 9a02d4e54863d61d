import { TestApp, startTestApp } from '../support/test-app';
import { OFFICER_1, REVIEWER, openCaseBody } from '../support/fixtures';

describe('integrity over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('verifies the chains of the demo data for a legal reviewer, and refuses an officer', async () => {
    const ok = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, headPosition: await t.http.headPosition() });
    expect(ok.body.checkedEvents).toBeGreaterThan(50);
    expect((await t.http.as(OFFICER_1, 'GET', '/api/v1/integrity/verify')).status).toBe(403);
  });

  it('anchors the head on demand (supervisor) and lists the anchors for export', async () => {
    const created = await t.http.as('u-431000-supervisor', 'POST', '/api/v1/integrity/anchors', { reason: '季度核查' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      position: await t.http.headPosition(),
      globalHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      reason: '季度核查',
    });
    const list = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/anchors');
    expect(list.body.map((a: any) => a.seq)).toContain(created.body.seq);
    expect((await t.http.as(REVIEWER, 'POST', '/api/v1/integrity/anchors', {})).status).toBe(403);
  });

  it('pages the anchor log by seq: pages of two are the whole log in order; more than 1,000 a page is refused', async () => {
    for (const reason of ['一', '二', '三'])
      expect((await t.http.as('u-431000-supervisor', 'POST', '/api/v1/integrity/anchors', { reason })).status).toBe(201);
    const whole = (await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/anchors')).body as { seq: number }[];
    expect(whole.length).toBeGreaterThanOrEqual(4);
    const paged: { seq: number }[] = [];
    for (let after = 0; ;) {
      const page = (await t.http.as(REVIEWER, 'GET', `/api/v1/integrity/anchors?limit=2&after=${after}`)).body as { seq: number }[];
      paged.push(...page);
      if (page.length < 2) break;
      after = page[page.length - 1].seq;
    }
    expect(paged).toEqual(whole);
    expect(whole.map((a) => a.seq)).toEqual([...whole.map((a) => a.seq)].sort((a, b) => a - b));
    const tooMany = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/anchors?limit=1001');
    expect({ status: tooMany.status, field: tooMany.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'limit' });
  });

  it('returns each event with the hash of its predecessor in the stream and its own', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    const [first] = opened.body.events;
    expect(first.metadata).toMatchObject({ prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const history = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${opened.body.case.caseId}/events`)).body;
    expect(history[0].metadata.hash).toBe(first.metadata.hash);
  });
});
