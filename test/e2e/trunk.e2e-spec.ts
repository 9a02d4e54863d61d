import { TestApp, startTestApp } from '../support/test-app';
import {
  AG,
  EVENTS_DECIDED_TO_CLOSED,
  EVENTS_TO_PENALTY_NOTICE,
  HASH,
  HEAD,
  OFFICER_1,
  OFFICER_2,
  at,
  interferenceBody,
  openCaseBody,
} from '../support/fixtures';

/**
 * The trunk of docs/procedure.md §4 over real HTTP, from open-case to close-case: the stage after each step,
 * then the full event history with its metadata envelope.
 */
describe('trunk: open-case → close-case over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('walks every trunk command, reports the right stage after each, and records the full history', async () => {
    // The party's address: the 决定书 bound into the 案卷 archived on closing names it.
    const opened = await t.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: { ...openCaseBody().party, address: '郴州市北湖区人民西路88号' } }),
    );
    expect(opened.status).toBe(201);
    const id: string = opened.body.case.caseId;
    expect(opened.headers.get('location')).toBe(`/api/v1/cases/${id}`);
    expect(opened.body.case).toMatchObject({ stage: 'filing', caseNo: null, revision: 0, agencyId: AG });
    expect(opened.body.case.allowedCommands).toEqual(expect.arrayContaining(['approve-filing', 'reject-filing', 'record-interference']));

    const steps: [string, string, Record<string, unknown>, string][] = [
      [HEAD, 'approve-filing', { opinion: '同意立案', occurredAt: at('2026-09-02') }, 'investigation'],
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '现场检查记录', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') },
        'investigation',
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        {
          findings: '超量储存属实',
          proposedOutcome: 'penalty',
          proposedPenalties: [{ kind: 'fine', amountYuan: 8000 }],
          legalBasis: ['安全生产法 Art. 99'],
          occurredAt: at('2026-09-10'),
        },
        'review',
      ],
      [
        OFFICER_1,
        'issue-penalty-notice',
        { proposedPenalties: [{ kind: 'fine', amountYuan: 8000 }], legalBasis: ['安全生产法 Art. 99'], occurredAt: at('2026-09-11') },
        'review',
      ],
      [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-11', '15:00:00') }, 'review'],
      [
        HEAD,
        'decide',
        {
          outcome: 'penalty',
          penalties: [{ kind: 'fine', amountYuan: 8000 }],
          legalBasis: ['安全生产法 Art. 99'],
          occurredAt: at('2026-09-14'),
        },
        'decided',
      ],
      [OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-15') }, 'execution'],
      [OFFICER_2, 'record-payment', { amountYuan: 8000, receiptNo: 'HN2026-0915001', occurredAt: at('2026-09-20') }, 'executed'],
      [OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-21') }, 'executed'],
      [OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-21') }, 'executed'],
      [HEAD, 'close-case', { summary: '罚款缴清，结案', occurredAt: at('2026-09-22') }, 'closed'],
    ];
    for (const [user, command, body, stage] of steps) {
      const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
      expect({ command, status: res.status }).toEqual({ command, status: 200 });
      expect({ command, stage: res.body.case.stage }).toEqual({ command, stage });
      expect(res.headers.get('etag')).toBe(`"${res.body.case.revision}"`);
    }

    const view = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body;
    expect(view.stage).toBe('closed');
    expect(view.caseNo).toMatch(/^北应急立〔2026〕\d+号$/);
    expect(view.decision.decisionNo).toMatch(/^北应急罚〔2026〕\d+号$/);
    expect(view.allowedCommands).toEqual(['record-interference', 'issue-document']);
    const kinds = Object.fromEntries(view.deadlines.map((d: any) => [d.kind, d]));
    expect(kinds.decision).toMatchObject({ dueDate: '2026-12-01', status: 'met', rulesVersion: 'hn-2026.1' });
    expect(kinds.statement).toMatchObject({ dueDate: '2026-09-16', status: 'met' });
    expect(kinds.payment).toMatchObject({ dueDate: '2026-09-30', status: 'met' });
    // 7 working days from Mon 09-14; Sunday 09-20 is a make-up working day (调休) before National Day.
    expect(kinds.publication).toMatchObject({ dueDate: '2026-09-22', status: 'open' });

    const history = await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`);
    expect(history.status).toBe(200);
    // The 告知书 is issued right after it is served (by the officer who served it); close-case is followed, in the same
    // request, by the 案卷 archived as it stood at closing.
    expect(history.body.map((e: any) => e.type)).toEqual([
      ...EVENTS_TO_PENALTY_NOTICE,
      'RightsWaived',
      ...EVENTS_DECIDED_TO_CLOSED,
      'DossierArchived',
    ]);
    expect(history.body.map((e: any) => e.revision)).toEqual([...Array(15).keys()]);
    const positions = history.body.map((e: any) => BigInt(e.position));
    positions.slice(1).forEach((p: bigint, i: number) => expect(p > positions[i]).toBe(true));
    const actors = history.body.map((e: any) => e.metadata.actor.id);
    expect(actors).toEqual([
      OFFICER_1,
      HEAD,
      OFFICER_1,
      OFFICER_1,
      OFFICER_1,
      OFFICER_1,
      OFFICER_1,
      HEAD,
      OFFICER_1,
      OFFICER_2,
      OFFICER_2,
      OFFICER_1,
      OFFICER_2,
      HEAD,
      HEAD,
    ]);
    expect(history.body[5]).toMatchObject({
      data: { kind: 'penalty-notice', number: expect.stringMatching(/^北应急罚告〔2026〕\d+号$/), revision: 4 },
      metadata: { command: 'issue-document', causationId: history.body[4].id },
    });
    expect(history.body[14]).toMatchObject({
      data: { revision: 13, anchor: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      metadata: { command: 'archive-dossier', causationId: history.body[13].id },
    });
    for (const e of history.body) {
      expect(e.metadata).toMatchObject({
        actor: { id: expect.any(String), name: expect.any(String), roles: expect.any(Array), agencyId: AG },
        occurredAt: expect.stringMatching(/^2026-09-\d\dT/),
        recordedAt: expect.any(String),
        requestId: expect.any(String),
        correlationId: expect.any(String),
        causationId: expect.any(String),
        clientIp: '127.0.0.1',
        command: expect.any(String),
      });
    }
    expect(history.body[1].metadata.rulesVersion).toBe('hn-2026.1');
    expect(history.body[7].metadata.legalBasis).toEqual(['安全生产法 Art. 99']);
  });

  it('accepts interference records after closing, and the case stays closed', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    const id = opened.body.case.caseId;
    await t.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/reject-filing`, { reason: '不属于本局管辖', occurredAt: at('2026-09-02') });
    const res = await t.http.as(
      OFFICER_2,
      'POST',
      `/api/v1/cases/${id}/commands/record-interference`,
      interferenceBody({ content: '打电话要求不予立案' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.case.stage).toBe('notFiled');
    expect(res.body.events.map((e: any) => e.type)).toEqual(['InterferenceRecorded']);
    expect(res.body.case.flags).toContain('interference_recorded');
  });
});
