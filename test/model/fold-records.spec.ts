import { transition } from 'xstate';
import {
  CaseEvent,
  CaseEventType,
  CaseSnapshot,
  enforcementCaseMachine,
  foldCaseEvents,
  initialCaseSnapshot,
} from '@workflows/enforcement-case';
import { SAMPLE_EVENTS } from './sample-events';
import { transitionPlans } from './transition-plans';

/**
 * The fold applies a record that changes no state (a targetless `apply`) as a context update without xstate's
 * macrostep, and folds a run of them into one snapshot (fold.ts). Every plan of the model (one per transition of
 * the machine), with each of its events repeated three times where the machine accepts that, must fold to exactly
 * what xstate's public `transition()` gives, event by event.
 */
const byType = new Map(SAMPLE_EVENTS.map((e) => [e.type, e]));
const xstateFold = (events: CaseEvent[]) =>
  events.reduce((s: CaseSnapshot, e) => transition(enforcementCaseMachine, s, e)[0], initialCaseSnapshot());
const comparable = (s: CaseSnapshot) => ({ value: s.value, context: s.context, status: s.status, historyValue: s.historyValue });

describe('fold of records that change no state', () => {
  const plans = [...transitionPlans().entries()];

  it.each(plans)('%s: the fast fold equals xstate, step by step and in runs', (_key, types) => {
    const events: CaseEvent[] = [];
    for (const type of types as CaseEventType[]) {
      const e = byType.get(type)!;
      events.push(e);
      // Repeat it while the machine stays where it is and accepts it again (a run of records).
      const after = xstateFold(events);
      if (after.can(e) && JSON.stringify(transition(enforcementCaseMachine, after, e)[0].value) === JSON.stringify(after.value))
        events.push(e, e);
    }
    let stepwise = initialCaseSnapshot();
    let expected = initialCaseSnapshot();
    for (const e of events) {
      stepwise = foldCaseEvents([e], stepwise);
      expected = transition(enforcementCaseMachine, expected, e)[0];
      expect(comparable(stepwise)).toEqual(comparable(expected));
    }
    expect(comparable(foldCaseEvents(events))).toEqual(comparable(expected));
  });

  it('covers runs of records (the fast path is exercised, not bypassed)', () => {
    const interference = byType.get('InterferenceRecorded')!;
    const opened = foldCaseEvents([byType.get('CaseOpened')!, byType.get('CaseFiled')!]);
    const run = foldCaseEvents([interference, interference, interference], opened);
    // The fast path keeps the node configuration of the state it started from; xstate's macrostep builds a new one.
    expect(run._nodes).toBe(opened._nodes);
    expect(run.context.interferenceRecords.count).toBe(3);
  });
});
