import { TestApp } from '../support/test-app';
import { startWithFiledCase } from '../support/cases';
import { OFFICER_1, OTHER_COUNTY_OFFICER, at, evidenceBody } from '../support/fixtures';

/** Timeline replay (docs/supervision.md §1): the case as it stood, folded from its stored events. */
describe('timeline replay over HTTP', () => {
  let t: TestApp;
  let id: string;
  const timeline = (query: string, user = OFFICER_1) => t.http.as(user, 'GET', `/api/v1/cases/${id}/timeline?${query}`);

  beforeAll(async () => {
    ({ t, id } = await startWithFiledCase()); // opened 09-01, filed 09-02 (decision due 12-01)
    await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidenceBody({ title: '检查' }));
    await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/conclude-investigation`, {
      findings: '属实',
      proposedOutcome: 'penalty',
      proposedPenalties: [{ kind: 'fine', amountYuan: 5000 }],
      legalBasis: ['安全生产法 Art. 99'],
      occurredAt: at('2026-09-10'),
    });
  });
  afterAll(async () => t.close());

  it('at a revision: the stage, allowed commands and events up to it', async () => {
    const r = await timeline('revision=1');
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ stage: 'investigation', revision: 1 });
    expect(r.body.case.allowedCommands).toContain('conclude-investigation');
    expect(r.body.events.map((e: any) => e.type)).toEqual(['CaseOpened', 'CaseFiled']);
  });

  it('tells "what the system showed on day X" from "what had happened by day X"', async () => {
    // Everything was entered today (recordedAt), describing September (occurredAt).
    const shown = await timeline(`at=${encodeURIComponent('2026-09-30T23:59:59+08:00')}`);
    expect(shown.body.case).toBeNull();
    const happened = await timeline(`occurredAt=${encodeURIComponent('2026-09-05T00:00:00+08:00')}`);
    expect(happened.body.case.stage).toBe('investigation');
    expect(happened.body.events.map((e: any) => e.type)).toEqual(['CaseOpened', 'CaseFiled', 'EvidenceRecorded']);
  });

  it('shows deadlines as they stood at that moment: open then, missed once past', async () => {
    const before = await timeline(`occurredAt=${encodeURIComponent('2026-11-30T12:00:00+08:00')}`);
    expect(before.body.case.deadlines.find((d: any) => d.kind === 'decision').status).toBe('open');
    const after = await timeline(`occurredAt=${encodeURIComponent('2026-12-02T00:00:00+08:00')}`);
    expect(after.body.case.deadlines.find((d: any) => d.kind === 'decision').status).toBe('missed');
  });

  it('between two revisions: what changed', async () => {
    const r = await timeline('from=1&to=3');
    expect(r.body.from.stage).toBe('investigation');
    expect(r.body.to.stage).toBe('review');
    expect(r.body.events.map((e: any) => e.type)).toEqual(['EvidenceRecorded', 'InvestigationConcluded']);
  });

  it('400 unless exactly one point is given; 403 outside the jurisdiction', async () => {
    expect((await timeline('revision=1&at=2026-09-01T00:00:00%2B08:00')).status).toBe(400);
    expect((await timeline('from=1')).status).toBe(400);
    expect((await timeline('revision=1', OTHER_COUNTY_OFFICER)).status).toBe(403);
  });
});
