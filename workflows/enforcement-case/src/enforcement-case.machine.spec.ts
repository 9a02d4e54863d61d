import { CaseEventBody } from './case-events';
import { STAGES } from './stage';
import { allowedCommands, caseStage } from './fold';
import { enforcementCaseMachine } from './enforcement-case.machine';
import { env, given, opened, when } from './testing/given-when-then';

const at = (d: string, t = '10:00:00') => `${d}T${t}+08:00`;
const filed = (deadlines: any[] = []): CaseEventBody => ({
  type: 'CaseFiled',
  data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines },
});
const concluded: CaseEventBody = { type: 'InvestigationConcluded', data: { findings: 'f', proposedOutcome: 'penalty', legalBasis: ['b'] } };

/** A case decided without a penalty (2026-09-02), attested by handling officer o1 only. */
function decidedNoPenalty(): [CaseEventBody, string][] {
  return [
    [opened, at('2026-09-01')],
    [filed(), at('2026-09-01')],
    [concluded, at('2026-09-01')],
    [
      {
        type: 'NoPenaltyDecided',
        data: { decisionNo: 'D', outcome: 'no_penalty_minor', legalBasis: ['b'], rulesVersion: 'hn-2026.1', deadlines: [] },
      },
      at('2026-09-02'),
    ],
    [{ type: 'InterferenceAttested', data: { officerId: 'o1', complete: true } }, at('2026-09-03')],
  ];
}

function inReview(amountYuan: number, noticeAt: string) {
  const openedAt = at('2026-09-01');
  const noticeDecision = when(
    given([opened, openedAt], [filed(), openedAt], [concluded, openedAt]),
    { name: 'issue-penalty-notice', body: { proposedPenalties: [{ kind: 'fine', amountYuan }], legalBasis: ['b'] } },
    env(noticeAt),
  );
  if (!noticeDecision.ok) throw new Error(JSON.stringify(noticeDecision.refusal));
  return {
    events: [
      [opened, openedAt],
      [filed(), openedAt],
      [concluded, openedAt],
      [noticeDecision.events[0], noticeAt],
    ] as [CaseEventBody, string][],
    notice: noticeDecision.events[0],
  };
}

describe('enforcement case machine', () => {
  it('has every stage of docs/procedure.md §4 as a state', () => {
    const procedure = enforcementCaseMachine.root.states.procedure;
    const names = [
      ...Object.keys(procedure.states.open.states),
      ...Object.keys(procedure.states).filter((k) => k !== 'open' && k !== 'none'),
    ];
    expect(names.sort()).toEqual(Object.keys(STAGES).sort());
  });

  it('open-case: refuses when one of the two officers holds an expired certificate, naming officer and certificate', () => {
    const d = when(
      given(),
      { name: 'open-case', body: { ...opened.data, handlingOfficerIds: ['o1', 'expired'] } as any },
      env(at('2026-09-01')),
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal).toMatchObject({
      kind: 'legal_conditions',
      violations: [{ rule: 'twoCertifiedOfficers', legalSource: expect.stringContaining('行政处罚法 Art. 42') }],
    });
    expect((d.refusal as any).violations[0].detail).toMatch(/丙.*C-3/);
  });

  it('approve-filing: starts the 90-day decision deadline and the handling period with the rules version', () => {
    const d = when(given([opened, at('2026-09-01')]), { name: 'approve-filing', body: {} }, env(at('2026-09-02'), 'head', ['head']));
    expect(d.ok && d.events[0]).toMatchObject({
      type: 'CaseFiled',
      data: {
        rulesVersion: 'hn-2026.1',
        deadlines: [
          { kind: 'decision', dueDate: '2026-12-01', rulesVersion: 'hn-2026.1' },
          { kind: 'handling_period', dueDate: '2026-10-08' }, // 10-02 falls in the National Day holiday → first working day 10-08
        ],
      },
    });
  });

  it('reject-filing ends in notFiled, where only interference records are still accepted', () => {
    const s = given([opened, at('2026-09-01')], [{ type: 'FilingRejected', data: { reason: 'r' } }, at('2026-09-02')]);
    expect(caseStage(s)).toBe('notFiled');
    expect(allowedCommands(s)).toEqual(['record-interference']);
    const d = when(s, { name: 'approve-filing', body: {} }, env(at('2026-09-03'), 'head', ['head']));
    expect(d.ok || d.refusal).toMatchObject({ kind: 'not_allowed', allowedCommands: ['record-interference'] });
  });

  it('the worked example: a notice served 2026-09-29 gives statement until 10-09 and hearing request until 10-12', () => {
    const { notice: n } = inReview(50_000, at('2026-09-29'));
    expect(n).toMatchObject({
      type: 'PenaltyNoticeServed',
      data: {
        hearingRight: true,
        deadlines: [
          { kind: 'statement', dueDate: '2026-10-09' },
          { kind: 'hearing_request', dueDate: '2026-10-12' },
        ],
      },
    });
  });

  it('decide: lists every unmet condition at once (periods running, no legality review, heavier fine)', () => {
    const { events } = inReview(50_000, at('2026-09-29'));
    const d = when(
      given(...events),
      { name: 'decide', body: { outcome: 'penalty', penalties: [{ kind: 'fine', amountYuan: 60_000 }], legalBasis: ['b'] } },
      env(at('2026-10-08'), 'head', ['head']),
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect((d.refusal as any).violations.map((v: any) => v.rule).sort()).toEqual(
      [
        'collectiveDiscussionForMajorCase',
        'fineNotHeavierThanNotified',
        'hearingRequestPeriodOver',
        'legalReviewApprovedForMajorCase',
        'statementPeriodOver',
      ].sort(),
    );
  });

  it('decide: allowed once the periods are over, the review approved and the heads discussed it; assigns publication for an organisation', () => {
    const { events } = inReview(50_000, at('2026-09-29'));
    const reviewed: CaseEventBody = {
      type: 'LegalReviewCompleted',
      data: { outcome: 'approved', legalBasisCorrect: true, opinion: 'ok', reviewerId: 'r' },
    };
    const discussed: CaseEventBody = {
      type: 'CollectiveDiscussionRecorded',
      data: { participantIds: ['head', 'o1', 'o2'], conclusion: '同意' },
    };
    const d = when(
      given(...events, [reviewed, at('2026-10-12')], [discussed, at('2026-10-12')]),
      { name: 'decide', body: { outcome: 'penalty', penalties: [{ kind: 'fine', amountYuan: 40_000 }], legalBasis: ['b'] } },
      env(at('2026-10-13'), 'head', ['head']),
    );
    expect(d.ok && d.events[0]).toMatchObject({
      type: 'PenaltyDecided',
      data: { deadlines: [{ kind: 'publication', dueDate: '2026-10-22' }] },
    });
  });

  it('record-payment: a late payment owes the 3%/day surcharge; paying the fine alone does not execute the penalty', () => {
    const decided: CaseEventBody = {
      type: 'PenaltyDecided',
      data: {
        decisionNo: 'D1',
        outcome: 'penalty',
        penalties: [{ kind: 'fine', amountYuan: 1000 }],
        legalBasis: ['b'],
        rulesVersion: 'hn-2026.1',
        deadlines: [],
      },
    };
    const served: CaseEventBody = {
      type: 'DecisionServed',
      data: {
        method: 'direct',
        rulesVersion: 'hn-2026.1',
        deadlines: [
          { kind: 'payment', startedAt: at('2026-09-15'), dueDate: '2026-09-30', dueAt: '', basis: '', rulesVersion: 'hn-2026.1' },
        ],
      },
    };
    const { events } = inReview(1000, at('2026-09-11'));
    const s = given(...events, [decided, at('2026-09-14')], [served, at('2026-09-15')]);
    expect(caseStage(s)).toBe('execution');
    // Two days late (10-01, 10-02): 1000 + 2 × 30 = 1060 owed.
    const fineOnly = when(s, { name: 'record-payment', body: { amountYuan: 1000, receiptNo: 'r1' } }, env(at('2026-10-02')));
    expect(fineOnly.ok && fineOnly.events.map((e) => e.type)).toEqual(['PaymentRecorded']);
    const full = when(s, { name: 'record-payment', body: { amountYuan: 1060, receiptNo: 'r1' } }, env(at('2026-10-02')));
    expect(full.ok && full.events.map((e) => e.type)).toEqual(['PaymentRecorded', 'PenaltyExecuted']);
    const over = when(s, { name: 'record-payment', body: { amountYuan: 1061, receiptNo: 'r1' } }, env(at('2026-10-02')));
    expect(over.ok || over.refusal).toMatchObject({ kind: 'legal_conditions', violations: [{ rule: 'paymentNotAboveDue' }] });
  });

  it('close-case: refused until every handling officer attested the interference record', () => {
    const executed = decidedNoPenalty();
    const s = given(...executed);
    expect(caseStage(s)).toBe('decided');
    const refused = when(s, { name: 'close-case', body: {} }, env(at('2026-09-04'), 'head', ['head']));
    expect(refused.ok || refused.refusal).toMatchObject({
      violations: [{ rule: 'interferenceAttestedByHandlingOfficers', detail: expect.stringContaining('o2') }],
    });
    const s2 = given(...executed, [{ type: 'InterferenceAttested', data: { officerId: 'o2', complete: true } }, at('2026-09-03')]);
    const closed = when(s2, { name: 'close-case', body: {} }, env(at('2026-09-04'), 'head', ['head']));
    expect(closed.ok && closed.events[0].type).toBe('CaseClosed');
  });

  it('archive-dossier: accepted only once the case is closed, and only once', () => {
    const decided: [CaseEventBody, string][] = [
      ...decidedNoPenalty(),
      [{ type: 'InterferenceAttested', data: { officerId: 'o2', complete: true } }, at('2026-09-03')],
    ];
    const archive = { name: 'archive-dossier', body: {} } as const;
    const headEnv = env(at('2026-09-04'), 'head', ['head']);
    const open = when(given(...decided), archive, headEnv);
    expect(open.ok || open.refusal).toMatchObject({ kind: 'not_allowed', stage: 'decided' });
    const closed = given(...decided, [{ type: 'CaseClosed', data: {} }, at('2026-09-04')]);
    expect(allowedCommands(closed)).toContain('archive-dossier');
    const archived = when(closed, archive, headEnv);
    expect(archived.ok && archived.events).toEqual([
      { type: 'DossierArchived', data: { sha256: 'ab'.repeat(32), revision: 0, anchor: null, pages: 1 } },
    ]);
    const once = given(
      ...decided,
      [{ type: 'CaseClosed', data: {} }, at('2026-09-04')],
      [archived.ok ? archived.events[0] : opened, at('2026-09-04')],
    );
    expect(caseStage(once)).toBe('closed');
    expect(once.context.archivedDossier).toMatchObject({ revision: 0, pages: 1 });
    expect(allowedCommands(once)).not.toContain('archive-dossier');
    expect(when(once, archive, headEnv)).toMatchObject({ ok: false, refusal: { kind: 'not_allowed', stage: 'closed' } });
  });

  it('attest-interference-record: only a handling officer may attest', () => {
    const d = when(
      given([opened, at('2026-09-01')]),
      { name: 'attest-interference-record', body: { complete: true } },
      env(at('2026-09-02'), 'head', ['head']),
    );
    expect(d.ok || d.refusal).toMatchObject({ violations: [{ rule: 'attestingUserIsHandlingOfficer' }] });
  });

  it('refuses a working-day deadline in a year without calendar data, naming the year', () => {
    const { events } = inReview(1000, at('2026-09-11'));
    const late = when(
      given(...events.slice(0, 3)),
      { name: 'issue-penalty-notice', body: { proposedPenalties: [{ kind: 'fine', amountYuan: 1000 }], legalBasis: ['b'] } },
      env(at('2026-12-29')),
    );
    expect(late.ok || late.refusal).toMatchObject({
      violations: [{ rule: 'calendarCoversPeriod', detail: expect.stringContaining('2027') }],
    });
  });

  it('decide: a fine outside the discretion benchmark needs a written justification and an approved legality review', () => {
    const { events } = inReview(30_000, at('2026-09-11'));
    const waived: CaseEventBody = { type: 'RightsWaived', data: { rights: ['statement', 'hearing'] } };
    const s = given(...events, [waived, at('2026-09-11')]);
    const decideFine = (amountYuan: number, justification?: string) =>
      when(
        s,
        {
          name: 'decide',
          body: {
            outcome: 'penalty',
            penalties: [{ kind: 'fine', amountYuan }],
            legalBasis: ['安全生产法 Art. 99'],
            violationCode: 'AQ-99',
            discretionLevel: 'general',
            ...(justification ? { justification } : {}),
          },
        },
        env(at('2026-09-15'), 'head', ['head']),
      );
    // AQ-99 / general: ¥10,000–25,000 in the sample benchmark; ¥30,000 is outside.
    const outside = decideFine(30_000);
    expect(outside.ok || outside.refusal).toMatchObject({
      violations: expect.arrayContaining([
        expect.objectContaining({ rule: 'fineWithinDiscretionBenchmark', detail: 'AQ-99/general: 30000 ∉ [10000, 25000]' }),
      ]),
    });
    const inside = decideFine(20_000);
    expect(inside.ok || (inside.refusal as any).violations.map((v: any) => v.rule)).not.toContain('fineWithinDiscretionBenchmark');
  });
});
