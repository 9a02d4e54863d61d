import { AnyStateNode, transition } from 'xstate';
import { CaseEvent } from './case-events';
import { enforcementCaseMachine } from './enforcement-case.machine';
import { foldCaseEvents, initialCaseSnapshot } from './fold';
import { opened } from './testing/given-when-then';

const at = '2026-09-01T10:00:00+08:00';
const ev = (type: string, data: unknown) => ({ type, data, meta: { actorId: 'o1', occurredAt: at, recordedAt: at } }) as CaseEvent;
const trunk: CaseEvent[] = [
  ev(opened.type, opened.data),
  ev('CaseFiled', { caseNo: 'N', rulesVersion: 'r', deadlines: [] }),
  ev('EvidenceRecorded', { evidenceId: 'e', kind: 'photo', title: 't', officerIds: ['o1'], contentHash: 'h' }),
  ev('InvestigationConcluded', { findings: 'f', proposedOutcome: 'penalty', legalBasis: ['b'] }),
  ev('PenaltyNoticeServed', {
    proposedPenalties: [{ kind: 'fine', amountYuan: 100 }],
    legalBasis: ['b'],
    hearingRight: false,
    rulesVersion: 'r',
    deadlines: [],
  }),
  ev('RightsWaived', { rights: ['statement'] }),
  ev('PenaltyDecided', {
    decisionNo: 'D',
    outcome: 'penalty',
    penalties: [{ kind: 'fine', amountYuan: 100 }],
    legalBasis: ['b'],
    rulesVersion: 'r',
    deadlines: [],
  }),
  ev('DecisionServed', { method: 'direct', rulesVersion: 'r', deadlines: [] }),
  ev('PaymentRecorded', { amountYuan: 100, receiptNo: 'r', paidTotalYuan: 100 }),
  ev('PenaltyExecuted', { via: 'payment' }),
  ev('InterferenceAttested', { officerId: 'o1', complete: true }),
  ev('InterferenceAttested', { officerId: 'o2', complete: true }),
  ev('CaseClosed', {}),
  ev('DossierArchived', { sha256: 'ab'.repeat(32), revision: 12, anchor: null, pages: 20 }),
  ev('InterferenceRecorded', {
    recordId: 'i',
    intervener: { name: 'n', unit: 'u', post: 'p', relation: 'other' },
    means: 'phone',
    content: 'c',
    handling: 'h',
  }),
];

describe('fold', () => {
  it('gives, event by event, exactly what xstate’s public transition() gives', () => {
    let expected = initialCaseSnapshot();
    let actual = initialCaseSnapshot();
    for (const e of trunk) {
      expected = transition(enforcementCaseMachine, expected, e)[0];
      actual = foldCaseEvents([e], actual);
      expect({ type: e.type, value: actual.value, context: actual.context, status: actual.status }).toEqual({
        type: e.type,
        value: expected.value,
        context: expected.context,
        status: expected.status,
      });
    }
    expect(actual.value).toEqual({ procedure: { closed: 'archived' }, clock: 'running', rectification: 'none', seizure: 'none' });
  });

  it('decides acceptance from the state value alone: a guard that reads context always has an unguarded fallback', () => {
    const STATE_ONLY = new Set(['duringInvestigationOrReview', 'fromInvestigationToExecution', 'beforeDecision', 'filed']);
    const problems: string[] = [];
    const visit = (node: AnyStateNode) => {
      for (const [event, transitions] of node.transitions) {
        const contextGuarded = transitions.filter(
          (t) => t.guard && !STATE_ONLY.has(typeof t.guard === 'string' ? t.guard : (t.guard as { type: string }).type),
        );
        if (contextGuarded.length && !transitions.some((t) => !t.guard)) problems.push(`${node.id}:${event}`);
      }
      Object.values(node.states).forEach((child) => visit(child as AnyStateNode));
    };
    visit(enforcementCaseMachine.root as AnyStateNode);
    expect(problems).toEqual([]);
  });
});
