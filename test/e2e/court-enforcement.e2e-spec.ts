import { TestApp, startTestApp } from '../support/test-app';
import { HASH, HEAD, OFFICER_1, OFFICER_2, at, openCaseBody } from '../support/fixtures';

const FINE = [{ kind: 'fine', amountYuan: 8000 }];
const BASIS = ['安全生产法 Art. 99'];

/** Outcome family 3 (docs/procedure.md §4): served → payment overdue → urge → (10 wd) → court → ruling → executed → closed. */
describe('court enforcement over HTTP', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ discoveredAt: '2026-01-05', occurredAt: at('2026-01-05') })))
      .body.case.caseId;
    const steps: [string, string, object][] = [
      [HEAD, 'approve-filing', { occurredAt: at('2026-01-06') }],
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '现场检查记录', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-01-07') },
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        { findings: '属实', proposedOutcome: 'penalty', proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-01-09') },
      ],
      [OFFICER_1, 'issue-penalty-notice', { proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-01-12') }],
      [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-01-12', '15:00:00') }],
      [HEAD, 'decide', { outcome: 'penalty', penalties: FINE, legalBasis: BASIS, occurredAt: at('2026-01-14') }],
      [OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-01-15') }],
    ];
    for (const [user, command, body] of steps)
      expect((await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body)).status).toBe(200);
  });
  afterAll(async () => t.close());
  const run = (user: string, command: string, body: object) => t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);

  it('refuses an urge while the fine is not yet overdue (payment due 2026-01-30)', async () => {
    const res = await run(OFFICER_1, 'issue-enforcement-urge', { occurredAt: at('2026-01-20') });
    expect(res.status).toBe(422);
    expect(res.body.violations[0]).toMatchObject({ rule: 'paymentOverdue', legalSource: expect.stringContaining('行政强制法 Art. 54') });
  });

  it('refuses the court application before the urge is 10 working days old and before the litigation window ends, citing 行政强制法 Art. 54 and 53', async () => {
    const urged = await run(OFFICER_1, 'issue-enforcement-urge', { occurredAt: at('2026-07-06') });
    expect(urged.status).toBe(200);
    const due = Object.fromEntries(urged.body.case.deadlines.map((d: any) => [d.kind, d.dueDate]));
    // Served 01-15: litigation window 6 months → 07-15; the court application within 3 months after → 10-15.
    expect(due).toMatchObject({ litigation_window: '2026-07-15', court_application: '2026-10-15' });
    const before = await t.http.headPosition();
    const early = await run(HEAD, 'apply-court-enforcement', { court: '郴州市北湖区人民法院', occurredAt: at('2026-07-13') });
    expect(early.status).toBe(422);
    expect(early.body.violations.map((v: any) => [v.rule, v.legalSource])).toEqual([
      ['urgedTenWorkingDaysBefore', '行政强制法 Art. 54'],
      ['litigationWindowEnded', '行政强制法 Art. 53'],
    ]);
    expect(early.body.violations[0].detail).toContain('5 < 10');
    expect(await t.http.headPosition()).toBe(before);
  });

  it('applies 11 working days after the urge, records the ruling and the execution, and closes', async () => {
    const applied = await run(HEAD, 'apply-court-enforcement', { court: '郴州市北湖区人民法院', occurredAt: at('2026-07-21') });
    expect(applied.status).toBe(200);
    expect(applied.body.case.stage).toBe('courtEnforcement');
    expect((await run(OFFICER_1, 'record-court-ruling', { outcome: 'enforce', occurredAt: at('2026-08-10') })).status).toBe(200);
    const executed = await run(OFFICER_1, 'record-court-execution', {
      summary: '法院强制执行到位',
      amountYuan: 8000,
      occurredAt: at('2026-09-01'),
    });
    expect(executed.body.events.map((e: any) => e.type)).toEqual(['CourtExecutionRecorded', 'PenaltyExecuted']);
    expect(executed.body.case.stage).toBe('executed');
    await run(OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-02') });
    await run(OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-02') });
    expect((await run(HEAD, 'close-case', { occurredAt: at('2026-09-03') })).body.case.stage).toBe('closed');
  });
});
