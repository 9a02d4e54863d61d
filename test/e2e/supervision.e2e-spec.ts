import { TestApp } from '../support/test-app';
import { startWithFiledCase } from '../support/cases';
import { OFFICER_1, at } from '../support/fixtures';

/** The city's supervisor (郴州市, above 北湖区 where the case lies). */
const SUPERVISOR = 'u-431000-supervisor';

/** 督办 over HTTP (郴政办发〔2016〕19号第十七条): issued from above, answered by a handling officer, its deadline tracked. */
describe('督办 supervise-case and reply-supervision over HTTP', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => ({ t, id } = await startWithFiledCase()));
  afterAll(() => t.close());
  const run = (user: string, command: string, body: object) => t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
  const view = async () => (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body;

  it('a supervisor of a superior agency issues it; it is listed on the case with its deadline until a handling officer replies', async () => {
    // Refusals first: each writes nothing.
    const before = (await view()).revision;
    const byOfficer = await run(OFFICER_1, 'supervise-case', {
      reason: '办案期限将届满',
      replyWithinWorkingDays: 5,
      occurredAt: at('2026-09-03'),
    });
    expect(byOfficer.status).toBe(403);
    const bad = await run(SUPERVISOR, 'supervise-case', {
      reason: '办案期限将届满',
      replyWithinWorkingDays: 31,
      occurredAt: at('2026-09-03'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['replyWithinWorkingDays']);
    expect((await view()).revision).toBe(before);

    const issued = await run(SUPERVISOR, 'supervise-case', {
      reason: '办案期限将届满',
      replyWithinWorkingDays: 5,
      occurredAt: at('2026-09-03'),
    });
    expect(issued.status).toBe(200);
    expect(issued.body.events.map((e: { type: string }) => e.type)).toEqual(['CaseSupervised']);
    // Thursday 3 September + 5 working days = Thursday 10 September.
    const supervision = issued.body.case.openSupervisions[0];
    expect(supervision).toMatchObject({ supervisorId: SUPERVISOR, reason: '办案期限将届满', replyDueDate: '2026-09-10' });
    expect(issued.body.case.deadlines.find((d: { kind: string }) => d.kind === 'supervision_reply')).toMatchObject({
      status: 'open',
      dueDate: '2026-09-10',
    });
    expect((await view()).openSupervisions).toHaveLength(1);

    const unknown = await run(OFFICER_1, 'reply-supervision', {
      supervisionId: 'no-such-notice',
      reply: '已办理',
      occurredAt: at('2026-09-04'),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['supervisionAwaitingReply']);

    const replied = await run(OFFICER_1, 'reply-supervision', {
      supervisionId: supervision.supervisionId,
      reply: '已加快办理，预计本周内作出决定',
      occurredAt: at('2026-09-04'),
    });
    expect(replied.status).toBe(200);
    expect(replied.body.events.map((e: { type: string }) => e.type)).toEqual(['SupervisionReplied']);
    const after = await view();
    expect(after.openSupervisions).toEqual([]);
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'supervision_reply')).toMatchObject({ status: 'met' });

    const again = await run(OFFICER_1, 'reply-supervision', {
      supervisionId: supervision.supervisionId,
      reply: '再次回复',
      occurredAt: at('2026-09-04'),
    });
    expect(again.status).toBe(422);
    expect(again.body.violations).toEqual([
      expect.objectContaining({ rule: 'supervisionAwaitingReply', legalSource: '郴政办发〔2016〕19号第十七条' }),
    ]);
    expect((await view()).revision).toBe(after.revision);
  });
});
