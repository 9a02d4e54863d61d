import { TestApp, startTestApp } from '../support/test-app';
import { concludeAndDecide } from '../support/cases';
import { HEAD, OFFICER_1, OFFICER_2, at, evidenceBody, openCaseBody } from '../support/fixtures';

const DOCS = ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'];

/** Outcome family 4: proposed → approved → transferred → police accept; or decline → reconsideration / resume. */
describe('criminal referral over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function filedCase(): Promise<string> {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ criminalIndicators: { deaths: 1 } }))).body.case.caseId;
    await t.http.command(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await t.http.command(id, OFFICER_1, 'record-evidence', evidenceBody({ title: '事故现场勘验' }));
    return id;
  }
  const propose = (id: string) =>
    t.http.command(id, OFFICER_1, 'propose-referral', {
      offense: 'major_liability_accident',
      teamOfficerIds: [OFFICER_1, OFFICER_2],
      report: '造成一人死亡，涉嫌重大责任事故罪',
      occurredAt: at('2026-09-04'),
    });

  /** A referral proposed, approved and transferred with its documents (2026-09-04, 09-05): the police to decide. */
  async function transferredCase(): Promise<string> {
    const id = await filedCase();
    await propose(id);
    await t.http.command(id, HEAD, 'approve-referral', { occurredAt: at('2026-09-05') });
    await t.http.command(id, OFFICER_1, 'transfer-to-police', {
      policeAgency: '郴州市公安局北湖分局',
      documents: DOCS,
      occurredAt: at('2026-09-05'),
    });
    return id;
  }

  it('transfers an accepted case to the police, on the statutory clock', async () => {
    const id = await filedCase();
    const proposed = await propose(id);
    expect(proposed.body.case.stage).toBe('referral');
    expect(proposed.body.case.deadlines.find((d: any) => d.kind === 'referral_approval').dueDate).toBe('2026-09-07');
    const approved = await t.http.command(id, HEAD, 'approve-referral', { opinion: '同意移送', occurredAt: at('2026-09-05', '09:00:00') });
    expect(approved.body.case.deadlines.find((d: any) => d.kind === 'referral_transfer')).toMatchObject({
      dueAt: '2026-09-06T01:00:00.000Z',
    });
    const incomplete = await t.http.command(id, OFFICER_1, 'transfer-to-police', {
      policeAgency: '郴州市公安局北湖分局',
      documents: ['涉案物品清单'],
      occurredAt: at('2026-09-05', '15:00:00'),
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.violations[0]).toMatchObject({ rule: 'referralDocumentsComplete', detail: expect.stringContaining('移送书') });
    expect(
      (
        await t.http.command(id, OFFICER_1, 'transfer-to-police', {
          policeAgency: '郴州市公安局北湖分局',
          documents: DOCS,
          occurredAt: at('2026-09-05', '15:00:00'),
        })
      ).status,
    ).toBe(200);
    const accepted = await t.http.command(id, OFFICER_1, 'record-police-decision', { outcome: 'accepted', occurredAt: at('2026-09-07') });
    expect(accepted.body.events.map((e: any) => e.type)).toEqual(['PoliceDecisionRecorded', 'ReferralAccepted']);
    expect(accepted.body.case.stage).toBe('transferred');
    await t.http.command(id, OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-08') });
    await t.http.command(id, OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-08') });
    expect((await t.http.command(id, HEAD, 'close-case', { occurredAt: at('2026-09-09') })).body.case.stage).toBe('closed');
  });

  it('records the hand-over of the items and materials once the police filed the case (3 days; late ones marked, not refused)', async () => {
    const id = await transferredCase();
    const handover = (
      on: string,
      body: object = { receivedBy: '郴州市公安局北湖分局 王警官', materials: ['涉案物品清单所列烟花爆竹 20 箱', '询问笔录'] },
    ) => t.http.command(id, OFFICER_1, 'record-handover', { ...body, occurredAt: at(on) });
    const early = await handover('2026-09-06');
    expect(early.status).toBe(409);
    expect(early.body.allowedCommands).not.toContain('record-handover');
    const accepted = await t.http.command(id, OFFICER_1, 'record-police-decision', { outcome: 'accepted', occurredAt: at('2026-09-07') });
    expect(accepted.body.case.allowedCommands).toContain('record-handover');
    // The hand-over is a tracked deadline from the rules (行政执法机关移送涉嫌犯罪案件的规定第十三条), open until met.
    const handoverDeadline = (c: { deadlines: { kind: string }[] }) => c.deadlines.find((d) => d.kind === 'handover');
    expect(handoverDeadline(accepted.body.case)).toMatchObject({
      dueDate: '2026-09-10',
      status: 'open',
      basis: expect.stringContaining('Art. 13'),
    });
    const unnamed = await handover('2026-09-08', { receivedBy: '郴州市公安局北湖分局', materials: [] });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors.map((e: any) => e.field)).toEqual(['materials']);
    const onTime = await handover('2026-09-09');
    expect(onTime.status).toBe(200);
    expect(onTime.body.events).toMatchObject([
      { type: 'MaterialsHandedOver', data: { receivedBy: '郴州市公安局北湖分局 王警官', dueDate: '2026-09-10', late: false } },
    ]);
    expect(onTime.body.case.stage).toBe('transferred');
    expect(handoverDeadline(onTime.body.case)).toMatchObject({ status: 'met' });
    expect((await handover('2026-09-14')).body.events[0].data).toMatchObject({ dueDate: '2026-09-10', late: true });
    expect((await t.http.command(id, 'u-431003-officer-1', 'record-handover', { receivedBy: 'x', materials: ['y'] })).status).toBe(403);
  });

  it('returns a rejected proposal to where it came from', async () => {
    const id = await filedCase();
    await propose(id);
    const rejected = await t.http.command(id, HEAD, 'reject-referral', { reason: '尚不构成犯罪', occurredAt: at('2026-09-05') });
    expect(rejected.body.case.stage).toBe('investigation');
  });

  it('on a police refusal, asks again or resumes the administrative procedure', async () => {
    const id = await transferredCase();
    const declined = await t.http.command(id, OFFICER_1, 'record-police-decision', {
      outcome: 'declined',
      reason: '不予立案',
      occurredAt: at('2026-09-07'),
    });
    expect(declined.body.case.state.procedure.open.referral).toBe('declined');
    expect(declined.body.case.deadlines.find((d: any) => d.kind === 'police_reconsideration_request').dueDate).toBe('2026-09-10');
    const again = await t.http.command(id, HEAD, 'request-police-reconsideration', {
      reason: '证据确实充分，提请复议',
      occurredAt: at('2026-09-08'),
    });
    expect(again.body.case.state.procedure.open.referral).toBe('awaitingPolice');
    await t.http.command(id, OFFICER_1, 'record-police-decision', { outcome: 'declined', occurredAt: at('2026-09-10') });
    const resumed = await t.http.command(id, HEAD, 'resume-administrative-procedure', {
      reason: '依法给予行政处罚',
      occurredAt: at('2026-09-11'),
    });
    expect(resumed.body.case.stage).toBe('investigation');
    expect(resumed.body.case.allowedCommands).toContain('conclude-investigation');
  });

  it('a head deciding `transfer` after review sends the case straight to the police transfer', async () => {
    const id = await filedCase();
    const decided = await concludeAndDecide(
      t.http,
      id,
      { findings: '涉嫌重大责任事故罪', proposedOutcome: 'transfer', legalBasis: ['刑法 Art. 134'], occurredAt: at('2026-09-05') },
      { outcome: 'transfer', legalBasis: ['行政处罚法 Art. 57'], justification: '涉嫌犯罪，依法移送', occurredAt: at('2026-09-07') },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.events.map((e: any) => e.type)).toEqual(['ReferralProposed', 'ReferralApproved']);
    expect(decided.body.case.state.procedure.open.referral).toBe('approved');
    expect(decided.body.case.allowedCommands).toContain('transfer-to-police');
  });
});
