import { CaseEventBody } from '../case-events';
import { CaseSnapshot, allowedCommands, foldCaseEvents } from '../fold';
import { env, given, opened, when } from '../testing/given-when-then';

const at = (d: string) => `${d}T10:00:00+08:00`;
const supervisor = () => env(at('2026-09-02'), 'sv', ['supervisor']);
const filed: CaseEventBody = { type: 'CaseFiled', data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines: [] } };

/** The snapshot after the given events plus the decided ones (each at its own time). */
function then(s: CaseSnapshot, events: CaseEventBody[], time: string): CaseSnapshot {
  const meta = { actorId: 'x', occurredAt: time, recordedAt: time };
  return foldCaseEvents(
    events.map((e) => ({ ...e, meta })),
    s,
  );
}

function supervised(): { s: CaseSnapshot; supervisionId: string } {
  const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')]);
  const d = when(s, { name: 'supervise-case', body: { reason: '办案期限将届满', replyWithinWorkingDays: 5 } }, supervisor());
  if (!d.ok) throw new Error(JSON.stringify(d.refusal));
  const data = d.events[0].data as { supervisionId: string };
  return { s: then(s, d.events, at('2026-09-02')), supervisionId: data.supervisionId };
}

describe('督办 supervise-case / reply-supervision', () => {
  it('records the notice with a reply deadline counted in working days, with its basis', () => {
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')]);
    const d = when(s, { name: 'supervise-case', body: { reason: '办案期限将届满', replyWithinWorkingDays: 5 } }, supervisor());
    // Wednesday 2 September + 5 working days (the weekend skipped) = Wednesday 9 September.
    expect(d).toMatchObject({
      ok: true,
      events: [
        {
          type: 'CaseSupervised',
          data: {
            supervisorId: 'sv',
            reason: '办案期限将届满',
            replyDueDate: '2026-09-09',
            deadlines: [{ kind: 'supervision_reply', dueDate: '2026-09-09', rulesVersion: 'hn-2026.1' }],
          },
        },
      ],
    });
    const { s: after } = supervised();
    expect(after.context.supervision).toMatchObject({ reason: '办案期限将届满', replyDueDate: '2026-09-09' });
    expect(after.context.deadlines.find((x) => x.kind === 'supervision_reply')).toMatchObject({ status: 'open' });
    expect(after.context.deadlines[0].basis).toContain('郴政办发〔2016〕19号第十七条');
  });

  it('is allowed at every open stage, filing included (dated by the rules in force), and not once closed or not filed', () => {
    const filing = given([opened, at('2026-09-01')]);
    expect(allowedCommands(filing)).toContain('supervise-case');
    expect(when(filing, { name: 'supervise-case', body: { reason: 'r', replyWithinWorkingDays: 1 } }, supervisor())).toMatchObject({
      ok: true,
      events: [{ data: { replyDueDate: '2026-09-03' } }],
    });
    const notFiled = given([opened, at('2026-09-01')], [{ type: 'FilingRejected', data: { reason: 'r' } }, at('2026-09-01')]);
    expect(allowedCommands(notFiled)).not.toContain('supervise-case');
    expect(when(notFiled, { name: 'supervise-case', body: { reason: 'r', replyWithinWorkingDays: 1 } }, supervisor())).toMatchObject({
      ok: false,
      refusal: { kind: 'not_allowed' },
    });
  });

  it('refuses a second notice while one awaits its reply (its deadline would be overwritten)', () => {
    const { s, supervisionId } = supervised();
    expect(when(s, { name: 'supervise-case', body: { reason: 'r', replyWithinWorkingDays: 3 } }, supervisor())).toMatchObject({
      ok: false,
      refusal: { kind: 'legal_conditions', violations: [{ rule: 'noSupervisionAwaitingReply', detail: supervisionId }] },
    });
  });

  it('a reply meets the deadline and closes the notice; an unknown or already replied notice is refused (422)', () => {
    const { s, supervisionId } = supervised();
    const unknown = when(s, { name: 'reply-supervision', body: { supervisionId: 'nope', reply: 'x' } }, env(at('2026-09-03')));
    expect(unknown).toMatchObject({
      ok: false,
      refusal: {
        kind: 'legal_conditions',
        violations: [{ rule: 'supervisionAwaitingReply', legalSource: '郴政办发〔2016〕19号第十七条' }],
      },
    });
    const d = when(s, { name: 'reply-supervision', body: { supervisionId, reply: '已加快办理' } }, env(at('2026-09-03')));
    if (!d.ok) throw new Error(JSON.stringify(d.refusal));
    expect(d.events).toEqual([{ type: 'SupervisionReplied', data: { supervisionId, officerId: 'o1', reply: '已加快办理' } }]);
    const replied = then(s, d.events, at('2026-09-03'));
    expect(replied.context.supervision).toBeNull();
    expect(replied.context.deadlines.find((x) => x.kind === 'supervision_reply')).toMatchObject({ status: 'met', metAt: at('2026-09-03') });
    expect(when(replied, { name: 'reply-supervision', body: { supervisionId, reply: 'again' } }, env(at('2026-09-04')))).toMatchObject({
      ok: false,
      refusal: { kind: 'legal_conditions', violations: [{ rule: 'supervisionAwaitingReply' }] },
    });
    // Replied, the case may be supervised again.
    expect(when(replied, { name: 'supervise-case', body: { reason: 'r', replyWithinWorkingDays: 3 } }, supervisor())).toMatchObject({
      ok: true,
    });
  });

  it('the scheduler records an unanswered notice as missed, and the notice stays open for its reply', () => {
    const { s } = supervised();
    const due = s.context.deadlines.find((x) => x.kind === 'supervision_reply')!;
    const d = when(
      s,
      { name: 'record-deadline-expiry', body: { kind: 'supervision_reply', dueAt: due.dueAt } },
      env(at('2026-09-10'), 'system', []),
    );
    expect(d).toMatchObject({ ok: true, events: [{ type: 'DeadlineMissed', data: { kind: 'supervision_reply', dueDate: '2026-09-09' } }] });
    if (!d.ok) return;
    const missed = then(s, d.events, at('2026-09-10'));
    expect(missed.context.deadlines.find((x) => x.kind === 'supervision_reply')!.status).toBe('missed');
    expect(missed.context.supervision).not.toBeNull();
  });
});
