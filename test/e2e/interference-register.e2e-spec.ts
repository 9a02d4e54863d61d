import { TestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { startWithFiledCase } from '../support/cases';
import { HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, cadreInterference } from '../support/fixtures';

/** The interference register and its readers (docs/supervision.md §2), over HTTP. */
describe('interference register over HTTP', () => {
  let t: TestApp;
  let id: string;

  const caughtUp = () => projectionsCaughtUp(t.http);

  beforeAll(async () => {
    ({ t, id } = await startWithFiledCase()); // approved by the 北湖区 head
    await t.http.as(
      OFFICER_2,
      'POST',
      `/api/v1/cases/${id}/commands/record-interference`,
      cadreInterference({
        handling: '已拒绝并如实记录',
        occurredAt: at('2026-09-05'),
      }),
    );
    await caughtUp();
  });
  afterAll(async () => t.close());

  const register = (user: string, query = '') => t.http.as(user, 'GET', `/api/v1/interference${query}`);

  it('the bureau’s legal reviewer, the city supervisor and the discipline inspector read it, with the recorder named', async () => {
    for (const reader of [REVIEWER, 'u-431000-supervisor', 'u-431000-discipline']) {
      const res = await register(reader, `?caseId=${id}`);
      expect({ reader, status: res.status }).toEqual({ reader, status: 200 });
      expect(res.body.items).toEqual([
        expect.objectContaining({
          case_id: id,
          intervener_name: '王某',
          relation: 'leading_cadre',
          recorder_id: OFFICER_2,
          recorder_name: '张敏',
        }),
      ]);
    }
  });

  it('officers, and the head who approved the case, may not read it', async () => {
    expect((await register(OFFICER_1)).status).toBe(403);
    expect((await register(OFFICER_2)).status).toBe(403);
    expect((await register(HEAD)).status).toBe(403);
  });

  it('a reviewer of a sibling county may neither ask for that county nor name one of its cases', async () => {
    expect((await register('u-431003-reviewer', `?caseId=${id}`)).status).toBe(403);
    expect((await register('u-431003-reviewer', '?agencyId=ag-431002')).status).toBe(403);
  });

  it('filters by quarter and intervener', async () => {
    expect((await register(REVIEWER, `?caseId=${id}&year=2026&quarter=3`)).body.items).toHaveLength(1);
    expect((await register(REVIEWER, `?caseId=${id}&year=2026&quarter=4`)).body.items).toHaveLength(0);
    expect((await register(REVIEWER, `?intervener=${encodeURIComponent('王某')}`)).body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('the quarterly report lists every agency in scope, with zero reports', async () => {
    const res = await register('u-431000-supervisor', '/quarterly-report?year=2026&quarter=3');
    expect(res.status).toBe(200);
    expect(res.body.agencies).toHaveLength(13); // the city, its 11 bureaus and the entrusted township squad
    const byId = Object.fromEntries(res.body.agencies.map((a: any) => [a.agencyId, a]));
    expect(byId['ag-431002']).toMatchObject({ records: 1, zeroReport: false });
    expect(byId['ag-431081']).toMatchObject({ agencyName: '资兴市应急管理局', records: 0, zeroReport: true });
    expect((await register('u-431000-supervisor', '/quarterly-report?year=2026')).status).toBe(400);
  });

  it('pages by keyset: the pages together are the register in order, without duplicates or gaps; a page above 500 is refused', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await t.http.as(
        OFFICER_2,
        'POST',
        `/api/v1/cases/${id}/commands/record-interference`,
        cadreInterference({ handling: `第${i + 2}次，已拒绝并如实记录`, occurredAt: at('2026-09-06') }),
      );
      expect(res.status).toBe(200);
    }
    await caughtUp();
    const whole = await register(REVIEWER, `?caseId=${id}`);
    expect(whole.body).toMatchObject({ next: null });
    expect(whole.body.items).toHaveLength(5);
    const paged: unknown[] = [];
    let after: number | null | undefined;
    const cursors: number[] = [];
    do {
      const res = await register(REVIEWER, `?caseId=${id}&limit=2${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...res.body.items);
      after = res.body.next;
      if (after) cursors.push(after);
    } while (after);
    expect(cursors).toHaveLength(2);
    expect(paged).toEqual(whole.body.items);
    expect(new Set(paged.map((r: any) => r.record_id)).size).toBe(5);
    const tooMany = await register(REVIEWER, '?limit=501');
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('limit');
  });
});
