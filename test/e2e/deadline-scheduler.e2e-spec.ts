import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { HEAD, OFFICER_1, at, openCaseBody } from '../support/fixtures';

/**
 * The durable deadline scheduler with a moved clock: a case left past its handling period gets exactly one
 * DeadlineMissed, across repeated ticks and across a restart of the server on the same data file.
 */
describe('deadline scheduler: exactly one DeadlineMissed, also across a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-scheduler-'));
  // After the demo seed's dates (it runs at start-up), before the deadline under test.
  let now = new Date('2026-09-30T12:00:00+08:00');
  const clock = () => now;
  let t: TestApp;
  let caseId: string;
  let laterCaseId: string;

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tick = () => t.app.get(DeadlineSchedulerService).tick();
  const missed = async (id = caseId) =>
    (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.filter((e: any) => e.type === 'DeadlineMissed');

  it('records nothing before the handling period ends', async () => {
    t = await startTestApp({ clock, dataDir });
    caseId = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ occurredAt: at('2026-09-01') }))).body.case.caseId;
    const filed = await t.http.as(HEAD, 'POST', `/api/v1/cases/${caseId}/commands/approve-filing`, { occurredAt: at('2026-09-02') });
    // 30 days from 09-02 end on 10-02, a National Day holiday: moved to the first working day, 10-08.
    expect(filed.body.case.deadlines.find((d: any) => d.kind === 'handling_period')).toMatchObject({
      dueDate: '2026-10-08',
      status: 'open',
    });
    // A second case whose handling period (09-12 + 30 days) ends on Monday 10-12, after the restart below.
    laterCaseId = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ occurredAt: at('2026-09-11') }))).body.case.caseId;
    await t.http.as(HEAD, 'POST', `/api/v1/cases/${laterCaseId}/commands/approve-filing`, { occurredAt: at('2026-09-12') });
    now = new Date('2026-10-08T23:59:00+08:00');
    await tick(); // the demo cases' deadlines are recorded too; this case's is not due yet
    expect(await missed()).toEqual([]);
  });

  it('records the miss once the day is over, exactly once however often it ticks', async () => {
    now = new Date('2026-10-09T00:00:01+08:00');
    expect(await tick()).toBeGreaterThanOrEqual(1);
    expect(await tick()).toBe(0);
    const records = await missed();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      data: { kind: 'handling_period', dueDate: '2026-10-08', detectedAt: now.toISOString() },
      metadata: { actor: { id: 'system' }, command: 'record-deadline-expiry' },
    });
    const view = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect(view.deadlines.find((d: any) => d.kind === 'handling_period').status).toBe('missed');
    expect(view.deadlines.find((d: any) => d.kind === 'decision').status).toBe('open');
    expect(view.allowedCommands).not.toContain('record-deadline-expiry');
  });

  it('after a restart on the same data file, records what fell due since, and nothing twice', async () => {
    await t.close();
    now = new Date('2026-10-13T09:00:00+08:00');
    t = await startTestApp({ clock, dataDir });
    // A tick first follows the store up to its head, so the restarted scheduler knows every deadline.
    await tick();
    await tick();
    expect(await missed()).toHaveLength(1);
    const later = await missed(laterCaseId);
    expect(later.map((e: any) => [e.data.kind, e.data.dueDate])).toEqual([['handling_period', '2026-10-12']]);
  });

  it('offers no HTTP route for the system command', async () => {
    const res = await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${caseId}/commands/record-deadline-expiry`, {
      kind: 'decision',
      dueAt: 'x',
    });
    expect(res.status).toBe(404);
  });
});
