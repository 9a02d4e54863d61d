import { AnyStateNode, getNextTransitions } from 'xstate';
import { toCaseEvent } from '@app/case-engine';
import { CaseSnapshot, enforcementCaseMachine, foldCaseEvents, initialCaseSnapshot } from '@workflows/enforcement-case';
import { CaseRealizer } from './case-realizer';
import { transitionPlans } from './transition-plans';

/** Every transition of the machine, as `<source state id>:<event type>`. */
function allTransitions(): string[] {
  const keys: string[] = [];
  const visit = (node: AnyStateNode) => {
    for (const [event, transitions] of node.transitions) for (const t of transitions) keys.push(`${t.source.id}:${event}`);
    Object.values(node.states).forEach((child) => visit(child as AnyStateNode));
  };
  visit(enforcementCaseMachine.root as AnyStateNode);
  return [...new Set(keys)];
}

/** The transition the machine takes for an event (no guards: the innermost state that handles it). */
function taken(snapshot: CaseSnapshot, type: string): string | undefined {
  const t = getNextTransitions(snapshot).find((x) => x.eventType === type && (!x.guard || snapshot.can({ type } as never)));
  return t && `${t.source.id}:${type}`;
}

/**
 * Model-based tests (xstate/graph): the shortest path to every state, extended by every transition leaving it,
 * each driven through the real engine as commands (with the legal preconditions the realizer adds). Coverage is
 * counted on the events the engine actually stored, folded through the machine.
 */
describe('model-based: every transition of the machine, driven through the engine', () => {
  const total = allTransitions();
  const covered = new Set<string>();
  const realizer = new CaseRealizer();

  afterAll(() => {
    const missing = total.filter((t) => !covered.has(t));
    process.stdout.write(
      `\ntransition coverage (model-based, through the engine): ${covered.size}/${total.length} = ${((100 * covered.size) / total.length).toFixed(1)}%` +
        (missing.length ? `; not taken: ${missing.join(', ')}` : '') +
        '\n',
    );
  });

  const plans = transitionPlans();

  it('plans a path for every transition', () => {
    expect([...plans.keys()].sort()).toEqual([...total].sort());
  });

  it.each([...plans.entries()])('%s', async (_key, types) => {
    const caseId = await realizer.realize(types);
    let snapshot = initialCaseSnapshot();
    const stored = await realizer.store.readStream(`case-${caseId}`);
    for (const e of stored) {
      const key = taken(snapshot, e.type);
      expect(key).toBeDefined();
      covered.add(key!);
      snapshot = foldCaseEvents([toCaseEvent(e)], snapshot);
    }
    // The planned path is in the engine's history, in order (among the events its preconditions added).
    let next = 0;
    for (const e of stored) if (e.type === types[next]) next++;
    expect(types.slice(next)).toEqual([]);
  });

  it('covers 100% of the transitions', () => {
    expect(total.filter((t) => !covered.has(t))).toEqual([]);
  });
});
