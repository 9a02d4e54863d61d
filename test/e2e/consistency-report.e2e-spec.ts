import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import {
  AG,
  HEAD,
  OFFICER_1,
  OFFICER_2,
  OTHER_COUNTY_OFFICER,
  REVIEWER,
  at,
  openCaseBody,
  evidenceBody,
  legalReviewBody,
  collectiveDiscussionBody,
} from '../support/fixtures';

const BASIS = ['安全生产法 Art. 99'];
const SUPERVISOR = 'u-431000-supervisor';

/** 裁量一致性 (docs/supervision.md §5): the same violation at the same level should cost about the same in every county. */
describe('discretion consistency report over HTTP', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const caughtUp = () => projectionsCaughtUp(t.http);

  /** Opens, investigates and decides a case with a fine; out-of-benchmark fines carry a justification and an approved legal review. */
  async function decided(
    name: string,
    county: '431002' | '431003',
    violationCode: string,
    fine: number,
    justified = false,
  ): Promise<string> {
    const [officer1, officer2, head, reviewer] =
      county === '431002'
        ? [OFFICER_1, OFFICER_2, HEAD, REVIEWER]
        : [OTHER_COUNTY_OFFICER, 'u-431003-officer-2', 'u-431003-head', 'u-431003-reviewer'];
    const penalties = [{ kind: 'fine', amountYuan: fine }];
    const opened = await t.http.as(
      officer1,
      'POST',
      '/api/v1/cases',
      openCaseBody({
        agencyId: `ag-${county}`,
        handlingOfficerIds: [officer1, officer2],
        party: { kind: 'organization', name, creditCode: '91431002MA4L000079' },
      }),
    );
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId as string;
    const run = async (user: string, command: string, body: object) => {
      const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
      expect({ name, command, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({
        name,
        command,
        status: 200,
        body: undefined,
      });
      return res.body;
    };
    await run(head, 'approve-filing', { occurredAt: at('2026-09-02') });
    await run(officer1, 'record-evidence', evidenceBody({ officerIds: [officer1, officer2] }));
    await run(officer1, 'conclude-investigation', {
      findings: '安全设备未定期检测',
      proposedOutcome: 'penalty',
      proposedPenalties: penalties,
      legalBasis: BASIS,
      occurredAt: at('2026-09-04'),
    });
    const notice = await run(officer1, 'issue-penalty-notice', {
      proposedPenalties: penalties,
      legalBasis: BASIS,
      occurredAt: at('2026-09-04'),
    });
    // A large fine gives a hearing right (行政处罚法 Art. 63) and makes the case major: legal review and collective discussion (Arts. 57, 58).
    const major = notice.events[0].data.hearingRight === true;
    await run(officer1, 'waive-rights', { rights: major ? ['statement', 'hearing'] : ['statement'], occurredAt: at('2026-09-04') });
    if (major || justified) await run(reviewer, 'record-legal-review', legalReviewBody({ opinion: '情节特殊，同意' }));
    if (major) await run(head, 'record-collective-discussion', collectiveDiscussionBody({ participantIds: [head, reviewer, officer2] }));
    await run(head, 'decide', {
      outcome: 'penalty',
      penalties,
      legalBasis: BASIS,
      violationCode,
      discretionLevel: 'general',
      ...(justified ? { justification: '拒不整改，屡查屡犯' } : {}),
      occurredAt: at('2026-09-08'),
    });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // AQ-99 "general" is [10000, 25000] yuan in the sample benchmark.
    ids.a1 = await decided('北湖甲厂', '431002', 'AQ-99', 12_000);
    ids.a2 = await decided('北湖乙厂', '431002', 'AQ-99', 20_000);
    ids.a3 = await decided('北湖丙厂', '431002', 'AQ-99', 40_000, true);
    ids.b1 = await decided('苏仙甲厂', '431003', 'AQ-99', 24_000);
    // A code the benchmark does not list: outliers fall back to the group's quartile fences.
    ids.l1 = await decided('北湖丁厂', '431002', 'LOCAL-7', 1_000);
    ids.l2 = await decided('北湖戊厂', '431002', 'LOCAL-7', 1_100);
    ids.l3 = await decided('苏仙乙厂', '431003', 'LOCAL-7', 1_200);
    ids.l4 = await decided('苏仙丙厂', '431003', 'LOCAL-7', 1_300);
    ids.l5 = await decided('苏仙丁厂', '431003', 'LOCAL-7', 50_000);
    await caughtUp();
  });
  afterAll(async () => t.close());

  const report = (user: string, query = '') => t.http.as(user, 'GET', `/api/v1/reports/consistency${query}`);
  const group = (body: any, code: string) => body.groups.find((g: any) => g.violationCode === code && g.discretionLevel === 'general');

  it('a city supervisor sees every county: spread per agency and the fines outside the benchmark', async () => {
    const res = await report(SUPERVISOR, '?agencyId=ag-431000&includeSubordinates=true&year=2026');
    expect(res.status).toBe(200);
    expect(res.body.benchmark).toEqual({ id: 'sample-2026', sample: true });
    const aq99 = group(res.body, 'AQ-99');
    // Quartiles by linear interpolation over 12 000, 20 000, 24 000, 40 000 (the box of a box plot).
    expect(aq99).toMatchObject({ count: 4, min: 12_000, q1: 18_000, median: 22_000, q3: 28_000, max: 40_000 });
    expect(aq99.byAgency).toEqual(
      expect.arrayContaining([
        { agencyId: AG, count: 3, min: 12_000, median: 20_000, max: 40_000 },
        { agencyId: 'ag-431003', count: 1, min: 24_000, median: 24_000, max: 24_000 },
      ]),
    );
    expect(aq99.outliers).toEqual([{ caseId: ids.a3, agencyId: AG, fineYuan: 40_000, reason: '裁量基准 benchmark [10000, 25000]' }]);
    expect(aq99.outlierCount).toBe(1);
    const local = group(res.body, 'LOCAL-7');
    expect(local).toMatchObject({ count: 5, median: 1_200 });
    expect(local.outliers.map((o: any) => o.caseId)).toEqual([ids.l5]);
    expect(local.outliers[0].reason).toMatch(/^四分位离群/);
    expect(local.outlierCount).toBe(1);
    expect(res.body.groups.every((g: any) => g.outlierCount === g.outliers.length && g.outliers.length <= 20)).toBe(true);
  });

  it('an officer sees only their own bureau by default; another year is empty', async () => {
    const own = await report(OFFICER_1);
    expect(own.status).toBe(200);
    expect(group(own.body, 'AQ-99')).toMatchObject({ count: 3, byAgency: [expect.objectContaining({ agencyId: AG })] });
    expect((await report(OFFICER_1, '?year=2025')).body.groups).toEqual([]);
  });

  it('refuses another county’s figures and a malformed year', async () => {
    expect((await report(OTHER_COUNTY_OFFICER, `?agencyId=${AG}`)).status).toBe(403);
    const bad = await report(SUPERVISOR, '?year=26x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['year']);
  });
});
