import { TestApp, startTestApp } from '../support/test-app';

const ADMIN = 'u-431000-admin';
const SUPERVISOR = 'u-431000-supervisor';
const X = 'ag-431099';
const u = (s: string) => `u-431099-${s}`;
const cert = (n: string, validFrom: string, validUntil: string) => ({ number: `431099202400${n}`, validFrom, validUntil });

/**
 * 执法人员配备与培训 (郴政办发〔2016〕19号 §16) against a fixture counted by hand. The clock stands at 2026-11-27 10:00
 * (Shanghai); rules hn-2026.1: target 75 % certified at city and county level, 24 training hours a year, a 90-day
 * warning window. A test bureau ag-431099 (county level, under the city) with nine people:
 *
 *   user  role      certificate (term; status)                        in force 2026-11-27         2026 training h
 *   a     head      01: 2024-01-01..2029-12-31                        valid                       32
 *   b     officer   02: 2022-01-16..2027-01-15                        valid, 49 days left         24 (exactly the minimum)
 *   c     officer   03: 2022-02-26..2027-02-25                        valid, 90 days left         16
 *   d     officer   04: 2022-02-27..2027-02-26                        valid, 91 days left         0 (40 in 2025)
 *   e     officer   05: 2024-01-01..2029-12-31; suspended from 11-01  suspended since 2026-11-01  40
 *   f     officer   06: 2024-01-01..2029-12-31; suspended from 12-15  still valid                 8 + 16 = 24
 *   g     officer   07: 2021-11-01..2026-10-31                        expired since 2026-11-01    20
 *   h     reviewer  none                                              —                           30
 *   i     officer   08: valid — deactivated                           not on duty                 —
 *
 * On duty: a..h = 8. Certified: a, b, c, d, f = 5 → 5/8 = 0.625 < 0.75, not met. Expiring within 90 days: b (49),
 * c (90). Not counting: e (suspended), g (expired). Below 24 h: c (16, short 8), d (0, short 24), g (20, short 4).
 * After g's renewal (08-new: 2026-11-01..2031-10-31): 6/8 = 0.75, met (以上 includes 75 %).
 */
describe('staffing report over HTTP', () => {
  let t: TestApp;
  const admin = async (method: string, url: string, body: unknown, expected: number) => {
    const res = await t.http.as(ADMIN, method, `/api/v1/admin${url}`, body);
    expect({ url, status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({
      url,
      status: expected,
      body: undefined,
    });
    return res;
  };
  const user = (s: string, name: string, role: string, certificate?: object) =>
    admin(
      'POST',
      '/users',
      {
        id: u(s),
        name,
        roles: [role],
        agencyId: X,
        ...(role === 'legal_reviewer' ? { legalQualification: 'A20194310990001' } : {}),
        ...(certificate ? { certificate } : {}),
      },
      201,
    );
  const training = (s: string, year: number, hours: number, date: string) =>
    admin('POST', `/users/${u(s)}/training`, { year, hours, course: '安全生产执法培训', date }, 200);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-11-27T02:00:00Z') });
    await admin(
      'POST',
      '/agencies',
      {
        id: X,
        divisionCode: '431099',
        name: '郴州高新区应急管理局（测试）',
        shortName: '高新应急',
        level: 'county',
        parentId: 'ag-431000',
      },
      201,
    );
    await user('a', '甲', 'head', cert('01', '2024-01-01', '2029-12-31'));
    await user('b', '乙', 'officer', cert('02', '2022-01-16', '2027-01-15'));
    await user('c', '丙', 'officer', cert('03', '2022-02-26', '2027-02-25'));
    await user('d', '丁', 'officer', cert('04', '2022-02-27', '2027-02-26'));
    await user('e', '戊', 'officer', cert('05', '2024-01-01', '2029-12-31'));
    await user('f', '己', 'officer', cert('06', '2024-01-01', '2029-12-31'));
    await user('g', '庚', 'officer', cert('07', '2021-11-01', '2026-10-31'));
    await user('h', '辛', 'legal_reviewer');
    await user('i', '壬', 'officer', cert('08', '2024-01-01', '2029-12-31'));
    await admin('POST', `/users/${u('e')}/certificate/status`, { status: 'suspended', effectiveFrom: '2026-11-01', reason: '暂扣' }, 200);
    await admin(
      'POST',
      `/users/${u('f')}/certificate/status`,
      { status: 'suspended', effectiveFrom: '2026-12-15', reason: '决定暂扣，自12月15日起' },
      200,
    );
    await admin('POST', `/users/${u('i')}/deactivate`, { reason: '退休' }, 200);
    await training('a', 2026, 32, '2026-04-01');
    await training('b', 2026, 24, '2026-04-01');
    await training('c', 2026, 16, '2026-04-01');
    await training('d', 2025, 40, '2025-06-01');
    await training('e', 2026, 40, '2026-04-01');
    await training('f', 2026, 8, '2026-03-01');
    await training('f', 2026, 16, '2026-09-01');
    await training('g', 2026, 20, '2026-04-01');
    await training('h', 2026, 30, '2026-04-01');
    await training('i', 2026, 40, '2026-04-01');
  });
  afterAll(async () => t.close());

  const report = (reader: string, query: string) => t.http.as(reader, 'GET', `/api/v1/reports/staffing${query}`);
  const row = (body: any, agencyId = X) => body.agencies.find((a: any) => a.agencyId === agencyId);

  it('counts the bureau as by hand: 5 of 8 certified (0.625 < 0.75), two certificates ending, two not counting, three short of training', async () => {
    const res = await report(SUPERVISOR, `?agencyId=${X}&asOf=2026-11-27`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      agencyId: X,
      asOf: '2026-11-27',
      rulesVersion: 'hn-2026.1',
      parameters: {
        certifiedShare: { target: 0.75, levels: ['city', 'county'], source: expect.stringContaining('郴政办发〔2016〕19号 §16') },
        trainingHoursPerYear: { hours: 24, source: expect.stringContaining('不少于3天') },
        certificateExpiryWarningDays: { days: 90 },
      },
      totals: { onDuty: 8, certified: 5, certifiedShare: 0.625 },
    });
    const x = row(res.body);
    expect(x).toMatchObject({
      name: '郴州高新区应急管理局（测试）',
      level: 'county',
      onDuty: 8,
      certified: 5,
      certifiedShare: 0.625,
      target: 0.75,
      targetMet: false,
    });
    expect(x.onDutyUserIds).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(u));
    expect(x.certifiedUserIds).toEqual(['a', 'b', 'c', 'd', 'f'].map(u));
    expect(x.expiringSoon).toEqual([
      { userId: u('b'), name: '乙', certificateNumber: '43109920240002', validUntil: '2027-01-15', daysLeft: 49 },
      { userId: u('c'), name: '丙', certificateNumber: '43109920240003', validUntil: '2027-02-25', daysLeft: 90 },
    ]);
    expect(x.notValid).toEqual([
      {
        userId: u('e'),
        name: '戊',
        certificateNumber: '43109920240005',
        validFrom: '2024-01-01',
        validUntil: '2029-12-31',
        state: 'suspended',
        since: '2026-11-01',
      },
      {
        userId: u('g'),
        name: '庚',
        certificateNumber: '43109920240007',
        validFrom: '2021-11-01',
        validUntil: '2026-10-31',
        state: 'expired',
        since: '2026-11-01',
      },
    ]);
    expect(x.training.year).toBe(2026);
    expect(x.training.minimumHours).toBe(24);
    expect(x.training.users.map((l: any) => [l.userId, l.hours, l.met])).toEqual([
      [u('a'), 32, true],
      [u('b'), 24, true],
      [u('c'), 16, false],
      [u('d'), 0, false],
      [u('e'), 40, true],
      [u('f'), 24, true],
      [u('g'), 20, false],
      [u('h'), 30, true],
    ]);
    expect(x.training.below.map((l: any) => [l.userId, l.hours, l.shortfall])).toEqual([
      [u('c'), 16, 8],
      [u('d'), 0, 24],
      [u('g'), 20, 4],
    ]);
  });

  it('asOf defaults to today in Asia/Shanghai', async () => {
    const res = await report(SUPERVISOR, `?agencyId=${X}`);
    expect(res.body.asOf).toBe('2026-11-27');
    expect(row(res.body).certified).toBe(5);
  });

  it('judged on an earlier day: on 2026-10-31 the suspension of e had not begun and g’s certificate was in its last day', async () => {
    const res = await report(SUPERVISOR, `?agencyId=${X}&asOf=2026-10-31`);
    const x = row(res.body);
    // a, b, c, d, e, f, g = 7 of 8; within 90 days of 10-31 (to 2027-01-29): g (0 days), b (76 days).
    expect(x).toMatchObject({ certified: 7, targetMet: true, notValid: [] });
    expect(x.expiringSoon.map((e: any) => [e.userId, e.daysLeft])).toEqual([
      [u('g'), 0],
      [u('b'), 76],
    ]);
  });

  it('after g’s renewal 6 of 8 are certified: exactly 75 %, which meets the target; an earlier day still sees the old certificate', async () => {
    await admin(
      'POST',
      `/users/${u('g')}/certificate`,
      { number: '43109920260008', validFrom: '2026-11-01', validUntil: '2031-10-31' },
      200,
    );
    const x = row((await report(SUPERVISOR, `?agencyId=${X}&asOf=2026-11-27`)).body);
    expect(x).toMatchObject({ certified: 6, certifiedShare: 0.75, targetMet: true });
    expect(x.notValid.map((n: any) => n.userId)).toEqual([u('e')]);
    const earlier = row((await report(SUPERVISOR, `?agencyId=${X}&asOf=2026-10-31`)).body);
    expect(earlier.expiringSoon[0]).toMatchObject({ userId: u('g'), certificateNumber: '43109920240007', daysLeft: 0 });
  });

  it('the demo seed, by hand: 苏仙区 officer-4 ends in 65 days, 桂阳县 officer-4 is suspended, and 桂阳县 misses the target (4 of 6)', async () => {
    const res = await report(SUPERVISOR, '?agencyId=ag-431000&includeSubordinates=true&asOf=2026-11-27');
    expect(res.status).toBe(200);
    expect(res.body.agencies).toHaveLength(14); // the city, 11 bureaus, the entrusted squad and the test bureau
    const suxian = row(res.body, 'ag-431003');
    expect(suxian).toMatchObject({ onDuty: 6, certified: 5, targetMet: true });
    expect(suxian.expiringSoon).toEqual([
      { userId: 'u-431003-officer-4', name: '田志军', certificateNumber: '43100320220014', validUntil: '2027-01-31', daysLeft: 65 },
    ]);
    const guiyang = row(res.body, 'ag-431021');
    expect(guiyang).toMatchObject({ onDuty: 6, certified: 4, targetMet: false });
    expect(guiyang.notValid).toEqual([expect.objectContaining({ userId: 'u-431021-officer-4', state: 'suspended', since: '2026-10-15' })]);
    expect(guiyang.training.below.map((l: any) => l.userId)).toEqual(['u-431021-officer-3', 'u-431021-reviewer']);
    // The entrusted squad is not a city or county bureau: no target applies to it.
    expect(row(res.body, 'ag-431002001')).toMatchObject({ level: 'township', target: null, targetMet: null });
    const sum = (k: string) => res.body.agencies.reduce((n: number, a: any) => n + a[k], 0);
    expect(res.body.totals).toMatchObject({ onDuty: sum('onDuty'), certified: sum('certified') });
  });

  it('the bureau’s head reads it; officers, legal reviewers and other counties’ heads are refused', async () => {
    expect((await report(u('a'), '')).status).toBe(200);
    expect((await report(u('b'), '')).status).toBe(403);
    expect((await report('u-431021-reviewer', '')).status).toBe(403);
    expect((await report('u-431002-head', `?agencyId=${X}`)).status).toBe(403);
    expect((await report('u-431002-head', '?agencyId=ag-431099&includeSubordinates=true')).status).toBe(403);
    expect((await report('u-431002-head', '?agencyId=ag-431002&includeSubordinates=true')).status).toBe(200);
  });

  it('400 naming asOf for a bad date; 422 for a day before any rules version', async () => {
    const bad = await report(SUPERVISOR, '?asOf=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('asOf');
    const early = await report(SUPERVISOR, '?asOf=2025-12-31');
    expect(early.status).toBe(422);
    expect(early.body.type).toContain('no-rules-version');
  });
});
