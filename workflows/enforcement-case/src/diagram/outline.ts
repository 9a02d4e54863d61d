import { AnyStateNode } from 'xstate';
import { enforcementCaseMachine } from '../enforcement-case.machine';

/** One state of the machine as a picture needs it: names, children, and where its events lead. */
export interface StateOutline {
  /** The state's path joined by dots, e.g. `procedure.open.review.noticeServed` (as in `activeStateIds`). */
  id: string;
  key: string;
  zh: string;
  en: string;
  /** Children run side by side (a parallel state) rather than one after another. */
  parallel: boolean;
  states: StateOutline[];
  /** The ids of the states this state's own events lead to (self-transitions and history targets left out). */
  next: string[];
}

const idOf = (node: AnyStateNode) => node.path.join('.');

function outlineOf(node: AnyStateNode): StateOutline {
  const meta = (node.meta ?? {}) as { zh?: string; en?: string };
  const next = new Set<string>();
  for (const transitions of node.transitions.values())
    for (const t of transitions)
      for (const target of t.target ?? []) {
        // A history state stands for "where the case was": its parent is the state a reader sees.
        const shown = target.type === 'history' ? target.parent! : target;
        if (shown !== node) next.add(idOf(shown));
      }
  return {
    id: idOf(node),
    key: node.key,
    zh: meta.zh ?? node.key,
    en: meta.en ?? node.key,
    parallel: node.type === 'parallel',
    states: (Object.values(node.states) as AnyStateNode[]).filter((c) => c.type !== 'history').map(outlineOf),
    next: [...next],
  };
}

/**
 * The machine's regions (办案程序 and the tracks beside it: 办案期限, 整改复查, 查封扣押) with their states, read from
 * the machine itself so a picture of it cannot drift. The console's build writes it as JSON for the case page.
 */
export function enforcementCaseOutline(): StateOutline[] {
  return outlineOf(enforcementCaseMachine.root as AnyStateNode).states;
}
