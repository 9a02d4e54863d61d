import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { finedCases } from '../support/fined-cases';
import { rateWithCases } from '../support/assessment-figures';
import { AG, HEAD, OFFICER_1, OFFICER_3, at, evidenceBody } from '../support/fixtures';

const VIDEO = 'f00d'.repeat(16);

/**
 * The two rules of the statutory clock over HTTP (docs/deadlines.md): met means in time, whatever the order of entry
 * and whether or not the scheduler recorded the miss first; and a seizure's term never rolls over a rest day.
 * The clock is fixed after every date used, so each step is entered afterwards with a past occurredAt.
 */
describe('the statutory clock over HTTP', () => {
  let t: TestApp;
  const { id, run, filed, decided, paidAndClosed } = finedCases(() => t.http, '时限测试');
  const now = new Date('2026-12-01T12:00:00+08:00');

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
  });
  afterAll(async () => t.close());

  const view = async (name: string) => (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id[name]}`)).body;
  const deadline = async (name: string, kind: string) => (await view(name)).deadlines.find((d: any) => d.kind === kind);
  const tick = () => t.app.get(DeadlineSchedulerService).tick();

  describe('met means in time', () => {
    beforeAll(async () => {
      // 90 days from 01-05 end on Sunday 04-05, inside 清明 (04-04..04-06): the decision is due Tuesday 04-07.
      await filed('late', '2026-01-05');
      await filed('inTimeAfterMiss', '2026-01-06');
      await filed('lateAfterMiss', '2026-01-07');
      // The scheduler records the two cases' misses before their decisions are entered.
      await tick();
      await decided('late', { concludeOn: '2026-03-02', decideOn: '2026-04-15' });
      await decided('inTimeAfterMiss', { concludeOn: '2026-03-02', decideOn: '2026-04-07' });
      await decided('lateAfterMiss', { concludeOn: '2026-03-02', decideOn: '2026-04-16' });
      await paidAndClosed('late', '2026-04-16', '2026-04-17');
      await paidAndClosed('inTimeAfterMiss', '2026-04-16', '2026-04-20');
      await paidAndClosed('lateAfterMiss', '2026-04-17', '2026-04-21');
      await projectionsCaughtUp(t.http);
    });

    it('a decision entered afterwards with an occurredAt past the deadline leaves it missed, the late act recorded', async () => {
      const d = await deadline('late', 'decision');
      expect(d).toMatchObject({ dueDate: '2026-04-07', status: 'missed', actedLateAt: at('2026-04-15') });
      expect(d.metAt).toBeUndefined();
      // The case view at the decision's revision (timeline replay) says the same.
      const events = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id.late}/events`)).body;
      const revision = events.findIndex((e: any) => e.type === 'PenaltyDecided');
      const replay = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id.late}/timeline?revision=${revision}`);
      expect(replay.body.case.deadlines.find((x: any) => x.kind === 'decision')).toMatchObject({ status: 'missed' });
    });

    it('whatever the scheduler recorded first: an act in time meets it, a late act leaves it missed', async () => {
      const types = async (name: string) =>
        (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id[name]}/events`)).body.map((e: any) => e.type) as string[];
      for (const name of ['inTimeAfterMiss', 'lateAfterMiss'])
        expect((await types(name)).indexOf('DeadlineMissed')).toBeLessThan((await types(name)).indexOf('PenaltyDecided'));
      expect(await deadline('inTimeAfterMiss', 'decision')).toMatchObject({
        dueDate: '2026-04-07',
        status: 'met',
        metAt: at('2026-04-07'),
      });
      expect(await deadline('lateAfterMiss', 'decision')).toMatchObject({ status: 'missed', actedLateAt: at('2026-04-16') });
    });

    it('the timely-closure rate counts exactly the cases the case view shows met', async () => {
      const res = await t.http.as(HEAD, 'GET', `/api/v1/reports/assessment?agencyId=${AG}&year=2026&quarter=2`);
      expect(res.status).toBe(200);
      const timely = res.body.rates.find((r: any) => r.key === 'timely_closure');
      const names = ['late', 'inTimeAfterMiss', 'lateAfterMiss'];
      const met: string[] = [];
      for (const name of names) if ((await deadline(name, 'decision')).status === 'met') met.push(id[name]);
      expect(await rateWithCases(t.http, HEAD, timely)).toMatchObject({
        numerator: 1,
        denominator: 3,
        numeratorCaseIds: met.sort(),
        denominatorCaseIds: names.map((n) => id[n]).sort(),
      });
    });

    it('a re-inspection entered afterwards, after its due day, stays missed in the case view and in the re-inspection rate', async () => {
      await filed('reinspection', '2026-04-01');
      await run('reinspection', OFFICER_1, 'issue-rectification-order', {
        items: ['更换燃气报警装置'],
        deadline: '2026-04-20',
        legalBasis: ['安全生产法 Art. 65'],
        occurredAt: at('2026-04-03'),
      });
      await run('reinspection', OFFICER_1, 'record-reinspection', {
        officerIds: [OFFICER_1, OFFICER_3],
        result: 'passed',
        findings: '已整改',
        occurredAt: at('2026-05-06'),
      });
      await projectionsCaughtUp(t.http);
      // 10 days from the rectification deadline 04-20: 04-30.
      expect(await deadline('reinspection', 'reinspection')).toMatchObject({
        dueDate: '2026-04-30',
        status: 'missed',
        actedLateAt: at('2026-05-06'),
      });
      const res = await t.http.as(HEAD, 'GET', `/api/v1/reports/assessment?agencyId=${AG}&year=2026&quarter=2`);
      expect(
        await rateWithCases(
          t.http,
          HEAD,
          res.body.rates.find((r: any) => r.key === 'reinspection'),
        ),
      ).toMatchObject({
        numerator: 0,
        denominator: 1,
        denominatorCaseIds: [id.reinspection],
      });
      // A deadline made good late is no longer owed: it leaves the open-deadlines list (期限预警), the decision stays.
      const desk = await t.http.as(OFFICER_1, 'GET', '/api/v1/deadlines?pageSize=100');
      expect(desk.status).toBe(200);
      const kinds = desk.body.items.filter((d: any) => d.caseId === id.reinspection).map((d: any) => d.kind);
      expect(kinds).toContain('decision');
      expect(kinds).not.toContain('reinspection');
    });
  });

  describe('a seizure term ends on its last calendar day, whatever the weekday (行政强制法第二十五条)', () => {
    beforeAll(async () => {
      await filed('seizure', '2026-08-10');
      await run(
        'seizure',
        OFFICER_1,
        'record-evidence',
        evidenceBody({ kind: 'audio_video', title: '执法记录仪视频', contentHash: VIDEO, occurredAt: at('2026-08-13', '09:00:00') }),
      );
      await run('seizure', HEAD, 'impose-seizure', {
        items: [{ name: '超量储存的烟花爆竹', quantity: '120箱' }],
        reason: '防止转移',
        legalBasis: ['安全生产法 Art. 65(4)'],
        audioVideoEvidenceHash: VIDEO,
        occurredAt: at('2026-08-13'),
      });
    });

    it('imposed on Thursday 08-13, its 30th day is Saturday 09-12: due that Saturday, not moved to Monday', async () => {
      expect(await deadline('seizure', 'seizure')).toMatchObject({
        dueDate: '2026-09-12',
        dueAt: '2026-09-12T23:59:59.999+08:00',
        status: 'open',
      });
    });

    it('extending it on Monday 09-14 is refused (422) and writes nothing: the term had run out', async () => {
      const before = await t.http.headPosition();
      const late = await t.http.as(HEAD, 'POST', `/api/v1/cases/${id.seizure}/commands/extend-seizure`, {
        days: 10,
        reason: '检验鉴定未完成',
        occurredAt: at('2026-09-14'),
      });
      expect(late.status).toBe(422);
      expect(late.body.violations[0]).toMatchObject({
        rule: 'seizureExtendedWithinTerm',
        legalSource: expect.stringContaining('行政强制法'),
      });
      expect(await t.http.headPosition()).toBe(before);
    });

    it('releasing it on Monday 09-14 is recorded, and the term stays missed', async () => {
      const released = await run('seizure', HEAD, 'release-seizure', {
        disposition: 'released',
        reason: '解除',
        occurredAt: at('2026-09-14'),
      });
      expect(released.body.case.state.seizure).toBe('none');
      expect(released.body.case.deadlines.find((d: any) => d.kind === 'seizure')).toMatchObject({
        status: 'missed',
        actedLateAt: at('2026-09-14'),
      });
    });
  });
});
