import { getNextTransitions } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { CaseEventType, enforcementCaseMachine } from '@workflows/enforcement-case';
import { SAMPLE_EVENTS } from './sample-events';

/**
 * Paths over the machine (xstate/graph): the shortest path to every state value, extended by every transition that
 * leaves it; one plan per transition, keyed `<source state id>:<event type>`.
 */
export function transitionPlans(): Map<string, CaseEventType[]> {
  const paths = getShortestPaths(enforcementCaseMachine, { events: SAMPLE_EVENTS, serializeState: (s) => JSON.stringify(s.value) });
  // Some transitions need a particular history: the scheduler's records a deadline to expire (a served penalty
  // notice opens the statement, hearing-request and handling deadlines; a seizure its term), publication a penalty,
  // an issued document a filed case.
  const lastIs = (type: string) => (prefix: string[]) => prefix[prefix.length - 1] === type;
  const PLAN_AFTER: Record<string, (prefix: string[]) => boolean> = {
    DeadlineMissed: lastIs('PenaltyNoticeServed'),
    StatementPeriodEnded: lastIs('PenaltyNoticeServed'),
    HearingRequestPeriodEnded: lastIs('PenaltyNoticeServed'),
    SeizureTermExpired: lastIs('SeizureImposed'),
    DecisionPublished: (prefix) => prefix.includes('PenaltyDecided'), // only a penalty decision is published
    DocumentIssued: (prefix) => prefix.includes('CaseFiled'), // the first document is the 立案审批表
  };
  const plans = new Map<string, CaseEventType[]>();
  for (const path of paths) {
    const prefix = path.steps.map((s) => s.event.type as string).filter((t) => t !== 'xstate.init') as CaseEventType[];
    // A guarded transition is only plannable where its guard holds.
    for (const transition of getNextTransitions(path.state).filter((t) => !t.guard || path.state.can({ type: t.eventType } as never))) {
      const key = `${transition.source.id}:${transition.eventType}`;
      const plannable = PLAN_AFTER[transition.eventType];
      if (plannable && !plannable(prefix)) continue;
      if (!plans.has(key)) plans.set(key, [...prefix, transition.eventType as CaseEventType]);
    }
  }
  return plans;
}
