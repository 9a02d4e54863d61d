import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { finedCases } from '../support/fined-cases';
import { casesBehind as figureCases, rateWithCases } from '../support/assessment-figures';
import { AG, HEAD, OFFICER_1, OFFICER_2, OFFICER_3, OTHER_COUNTY_OFFICER, at, interferenceBody } from '../support/fixtures';

/**
 * 六率考核 (docs/supervision.md §4) against a hand-built fixture in the first half of 2026 (the demo seed's cases
 * start in July 2026):
 *
 *   case  filed       decided (review)        executed  closed      rectification due → re-inspected
 *   A     2026-04-01  04-08 (basis correct)   04-10     04-13       —
 *   B     2026-04-02  04-08 (no review)       —         —           05-11 → 06-25 (window ends 05-21: late)
 *   C     2026-04-03  —                       —         —           04-20 → 04-24 (in time); interference 05-06
 *   D     2026-01-05  04-15 (no review, late) 04-16     04-17       —
 *
 * Q2 2026 by hand: filed A,B,C = 3; handling A,B = 2/3; legal-basis accuracy A of A,B,D = 1/3;
 * timely closure A of A,D = 1/2 (D decided after its 90-day decision deadline); execution A,D of A,B,D = 2/3;
 * re-inspection C's of C's,B's = 1/2.
 */
describe('assessment report over HTTP', () => {
  let t: TestApp;
  const { id, run, filed, decided, paidAndClosed } = finedCases(() => t.http, '考核测试');

  const caughtUp = () => projectionsCaughtUp(t.http);
  beforeAll(async () => {
    t = await startTestApp();
    await filed('D', '2026-01-05');
    await filed('A', '2026-04-01');
    await filed('B', '2026-04-02');
    await filed('C', '2026-04-03', 'gas');
    await decided('A', { concludeOn: '2026-04-03', decideOn: '2026-04-08', review: true });
    await paidAndClosed('A', '2026-04-10', '2026-04-13');
    await decided('B', { concludeOn: '2026-04-03', decideOn: '2026-04-08' });
    await decided('D', { concludeOn: '2026-04-14', decideOn: '2026-04-15' });
    await paidAndClosed('D', '2026-04-16', '2026-04-17');
    await run('C', OFFICER_1, 'issue-rectification-order', {
      items: ['更换燃气报警装置'],
      deadline: '2026-04-20',
      legalBasis: ['安全生产法 Art. 65'],
      occurredAt: at('2026-04-03', '16:00:00'),
    });
    await run('C', OFFICER_1, 'record-reinspection', {
      officerIds: [OFFICER_1, OFFICER_3],
      result: 'passed',
      findings: '已整改',
      occurredAt: at('2026-04-24'),
    });
    await run('B', OFFICER_1, 'issue-rectification-order', {
      items: ['完善安全设备检测'],
      deadline: '2026-05-11',
      legalBasis: ['安全生产法 Art. 65'],
      occurredAt: at('2026-04-09'),
    });
    await run('B', OFFICER_2, 'record-reinspection', {
      officerIds: [OFFICER_2, OFFICER_3],
      result: 'passed',
      findings: '已整改',
      occurredAt: at('2026-06-25'),
    });
    await run('C', OFFICER_2, 'record-interference', interferenceBody({ occurredAt: at('2026-05-06') }));
    await caughtUp();
  });
  afterAll(async () => t.close());

  const report = (user: string, query: string) => t.http.as(user, 'GET', `/api/v1/reports/assessment${query}`);
  const byKey = (body: any) => Object.fromEntries(body.rates.map((r: any) => [r.key, r]));
  const ids = (...names: string[]) => names.map((n) => id[n]).sort();
  const casesBehind = (user: string, href: string) => figureCases(t.http, user, href);
  /** A rate's figures and the cases behind its numerator and denominator, as the report inlined them before. */
  const withCases = (user: string, rate: any) => rateWithCases(t.http, user, rate);

  it('computes the six rates of Q2 2026 as counted by hand, with the cases behind each', async () => {
    const res = await report(HEAD, `?agencyId=${AG}&year=2026&quarter=2`);
    expect(res.status).toBe(200);
    expect(res.body.period).toMatchObject({ year: 2026, quarter: 2, from: '2026-04-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' });
    expect(res.body.filed).toMatchObject({ count: 3 });
    expect(await casesBehind(HEAD, res.body.filed.cases)).toEqual(ids('A', 'B', 'C'));
    const r = byKey(res.body);
    expect(await withCases(HEAD, r.handling)).toEqual({
      numerator: 2,
      denominator: 3,
      numeratorCaseIds: ids('A', 'B'),
      denominatorCaseIds: ids('A', 'B', 'C'),
    });
    expect(r.handling.ratio).toBeCloseTo(2 / 3);
    expect(await withCases(HEAD, r.legal_basis_accuracy)).toEqual({
      numerator: 1,
      denominator: 3,
      numeratorCaseIds: ids('A'),
      denominatorCaseIds: ids('A', 'B', 'D'),
    });
    expect(r.timely_closure.ratio).toBe(0.5);
    expect(await withCases(HEAD, r.timely_closure)).toEqual({
      numerator: 1,
      denominator: 2,
      numeratorCaseIds: ids('A'),
      denominatorCaseIds: ids('A', 'D'),
    });
    expect(await withCases(HEAD, r.execution)).toEqual({
      numerator: 2,
      denominator: 3,
      numeratorCaseIds: ids('A', 'D'),
      denominatorCaseIds: ids('A', 'B', 'D'),
    });
    expect(r.reinspection.ratio).toBe(0.5);
    expect(await withCases(HEAD, r.reinspection)).toEqual({
      numerator: 1,
      denominator: 2,
      numeratorCaseIds: ids('C'),
      denominatorCaseIds: ids('B', 'C'),
    });
    expect(r.timely_closure.zh).toBe('及时结案率');
    expect(res.body.casesByKeyIndustry).toMatchObject({ fireworks: 2, gas: 1, mining: 0 });
    expect(res.body.interferenceByQuarter).toEqual([
      { quarter: 1, records: 0 },
      { quarter: 2, records: 1 },
      { quarter: 3, records: 0 },
      { quarter: 4, records: 0 },
    ]);
    // No ids inline: the answer's size does not grow with the cases behind it.
    expect(JSON.stringify(res.body)).not.toContain(id.A);
  });

  it('D’s filing counts in Q1; a report date before the payments leaves execution at zero', async () => {
    const q1 = await report(HEAD, `?agencyId=${AG}&year=2026&quarter=1`);
    expect(q1.body.filed).toMatchObject({ count: 1 });
    expect(await casesBehind(HEAD, q1.body.filed.cases)).toEqual(ids('D'));
    expect(byKey(q1.body).handling).toMatchObject({ numerator: 1, denominator: 1, ratio: 1 });
    expect(byKey(q1.body).timely_closure).toMatchObject({ numerator: 0, denominator: 0, ratio: null });
    const early = await report(HEAD, `?agencyId=${AG}&year=2026&quarter=2&asOf=2026-04-09T00:00:00%2B08:00`);
    expect(byKey(early.body).execution).toMatchObject({ numerator: 0, denominator: 3 });
    // The links keep the report date: the cases behind the figures as of that date.
    expect(await withCases(HEAD, byKey(early.body).execution)).toEqual({
      numerator: 0,
      denominator: 3,
      numeratorCaseIds: [],
      denominatorCaseIds: ids('A', 'B', 'D'),
    });
    expect(await withCases(HEAD, byKey(early.body).handling)).toEqual({
      numerator: 2,
      denominator: 3,
      numeratorCaseIds: ids('A', 'B'),
      denominatorCaseIds: ids('A', 'B', 'C'),
    });
  });

  it('a city supervisor sees the county through includeSubordinates; another county and bad input are refused', async () => {
    const city = await report('u-431000-supervisor', '?agencyId=ag-431000&includeSubordinates=true&year=2026&quarter=2');
    expect(city.status).toBe(200);
    expect(city.body.agencies).toContain(AG);
    expect(city.body.filed.count).toBe(3);
    // Per agency of the tree, each its own cases: all of the fixture is 北湖区's, the city bureau's own figures are nil.
    const own = (agencyId: string) => city.body.byAgency.find((a: any) => a.agencyId === agencyId);
    expect(city.body.byAgency.map((a: any) => a.agencyId)).toEqual(city.body.agencies);
    expect(own(AG)).toMatchObject({ name: '北湖区应急管理局', parentId: 'ag-431000', filed: { count: 3 } });
    expect(await casesBehind('u-431000-supervisor', own(AG).filed.cases)).toEqual(ids('A', 'B', 'C'));
    expect(
      await withCases(
        'u-431000-supervisor',
        own(AG).rates.find((r: any) => r.key === 'handling'),
      ),
    ).toEqual({
      numerator: 2,
      denominator: 3,
      numeratorCaseIds: ids('A', 'B'),
      denominatorCaseIds: ids('A', 'B', 'C'),
    });
    expect(await casesBehind('u-431000-supervisor', byKey(city.body).handling.numeratorCases)).toEqual(ids('A', 'B'));
    expect(own('ag-431000')).toMatchObject({ parentId: null, filed: { count: 0 } });
    expect(own('ag-431000').rates.map((r: any) => [r.key, r.denominator, r.ratio])).toEqual(
      city.body.rates.map((r: any) => [r.key, 0, null]),
    );
    expect((await report(OTHER_COUNTY_OFFICER, `?agencyId=${AG}&year=2026`)).status).toBe(403);
    const bad = await report(HEAD, '?year=2026&quarter=5&asOf=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['asOf', 'quarter']);
    // The drill-down: the same scope checks, a figure it knows, a cursor it gave and a bounded page.
    const cases = (user: string, query: string) => t.http.as(user, 'GET', `/api/v1/reports/assessment/cases${query}`);
    expect((await cases(OTHER_COUNTY_OFFICER, `?agencyId=${AG}&year=2026&figure=handling.numerator`)).status).toBe(403);
    const badCases = await cases(HEAD, '?year=2026&figure=handling&limit=501');
    expect(badCases.status).toBe(400);
    expect(badCases.body.errors.map((e: any) => e.field).sort()).toEqual(['figure', 'limit']);
    const badCursor = await cases(HEAD, '?year=2026&figure=handling.numerator&after=not-a-cursor');
    expect({ status: badCursor.status, fields: badCursor.body.errors?.map((e: any) => e.field) }).toEqual({
      status: 400,
      fields: ['after'],
    });
  });

  it('names the agencies a reader may ask reports of: an officer their bureau, a city supervisor the whole tree', async () => {
    const agencies = async (user: string) => (await t.http.as(user, 'GET', '/api/v1/reports/agencies')).body as any[];
    expect(await agencies(OFFICER_1)).toEqual([
      { id: AG, name: '北湖区应急管理局', shortName: expect.any(String), level: expect.any(String), parentId: 'ag-431000' },
    ]);
    const city = await agencies('u-431000-supervisor');
    expect(city.map((a) => a.id)).toEqual(expect.arrayContaining(['ag-431000', AG, 'ag-431003']));
    expect(city.every((a) => a.id === 'ag-431000' || a.parentId !== null)).toBe(true);
    expect(city.map((a) => a.id)).not.toContain('ag-430100');
  });
});
