import { ActorScope, createActor, getNextTransitions, initialTransition, SnapshotFrom } from 'xstate';
import { COMMAND_NAMES, COMMANDS, CommandName, isSystemCommand } from './case-commands';
import { evolveCaseContext } from './case-context';
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

type AnyNode = CaseSnapshot['_nodes'][number];
const recordOnly = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether, in this state, the event's only enabled transition is a targetless, unguarded `apply` — a record that
 * changes the context and no state (interference records, remedies, payments, the scheduler's records). Then
 * xstate's macrostep reduces to the assign: no exit, no entry, no eventless transition (the machine has none), so
 * the fold applies the context change itself — the same snapshot (fold.spec.ts compares every step with xstate's),
 * several times faster, which is what replaying a long case costs (timeline replay, docs/supervision.md §1).
 * Memoised per configuration of active state nodes and event type: acceptance depends on the state alone.
 */
function isRecordOnly(snapshot: CaseSnapshot, type: string): boolean {
  let byType = recordOnly.get(snapshot._nodes);
  if (!byType) recordOnly.set(snapshot._nodes, (byType = recordOnlyByValue(snapshot)));
  let known = byType.get(type);
  if (known === undefined) byType.set(type, (known = onlyApplyIn(snapshot._nodes, type)));
  return known;
}

/** Snapshots with equal values share one memo, whatever their node arrays. */
const memoByValue = new Map<string, Map<string, boolean>>();
function recordOnlyByValue(snapshot: CaseSnapshot): Map<string, boolean> {
  const key = JSON.stringify(snapshot.value);
  let memo = memoByValue.get(key);
  if (!memo) memoByValue.set(key, (memo = new Map<string, boolean>()));
  return memo;
}

function onlyApplyIn(nodes: AnyNode[], type: string): boolean {
  const selected = new Set<unknown>();
  for (const atomic of nodes.filter((n) => n.type === 'atomic')) {
    for (let node: AnyNode | undefined = atomic; node; node = node.parent) {
      if (node.always?.length || node.transitions.has('*')) return false;
      const candidates = node.transitions.get(type);
      if (!candidates?.length) continue;
      const [first] = candidates;
      if (first.guard) return false;
      selected.add(first);
      break;
    }
  }
  if (selected.size !== 1) return false;
  const [only] = selected as Set<{ target?: unknown[]; actions: unknown[]; reenter?: boolean }>;
  return !only.target?.length && !only.reenter && only.actions.length === 1 && only.actions[0] === 'apply';
}

const withContext = (snapshot: CaseSnapshot, context: CaseSnapshot['context']): CaseSnapshot => ({ ...snapshot, context });

function step(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  if (isRecordOnly(snapshot, event.type)) return withContext(snapshot, evolveCaseContext(snapshot.context, event));
  return enforcementCaseMachine.transition(snapshot, event, inertScope as never);
}

export function initialCaseSnapshot(): CaseSnapshot {
  return INITIAL;
}

/**
 * Folds stored events onto a snapshot with the machine's pure `transition` (no actor, no side effects). A run of
 * records that change no state (see isRecordOnly) folds into the context alone, one snapshot at the end of the run.
 */
export function foldCaseEvents(events: Iterable<CaseEvent>, from: CaseSnapshot = INITIAL): CaseSnapshot {
  let snapshot = from;
  let pending: CaseSnapshot['context'] | null = null;
  for (const event of events) {
    if (isRecordOnly(snapshot, event.type)) {
      pending = evolveCaseContext(pending ?? snapshot.context, event);
      continue;
    }
    if (pending) snapshot = withContext(snapshot, pending);
    pending = null;
    snapshot = enforcementCaseMachine.transition(snapshot, event, inertScope as never);
  }
  return pending ? withContext(snapshot, pending) : snapshot;
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
    for (const t of getNextTransitions(snapshot)) (t.guard ? guarded : accepted).add(t.eventType as string);
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
  return COMMAND_NAMES.filter((c) => c !== 'open-case' && !isSystemCommand(c) && COMMANDS[c].emits.some((t) => accepted.has(t)));
}

export function caseStage(snapshot: CaseSnapshot): Stage | null {
  return stageOf(snapshot.value);
}
