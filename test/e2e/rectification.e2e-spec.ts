import { TestApp } from '../support/test-app';
import { startWithFiledCase } from '../support/cases';
import { HASH, HEAD, OFFICER_1, OFFICER_2, OFFICER_3, at } from '../support/fixtures';

const FINE = [{ kind: 'fine', amountYuan: 5000 }];
const BASIS = ['安全生产法 Art. 99'];

/** Outcome family 5: order → (request) → re-inspection → failed → ordered again → passed; closing waits for it. */
describe('rectification over HTTP', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => ({ t, id } = await startWithFiledCase()));
  afterAll(async () => t.close());
  const run = (user: string, command: string, body: object) => t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);

  it('refuses a deadline that is not after the order', async () => {
    const res = await run(OFFICER_1, 'issue-rectification-order', {
      items: ['清理超量储存'],
      deadline: '2026-09-03',
      legalBasis: ['安全生产法 Art. 65'],
      occurredAt: at('2026-09-03'),
    });
    expect(res.status).toBe(422);
    expect(res.body.violations[0].rule).toBe('rectificationDeadlineAfterIssue');
  });

  it('orders, re-inspects on the party’s request, fails, orders again, passes; the case closes only after', async () => {
    const ordered = await run(OFFICER_1, 'issue-rectification-order', {
      items: ['清理超量储存', '设置防爆设施'],
      deadline: '2026-09-20',
      legalBasis: ['安全生产法 Art. 65'],
      occurredAt: at('2026-09-03'),
    });
    expect(ordered.status).toBe(200);
    const due = () => Object.fromEntries(ordered.body.case.deadlines.map((d: any) => [d.kind, d.dueDate]));
    // Re-inspection within 10 days of the deadline: 09-30 (a working day before National Day).
    expect(due()).toMatchObject({ rectification: '2026-09-20', reinspection: '2026-09-30' });
    const requested = await run(OFFICER_1, 'request-reinspection', { occurredAt: at('2026-09-10') });
    // Sooner from the request: 09-10 + 10 days = Sunday 09-20, a make-up working day (调休), so it stays.
    expect(requested.body.case.deadlines.find((d: any) => d.kind === 'reinspection').dueDate).toBe('2026-09-20');
    const one = await run(OFFICER_1, 'record-reinspection', {
      officerIds: [OFFICER_1],
      result: 'passed',
      findings: '已整改',
      occurredAt: at('2026-09-11'),
    });
    expect(one.status).toBe(400);
    const failed = await run(OFFICER_1, 'record-reinspection', {
      officerIds: [OFFICER_1, OFFICER_3],
      result: 'failed',
      findings: '防爆设施未设置',
      occurredAt: at('2026-09-11'),
    });
    // The 整改复查意见书 is issued right after the re-inspection it records.
    expect(failed.body.events.map((e: any) => e.type)).toEqual(['ReinspectionRecorded', 'RectificationFailed', 'DocumentIssued']);
    expect(failed.body.case.state.rectification).toBe('failed');

    // The rest of the trunk, to a case that could close but for the rectification.
    const steps: [string, string, object][] = [
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '现场检查记录', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-11') },
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        { findings: '属实', proposedOutcome: 'penalty', proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-14') },
      ],
      [OFFICER_1, 'issue-penalty-notice', { proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-14') }],
      [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-14') }],
      [HEAD, 'decide', { outcome: 'penalty', penalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-15') }],
      [OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-15') }],
      [OFFICER_2, 'record-payment', { amountYuan: 5000, receiptNo: 'R1', occurredAt: at('2026-09-16') }],
      [OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-16') }],
      [OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-16') }],
    ];
    for (const [user, command, body] of steps) expect((await run(user, command, body)).status).toBe(200);
    const blocked = await run(HEAD, 'close-case', { occurredAt: at('2026-09-17') });
    expect(blocked.status).toBe(422);
    expect(blocked.body.violations.map((v: any) => v.rule)).toEqual(['rectificationVerified']);

    expect(
      (
        await run(OFFICER_1, 'issue-rectification-order', {
          items: ['设置防爆设施'],
          deadline: '2026-09-25',
          legalBasis: ['安全生产法 Art. 65'],
          occurredAt: at('2026-09-17'),
        })
      ).status,
    ).toBe(200);
    const passed = await run(OFFICER_2, 'record-reinspection', {
      officerIds: [OFFICER_2, OFFICER_3],
      result: 'passed',
      findings: '已整改到位',
      occurredAt: at('2026-09-24'),
    });
    expect(passed.body.events.map((e: any) => e.type)).toEqual(['ReinspectionRecorded', 'RectificationVerified', 'DocumentIssued']);
    expect(passed.body.case.state.rectification).toBe('verified');
    expect((await run(HEAD, 'close-case', { occurredAt: at('2026-09-25') })).body.case.stage).toBe('closed');
  });
});
