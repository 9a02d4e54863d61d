import { TestApp, startTestApp } from '../support/test-app';
import { HASH, HEAD, OFFICER_1, OFFICER_2, OFFICER_3, REVIEWER, at, openCaseBody } from '../support/fixtures';

const FINE = [{ kind: 'fine', amountYuan: 50_000 }]; // ≥ ¥30,000 for an organisation: a hearing right (行政处罚法 Art. 63)
const BASIS = ['安全生产法 Art. 99'];

/** The hearing branch and the statutory clock of docs/procedure.md §1, over HTTP. */
describe('hearing: notice → request → schedule → held → legality review → decision', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  /** A case whose penalty notice was served on Tuesday 2026-09-29 (the worked example). */
  async function noticeServed(): Promise<{ id: string; res: any }> {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    const steps: [string, string, object][] = [
      [HEAD, 'approve-filing', { occurredAt: at('2026-09-02') }],
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '现场检查记录', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') },
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        { findings: '属实', proposedOutcome: 'penalty', proposedPenalties: FINE, legalBasis: BASIS, occurredAt: at('2026-09-25') },
      ],
    ];
    for (const [user, command, body] of steps)
      expect((await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body)).status).toBe(200);
    const res = await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/issue-penalty-notice`, {
      proposedPenalties: FINE,
      legalBasis: BASIS,
      occurredAt: at('2026-09-29'),
    });
    expect(res.status).toBe(200);
    return { id, res };
  }
  const run = (user: string, id: string, command: string, body: object) =>
    t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);

  it('the worked example: notice served 2026-09-29 → statement due 10-09, hearing request due 10-12', async () => {
    const { res } = await noticeServed();
    const due = Object.fromEntries(res.body.case.deadlines.map((d: any) => [d.kind, d.dueDate]));
    expect(due).toMatchObject({ statement: '2026-10-09', hearing_request: '2026-10-12' });
    expect(res.body.events[0].data).toMatchObject({ hearingRight: true, rulesVersion: 'hn-2026.1' });
  });

  it('a hearing requested after its period is refused citing 行政处罚法 Art. 64, and nothing is written', async () => {
    const { id } = await noticeServed();
    const before = await t.http.headPosition();
    const late = await run(OFFICER_1, id, 'request-hearing', { occurredAt: at('2026-10-13') });
    expect(late.status).toBe(422);
    expect(late.body.violations).toEqual([
      expect.objectContaining({ rule: 'hearingRequestedInTime', legalSource: '行政处罚法 Art. 64(1)', detail: '2026-10-13 > 2026-10-12' }),
    ]);
    expect(await t.http.headPosition()).toBe(before);
  });

  it('runs the whole branch, refusing a short notice, an investigating presiding officer, a non-presiding recorder, an unreviewed or heavier decision', async () => {
    const { id } = await noticeServed();
    const requested = await run(OFFICER_1, id, 'request-hearing', { occurredAt: at('2026-10-12', '16:00:00') });
    expect(requested.status).toBe(200);
    expect(requested.body.case.stage).toBe('hearing');
    expect(requested.body.case.allowedCommands).toEqual(expect.arrayContaining(['schedule-hearing']));

    // Notified on Tue 10-13 for Tue 10-20: only 5 working days (14, 15, 16, 19, 20); and the presiding officer investigated.
    /** The head schedules the hearing on 10-13 for `day`, presided over by `presiding`. */
    const schedule = (day: string, presiding: string) =>
      run(HEAD, id, 'schedule-hearing', {
        hearingAt: at(day, '09:00:00'),
        presidingOfficerId: presiding,
        location: '北湖区应急管理局听证室',
        occurredAt: at('2026-10-13'),
      });
    const short = await schedule('2026-10-20', OFFICER_2);
    expect(short.status).toBe(422);
    expect(short.body.violations.map((v: any) => [v.rule, v.legalSource])).toEqual([
      ['hearingNoticeSevenWorkingDays', '行政处罚法 Art. 64(2)'],
      ['presidingOfficerDidNotInvestigate', '行政处罚法 Art. 64(4)'],
    ]);

    const scheduled = await schedule('2026-10-23', OFFICER_3);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.events[0].data.noticeWorkingDays).toBe(8);

    // Only the presiding officer records the hearing: the access policy refuses anyone else (403) before the decider.
    const notPresiding = await run(OFFICER_1, id, 'record-hearing', {
      attended: true,
      summary: '当事人到场申辩',
      occurredAt: at('2026-10-23', '11:00:00'),
    });
    expect(notPresiding.status).toBe(403);
    expect(notPresiding.body.detail).toContain('听证主持人');
    const held = await run(OFFICER_3, id, 'record-hearing', {
      attended: true,
      summary: '当事人到场申辩',
      transcriptHash: HASH,
      occurredAt: at('2026-10-23', '11:00:00'),
    });
    expect(held.status).toBe(200);
    expect(held.body.case.stage).toBe('review');
    expect(held.body.events.map((e: any) => e.type)).toEqual(['HearingHeld']);

    const unreviewed = await run(HEAD, id, 'decide', {
      outcome: 'penalty',
      penalties: [{ kind: 'fine', amountYuan: 60_000 }],
      legalBasis: BASIS,
      occurredAt: at('2026-10-26'),
    });
    expect(unreviewed.status).toBe(422);
    expect(unreviewed.body.violations.map((v: any) => [v.rule, v.legalSource])).toEqual([
      ['legalReviewApprovedForMajorCase', '行政处罚法 Art. 58'],
      ['collectiveDiscussionForMajorCase', '行政处罚法 Art. 57(2)'],
      ['fineNotHeavierThanNotified', '行政处罚法 Art. 45'],
    ]);

    expect(
      (
        await run(REVIEWER, id, 'record-legal-review', {
          outcome: 'approved',
          legalBasisCorrect: true,
          opinion: '事实清楚，适用法律正确',
          occurredAt: at('2026-10-26'),
        })
      ).status,
    ).toBe(200);
    const few = await run(HEAD, id, 'record-collective-discussion', {
      participantIds: [HEAD, REVIEWER],
      conclusion: '同意',
      occurredAt: at('2026-10-26'),
    });
    expect(few.body.violations[0].rule).toBe('collectiveDiscussionQuorum');
    expect(
      (
        await run(HEAD, id, 'record-collective-discussion', {
          participantIds: [HEAD, REVIEWER, OFFICER_3],
          conclusion: '同意罚款五万元',
          occurredAt: at('2026-10-26'),
        })
      ).status,
    ).toBe(200);
    const decided = await run(HEAD, id, 'decide', { outcome: 'penalty', penalties: FINE, legalBasis: BASIS, occurredAt: at('2026-10-27') });
    expect(decided.status).toBe(200);
    expect(decided.body.case.stage).toBe('decided');
    const history = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.map((e: any) => e.type);
    // The 告知书 and the 听证会通知书 are issued right after the steps that serve them.
    expect(history.slice(-9)).toEqual([
      'PenaltyNoticeServed',
      'DocumentIssued',
      'HearingRequested',
      'HearingScheduled',
      'DocumentIssued',
      'HearingHeld',
      'LegalReviewCompleted',
      'CollectiveDiscussionRecorded',
      'PenaltyDecided',
    ]);
  });

  it('a party who stays away without reason forfeits the hearing', async () => {
    const { id } = await noticeServed();
    await run(OFFICER_1, id, 'request-hearing', { occurredAt: at('2026-09-30') });
    await run(HEAD, id, 'schedule-hearing', {
      hearingAt: at('2026-10-23', '09:00:00'),
      presidingOfficerId: OFFICER_3,
      location: '听证室',
      occurredAt: at('2026-10-08'),
    });
    const forfeited = await run(OFFICER_3, id, 'record-hearing', {
      attended: false,
      summary: '当事人无正当理由未到场',
      occurredAt: at('2026-10-23', '10:00:00'),
    });
    expect(forfeited.body.events.map((e: any) => e.type)).toEqual(['HearingForfeited']);
    expect(forfeited.body.case.stage).toBe('review');
  });
});
