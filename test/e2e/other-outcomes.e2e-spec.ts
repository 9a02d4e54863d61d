import { TestApp, startTestApp } from '../support/test-app';
import { concludeAndDecide } from '../support/cases';
import { HASH, HEAD, OFFICER_1, OFFICER_2, at, openCaseBody } from '../support/fixtures';

const FINE = [{ kind: 'fine', amountYuan: 5000 }];
const BASIS = ['安全生产法 Art. 99'];

/** Outcome families 6 and 7 of docs/procedure.md §4: no penalty; not filed, revoked, suspended and resumed, extended. */
describe('other outcomes over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());
  const filed = async (filingDate = '2026-09-02') => {
    const openedOn = filingDate < '2026-09-01' ? filingDate : '2026-09-01';
    const id = (
      await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ discoveredAt: openedOn, occurredAt: at(openedOn, '08:00:00') }))
    ).body.case.caseId;
    await t.http.command(id, HEAD, 'approve-filing', { occurredAt: at(filingDate) });
    return id;
  };
  const attestAndClose = async (id: string, date: string) => {
    await t.http.command(id, OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at(date) });
    await t.http.command(id, OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at(date) });
    return t.http.command(id, HEAD, 'close-case', { occurredAt: at(date, '16:00:00') });
  };

  it('no penalty: concluded as minor → decided no-penalty → closed', async () => {
    const id = await filed();
    const minor = { legalBasis: ['行政处罚法 Art. 33'] };
    const decided = await concludeAndDecide(
      t.http,
      id,
      { ...minor, findings: '违法行为轻微并及时改正，没有造成危害后果', proposedOutcome: 'no_penalty_minor', occurredAt: at('2026-09-10') },
      { ...minor, outcome: 'no_penalty_minor', occurredAt: at('2026-09-11') },
    );
    expect(decided.body.events.map((e: any) => e.type)).toEqual(['NoPenaltyDecided']);
    expect(decided.body.case.stage).toBe('decided');
    expect(decided.body.case.deadlines.find((d: any) => d.kind === 'decision').status).toBe('met');
    expect((await attestAndClose(id, '2026-09-14')).body.case.stage).toBe('closed');
  });

  it('not filed: the head rejects the filing, which is final', async () => {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    const rejected = await t.http.command(id, HEAD, 'reject-filing', { reason: '不属于本机关管辖', occurredAt: at('2026-09-02') });
    expect(rejected.body.case.stage).toBe('notFiled');
    expect((await t.http.command(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-03') })).status).toBe(409);
  });

  it('revoked on reconsideration: the decision is revoked and the case closes as revoked', async () => {
    const id = await filed();
    const steps: [string, string, object][] = [
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '检查记录', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') },
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        { findings: '属实', proposedOutcome: 'penalty', proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-04') },
      ],
      [OFFICER_1, 'issue-penalty-notice', { proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-04') }],
      [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-04') }],
      [HEAD, 'decide', { outcome: 'penalty', penalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-07') }],
      [OFFICER_1, 'publish-decision', { occurredAt: at('2026-09-08') }],
      [OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-08') }],
      [OFFICER_1, 'record-remedy', { kind: 'reconsideration', body: '郴州市人民政府', occurredAt: at('2026-09-10') }],
    ];
    for (const [user, command, body] of steps)
      expect({ command, status: (await t.http.command(id, user, command, body)).status }).toEqual({ command, status: 200 });
    expect((await t.http.command(id, OFFICER_1, 'publish-decision', { occurredAt: at('2026-09-11') })).body.violations[0].rule).toBe(
      'decisionToPublish',
    );
    const revoked = await t.http.command(id, OFFICER_1, 'record-remedy-outcome', { outcome: 'revoked', occurredAt: at('2026-10-20') });
    expect(revoked.body.events.map((e: any) => e.type)).toEqual(['RemedyConcluded', 'DecisionRevoked']);
    expect(revoked.body.case.stage).toBe('revoked');
    expect((await attestAndClose(id, '2026-10-21')).body.case.stage).toBe('closed');
  });

  it('suspended and resumed: the handling deadlines pause and then move by the days suspended', async () => {
    const id = await filed('2026-09-02'); // decision due 12-01, handling period 10-08
    const suspended = await t.http.command(id, HEAD, 'suspend-case', { reason: '等待技术鉴定', occurredAt: at('2026-09-10') });
    expect(suspended.body.case.state.clock).toBe('suspended');
    expect(
      suspended.body.case.deadlines
        .filter((d: any) => d.status === 'paused')
        .map((d: any) => d.kind)
        .sort(),
    ).toEqual(['decision', 'handling_period']);
    expect(
      (
        await t.http.command(id, HEAD, 'decide', {
          outcome: 'no_penalty_unproven',
          legalBasis: ['行政处罚法 Art. 57'],
          occurredAt: at('2026-09-11'),
        })
      ).status,
    ).toBe(409);
    const resumed = await t.http.command(id, HEAD, 'resume-case', { occurredAt: at('2026-09-20') });
    const due = Object.fromEntries(resumed.body.case.deadlines.map((d: any) => [d.kind, [d.dueDate, d.status]]));
    // 10 days suspended: 12-01 → 12-11 (Fri); the handling period's last counted day 10-02 (moved to 10-08 off National
    // Day) → 10-12 (Mon): the move counts on from the last counted day, the roll-over is not added to it.
    expect(due).toMatchObject({ decision: ['2026-12-11', 'open'], handling_period: ['2026-10-12', 'open'] });
    expect(resumed.body.events[0].data.suspendedDays).toBe(10);
  });

  it('extended: the head to 90 days, then the upper level to 180 days from filing, never twice', async () => {
    const id = await filed('2026-06-01');
    const head = await t.http.command(id, HEAD, 'extend-handling-period', {
      tier: 'head',
      reason: '案情复杂',
      occurredAt: at('2026-06-20'),
    });
    expect(head.body.case.deadlines.find((d: any) => d.kind === 'handling_period').dueDate).toBe('2026-08-31'); // 06-01 + 90 = 08-30 (Sun) → 08-31
    expect(
      (await t.http.command(id, HEAD, 'extend-handling-period', { tier: 'head', reason: '再延', occurredAt: at('2026-07-01') })).body
        .violations[0].rule,
    ).toBe('extensionTierAllowed');
    const upper = await t.http.command(id, HEAD, 'extend-handling-period', {
      tier: 'upper',
      reason: '报上级批准',
      occurredAt: at('2026-08-20'),
    });
    const due = Object.fromEntries(upper.body.case.deadlines.map((d: any) => [d.kind, d.dueDate]));
    expect(due).toMatchObject({ handling_period: '2026-11-30', decision: '2026-11-30' }); // 06-01 + 180 = 11-28 (Sat) → 11-30
  });
});
