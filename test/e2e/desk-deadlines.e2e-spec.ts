import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { HEAD, OFFICER_1, OFFICER_2, OFFICER_3, REVIEWER, at, openCaseBody } from '../support/fixtures';

const SUPERVISOR = 'u-431000-supervisor';

/**
 * 期限预警 and 待办 over HTTP, on the SQLite read models, with the clock set: one case whose handling period is missed,
 * one whose 督办 reply is due in two working days, and one not yet filed (awaiting the head).
 */
describe('GET /deadlines and GET /cases/awaiting-me', () => {
  // Tuesday 2026-10-13: the first case's handling period (filed 09-02, due 10-08) is missed.
  let now = new Date('2026-09-30T12:00:00+08:00');
  let t: TestApp;
  let missedCase: string;
  let supervisedCase: string;
  let unfiled: string;
  const get = (user: string, url: string) => t.http.as(user, 'GET', url);
  const mine = (items: any[]) => items.filter((i) => [missedCase, supervisedCase, unfiled].includes(i.caseId));

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    const open = async (occurredAt: string, officers = [OFFICER_1, OFFICER_2]) =>
      (await t.http.as(officers[0], 'POST', '/api/v1/cases', openCaseBody({ occurredAt, handlingOfficerIds: officers }))).body.case
        .caseId as string;
    missedCase = await open(at('2026-09-01'));
    await t.http.as(HEAD, 'POST', `/api/v1/cases/${missedCase}/commands/approve-filing`, { occurredAt: at('2026-09-02') });
    supervisedCase = await open(at('2026-09-20'), [OFFICER_3, OFFICER_2]);
    await t.http.as(HEAD, 'POST', `/api/v1/cases/${supervisedCase}/commands/approve-filing`, { occurredAt: at('2026-09-21') });
    unfiled = await open(at('2026-09-25'));
    now = new Date('2026-10-13T09:00:00+08:00');
    const issued = await t.http.as(SUPERVISOR, 'POST', `/api/v1/cases/${supervisedCase}/commands/supervise-case`, {
      reason: '办案进度滞后',
      replyWithinWorkingDays: 2,
      occurredAt: at('2026-10-13', '08:30:00'),
    });
    expect(issued.status).toBe(200);
    await t.app.get(DeadlineSchedulerService).tick();
    await projectionsCaughtUp(t.http);
  });
  afterAll(() => t.close());

  it('lists an officer’s missed and soon-due deadlines with working days left on the statutory calendar', async () => {
    const res = await get(OFFICER_1, '/api/v1/deadlines?scope=mine');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today: '2026-10-13', dueWithinWorkingDays: 3 });
    expect(mine(res.body.items)).toEqual([
      expect.objectContaining({
        caseId: missedCase,
        kind: 'handling_period',
        name: { zh: '办案期限', en: 'handling period' },
        basis: expect.stringContaining('Art. 31'),
        dueDate: '2026-10-08',
        status: 'overdue',
        // Fri 10-09, Sat 10-10 (a make-up working day after National Day), Mon 10-12, Tue 10-13.
        workingDaysLeft: -4,
      }),
    ]);
    // OFFICER_3 handles the supervised case: its reply is due Thursday 10-15, two working days ahead.
    const officer3 = (await get(OFFICER_3, '/api/v1/deadlines?scope=mine&status=soon')).body.items;
    expect(mine(officer3)).toEqual([
      expect.objectContaining({
        caseId: supervisedCase,
        kind: 'supervision_reply',
        dueDate: '2026-10-15',
        status: 'soon',
        workingDaysLeft: 2,
      }),
    ]);
    expect(mine((await get(OFFICER_3, '/api/v1/deadlines?scope=mine&dueWithinWorkingDays=1')).body.items)).toEqual([]);
  });

  it('lists the agency tree’s deadlines for a supervisor, by status, paged', async () => {
    const tree = '/api/v1/deadlines?agencyId=ag-431000&includeSubordinates=true';
    const overdue = (await get(SUPERVISOR, `${tree}&status=overdue&pageSize=100`)).body;
    expect(overdue.items.every((i: { status: string }) => i.status === 'overdue')).toBe(true);
    expect(mine(overdue.items).map((i: { caseId: string }) => i.caseId)).toEqual([missedCase]);
    const soon = (await get(SUPERVISOR, `${tree}&status=soon&pageSize=100`)).body;
    expect(mine(soon.items).map((i: { kind: string }) => i.kind)).toEqual(['supervision_reply']);
    const page = (await get(SUPERVISOR, `${tree}&status=all&pageSize=1&page=2`)).body;
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: overdue.total + soon.total });
    expect(page.items).toHaveLength(1);
  });

  it('refuses a numbered page deeper than 10,000 rows, naming page', async () => {
    for (const path of ['/api/v1/deadlines?pageSize=100&page=101', '/api/v1/cases/awaiting-me?pageSize=100&page=101']) {
      const res = await t.http.as(HEAD, 'GET', path);
      expect({ path, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ path, status: 400, field: 'page' });
    }
    expect((await t.http.as(HEAD, 'GET', '/api/v1/deadlines?pageSize=100&page=100')).status).toBe(200);
  });

  it('answers bad input with a 400 naming the field, and another county with a 403', async () => {
    for (const [query, field] of [
      ['status=late', 'status'],
      ['scope=everyone', 'scope'],
      ['dueWithinWorkingDays=31', 'dueWithinWorkingDays'],
      ['pageSize=101', 'pageSize'],
      ['scope=mine&agencyId=ag-431002', 'agencyId'],
      ['scope=mine&includeSubordinates=true', 'includeSubordinates'],
    ]) {
      const res = await get(OFFICER_1, `/api/v1/deadlines?${query}`);
      expect([query, res.status, res.body.errors?.map((e: { field: string }) => e.field)]).toEqual([query, 400, [field]]);
    }
    expect((await get(OFFICER_1, '/api/v1/deadlines?agencyId=ag-431003')).status).toBe(403);
  });

  it('lists the cases awaiting me: the handling officer’s, the head’s to file, none for the reviewer here', async () => {
    const officer = (await get(OFFICER_1, '/api/v1/cases/awaiting-me?pageSize=100')).body;
    expect(mine(officer.items).map((i: { caseId: string }) => i.caseId)).toEqual([missedCase]);
    const officer3 = (await get(OFFICER_3, '/api/v1/cases/awaiting-me?pageSize=100')).body;
    expect(mine(officer3.items).map((i: { caseId: string }) => i.caseId)).toEqual([supervisedCase]);
    const head = (await get(HEAD, '/api/v1/cases/awaiting-me?pageSize=100')).body;
    expect(mine(head.items).map((i: { caseId: string; stage: string }) => [i.caseId, i.stage])).toEqual([[unfiled, 'filing']]);
    // Legal review waits in the review stage: none of these cases is there.
    expect(mine((await get(REVIEWER, '/api/v1/cases/awaiting-me')).body.items)).toEqual([]);
    expect((await get(OFFICER_1, '/api/v1/cases/awaiting-me?pageSize=0')).body.errors.map((e: { field: string }) => e.field)).toEqual([
      'pageSize',
    ]);
  });
});
