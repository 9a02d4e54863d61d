import { TestApp, startTestApp } from '../support/test-app';
import {
  AG,
  HASH,
  HEAD,
  OFFICER_1,
  OFFICER_2,
  OTHER_COUNTY_OFFICER,
  at,
  interferenceBody,
  openCaseBody,
  evidenceBody,
} from '../support/fixtures';
import { openAndFile } from '../support/cases';
import { projectionsCaughtUp } from '../support/projections';
import { certificate, registerInDirectory, user } from '../support/organisation';

/** Named cases of who may act and read (docs/api.md §5), over real HTTP. */
describe('access control over HTTP', () => {
  let t: TestApp;
  const EXPIRED = 'u-431002-officer-expired';
  const SUSPENDED = 'u-431002-officer-suspended';
  const HEAD_SUPERVISOR = 'u-431002-head-supervisor';

  beforeAll(async () => {
    t = await startTestApp();
    await registerInDirectory(t, [
      user({ id: EXPIRED, name: '过期证', roles: ['officer'], agencyId: AG, certificate: certificate('43100220219999', '2025-12-31') }),
      user({
        id: SUSPENDED,
        name: '暂扣证',
        roles: ['officer'],
        agencyId: AG,
        certificate: certificate('43100220218888', '2029-12-31', 'suspended'),
      }),
      // A head who also holds the supervisor role: docs/supervision.md §2 still keeps them from their own cases' records.
      user({ id: HEAD_SUPERVISOR, name: '兼职负责人', roles: ['head', 'supervisor'], agencyId: AG }),
    ]);
  });
  afterAll(() => t.close());

  const command = (userId: string, id: string, name: string, body: Record<string, unknown>) =>
    t.http.as(userId, 'POST', `/api/v1/cases/${id}/commands/${name}`, body);

  it('refuses an officer of a sibling county reading or acting on a case (403), and writes nothing', async () => {
    const id = await openAndFile(t.http);
    const read = await t.http.as(OTHER_COUNTY_OFFICER, 'GET', `/api/v1/cases/${id}`);
    expect(read.status).toBe(403);
    expect(read.body.detail).toContain('不在 苏仙区应急管理局 的管辖范围');
    expect((await t.http.as(OTHER_COUNTY_OFFICER, 'GET', `/api/v1/cases/${id}/events`)).status).toBe(403);
    const act = await command(OTHER_COUNTY_OFFICER, id, 'record-evidence', {
      kind: 'photo',
      title: '照片',
      officerIds: ['u-431003-officer-1', 'u-431003-officer-2'],
      contentHash: HASH,
    });
    expect(act.status).toBe(403);
    expect((await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.revision).toBe(1);
  });

  it('refuses a head approving another agency’s filing (403)', async () => {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    const res = await command('u-431003-head', id, 'approve-filing', { occurredAt: at('2026-09-02') });
    expect(res.status).toBe(403);
    expect((await t.http.as(HEAD, 'GET', `/api/v1/cases/${id}`)).body.stage).toBe('filing');
  });

  it('refuses a named officer whose certificate had expired on the day (422 naming the officer and the certificate)', async () => {
    const id = await openAndFile(t.http);
    const res = await command(
      OFFICER_1,
      id,
      'record-evidence',
      evidenceBody({ kind: 'inquiry', title: '询问笔录', officerIds: [OFFICER_1, EXPIRED] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.violations).toEqual([expect.objectContaining({ rule: 'twoCertifiedOfficers' })]);
    expect(res.body.violations[0].detail).toContain('过期证 (u-431002-officer-expired)');
    expect(res.body.violations[0].detail).toContain('执法证 43100220219999 在 2026-09-03 无效');
  });

  it('refuses an officer acting on a certificate that is not valid (403 naming the certificate); the head needs none', async () => {
    const id = await openAndFile(t.http);
    const res = await command(SUSPENDED, id, 'record-evidence', evidenceBody({ kind: 'photo', title: '照片' }));
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('43100220218888');
    const opened = await t.http.as(EXPIRED, 'POST', '/api/v1/cases', openCaseBody({ occurredAt: at('2026-09-01') }));
    expect(opened.status).toBe(403);
    expect(opened.body.detail).toContain('执法资格');
  });

  it('keeps a case’s interference records from its approving head (403), even one holding a reader role', async () => {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    expect((await command(HEAD_SUPERVISOR, id, 'approve-filing', { occurredAt: at('2026-09-02') })).status).toBe(200);
    const recorded = await command(
      OFFICER_2,
      id,
      'record-interference',
      interferenceBody({
        intervener: { name: '某领导', unit: '某局', post: '副局长', relation: 'leading_cadre' },
        content: '打招呼要求从轻',
      }),
    );
    expect(recorded.status).toBe(200);

    const asApprover = await t.http.as(HEAD_SUPERVISOR, 'GET', `/api/v1/interference?caseId=${id}`);
    expect(asApprover.status).toBe(403);
    expect(asApprover.body.detail).toContain('立案审批人');
    // In the case's history the record is there (its place in the chain) but not what it says nor who made it.
    const history = await t.http.as(HEAD_SUPERVISOR, 'GET', `/api/v1/cases/${id}/events`);
    const record = history.body.find((e: { type: string }) => e.type === 'InterferenceRecorded');
    expect(record.data).toMatchObject({ redacted: true });
    expect(record.metadata.actor).toBeUndefined();
    expect(JSON.stringify(history.body)).not.toContain('打招呼要求从轻');

    // A supervisor who did not approve reads it, recorder named; so do the case's handling officers.
    await projectionsCaughtUp(t.http); // the register is a read model
    const supervisor = await t.http.as('u-431000-supervisor', 'GET', `/api/v1/interference?caseId=${id}`);
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.items).toEqual([expect.objectContaining({ content: '打招呼要求从轻', recorder_id: OFFICER_2 })]);
    const handling = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`);
    expect(handling.body.find((e: { type: string }) => e.type === 'InterferenceRecorded').data.content).toBe('打招呼要求从轻');
    // An officer of the agency who does not handle the case sees only that a record exists.
    const other = await t.http.as('u-431002-officer-3', 'GET', `/api/v1/cases/${id}/events`);
    expect(other.body.find((e: { type: string }) => e.type === 'InterferenceRecorded').data).toMatchObject({ redacted: true });
  });

  it('lets an entrusted township squad decide in the name of its county bureau (the decision’s issuer is the county bureau)', async () => {
    const [O1, O2, H] = ['u-431002001-officer-1', 'u-431002001-officer-2', 'u-431002001-head'];
    const TOWN = 'ag-431002001';
    const opened = await t.http.as(
      O1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ agencyId: TOWN, handlingOfficerIds: [O1, O2], occurredAt: at('2026-09-01') }),
    );
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId;
    expect(opened.body.case).toMatchObject({ agencyId: TOWN, issuerAgencyId: null });
    const penalty = { proposedPenalties: [{ kind: 'fine', amountYuan: 8000 }], legalBasis: ['安全生产法 Art. 99'] };
    const steps: [string, string, Record<string, unknown>][] = [
      [H, 'approve-filing', { opinion: '同意立案', occurredAt: at('2026-09-02') }],
      [
        O1,
        'record-evidence',
        { kind: 'inspection', title: '现场检查记录', officerIds: [O1, O2], contentHash: HASH, occurredAt: at('2026-09-03') },
      ],
      [O1, 'conclude-investigation', { findings: '超量储存属实', proposedOutcome: 'penalty', ...penalty, occurredAt: at('2026-09-10') }],
      [O1, 'issue-penalty-notice', { ...penalty, occurredAt: at('2026-09-11') }],
      [O1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-11', '15:00:00') }],
      [
        H,
        'decide',
        { outcome: 'penalty', penalties: penalty.proposedPenalties, legalBasis: penalty.legalBasis, occurredAt: at('2026-09-14') },
      ],
    ];
    let last;
    for (const [who, name, body] of steps) {
      last = await command(who, id, name, body);
      expect({ name, status: last.status }).toEqual({ name, status: 200 });
    }
    const decided = last!.body;
    expect(decided.case.decision).toMatchObject({ issuerAgencyId: AG });
    expect(decided.case.decision.decisionNo).toMatch(/^北应急罚〔2026〕\d+号$/);
    expect(decided.events[0].data.issuerAgencyId).toBe(AG);
    expect(decided.events[0].metadata).toMatchObject({ onBehalfOf: AG, actor: expect.objectContaining({ id: H, agencyId: TOWN }) });
    expect((await t.http.as(O1, 'GET', `/api/v1/cases/${id}`)).body).toMatchObject({
      issuerAgencyId: AG,
      caseNo: expect.stringMatching(/^北应急立〔2026〕\d+号$/),
    });
    // Published as the county bureau's decision.
    expect((await command(O1, id, 'publish-decision', { channel: '北湖区人民政府网站', occurredAt: at('2026-09-15') })).status).toBe(200);
    await projectionsCaughtUp(t.http);
    const published = (await t.http.request('GET', '/api/v1/public/decisions?agencyId=ag-431002')).body.items;
    expect(published).toEqual([expect.objectContaining({ decisionNo: decided.case.decision.decisionNo, agencyId: AG })]);
    // The county bureau's officers do not act in the squad's cases; its head supervises them and may read them.
    expect((await command(OFFICER_1, id, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-15') })).status).toBe(403);
    expect((await t.http.as(HEAD, 'GET', `/api/v1/cases/${id}`)).status).toBe(200);
  });
});
