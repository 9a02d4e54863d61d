import { ActorScope, createActor, getNextTransitions, initialTransition, SnapshotFrom } from 'xstate';
import { COMMAND_EVENTS, COMMAND_NAMES, CommandName, SYSTEM_COMMANDS } from './case-commands';
import { CaseEvent, CaseEventType } from './case-events';
import { enforcementCaseMachine } from './enforcement-case.machine';
import { Stage, stageOf } from './stage';

export type CaseSnapshot = SnapshotFrom<typeof enforcementCaseMachine>;

const INITIAL: CaseSnapshot = initialTransition(enforcementCaseMachine)[0];

/**
 * xstate's `transition()` builds a throwaway actor (and its initial state) on every call, about 40 KB of garbage
 * per event on the command path. The machine has no side effects (only `assign`), so one inert scope, built the
 * same way, serves every transition: the same result without the garbage (see fold.spec.ts).
 */
const inertScope = (() => {
  const self = createActor(enforcementCaseMachine);
  const noop = () => undefined;
  return { self, id: '', sessionId: '', system: self.system, defer: noop, logger: noop, stopChild: noop, emit: noop, actionExecutor: noop };
})() as unknown as ActorScope<CaseSnapshot, CaseEvent>;

function step(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  return enforcementCaseMachine.transition(snapshot, event, inertScope as never);
}

export function initialCaseSnapshot(): CaseSnapshot {
  return INITIAL;
}

/** Folds stored events onto a snapshot with the machine's pure `transition` (no actor, no side effects). */
export function foldCaseEvents(events: Iterable<CaseEvent>, from: CaseSnapshot = INITIAL): CaseSnapshot {
  let snapshot = from;
  for (const event of events) snapshot = step(snapshot, event);
  return snapshot;
}

const acceptedCache = new WeakMap<CaseSnapshot, Set<string>>();
const acceptedByValue = new Map<string, Set<string>>();

/**
 * Event types the current state has a transition for. A guarded transition counts only when its guard holds;
 * the guards that decide acceptance look at the state value alone (stage conditions; every context guard has an
 * unguarded fallback — fold.spec.ts checks both), so the answer is memoised per state value.
 */
export function acceptedEventTypes(snapshot: CaseSnapshot): Set<string> {
  let accepted = acceptedCache.get(snapshot);
  if (accepted) return accepted;
  const key = JSON.stringify(snapshot.value);
  accepted = acceptedByValue.get(key);
  if (!accepted) {
    accepted = new Set<string>();
    const guarded = new Set<string>();
    for (const t of getNextTransitions(snapshot)) (t.guard ? guarded : accepted).add(t.eventType);
    for (const type of guarded) if (!accepted.has(type) && snapshot.can({ type } as CaseEvent)) accepted.add(type);
    acceptedByValue.set(key, accepted);
  }
  acceptedCache.set(snapshot, accepted);
  return accepted;
}

/** Folds events the machine must accept in turn; throws (a bug in a decider) on the first it does not. */
export function foldAccepted(events: Iterable<CaseEvent>, from: CaseSnapshot): CaseSnapshot {
  let snapshot = from;
  for (const event of events) {
    if (!accepts(snapshot, event.type)) throw new Error(`The machine does not accept ${event.type} in ${JSON.stringify(snapshot.value)}`);
    snapshot = step(snapshot, event);
  }
  return snapshot;
}

export function accepts(snapshot: CaseSnapshot, type: CaseEventType): boolean {
  return acceptedEventTypes(snapshot).has(type);
}

/** The commands the state allows: those whose events the machine accepts now. */
export function allowedCommands(snapshot: CaseSnapshot): CommandName[] {
  const accepted = acceptedEventTypes(snapshot);
  return COMMAND_NAMES.filter((c) => c !== 'open-case' && !SYSTEM_COMMANDS.has(c) && COMMAND_EVENTS[c].some((t) => accepted.has(t)));
}

export function caseStage(snapshot: CaseSnapshot): Stage | null {
  return stageOf(snapshot.value);
}
