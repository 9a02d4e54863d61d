import { COMMAND_NAMES, COMMANDS, CommandName } from './case-commands';
import { enforcementCaseMachine } from './enforcement-case.machine';
import { STAGES, Stage } from './stage';

/**
 * Who a case in some stage is waiting for, as the desk reads "cases awaiting me": the handling officers, the head or
 * the legal reviewer of the case's agency (or of the agency that entrusted it), or the hearing's presiding officer.
 */
export type Awaited = 'handlingOfficer' | 'head' | 'legalReviewer' | 'presidingOfficer';

/** Who a command waits for: officers' work waits for the case's own handling officers (行政处罚法第四十二条). */
function awaitedBy(command: CommandName): Awaited[] {
  const who = COMMANDS[command].who;
  if (who === 'any' || who === 'system') return [];
  if (who.relation === 'presidingOfficer') return ['presidingOfficer'];
  return who.roles.flatMap((r): Awaited[] =>
    r === 'officer' ? ['handlingOfficer'] : r === 'head' ? ['head'] : r === 'legal_reviewer' ? ['legalReviewer'] : [],
  );
}

type Node = { transitions: Map<string, unknown>; states: Record<string, Node> };

/** Every event type a state node or a node within it has a transition for. */
function eventTypesWithin(node: Node, into = new Set<string>()): Set<string> {
  for (const type of node.transitions.keys()) into.add(type);
  for (const child of Object.values(node.states)) eventTypesWithin(child, into);
  return into;
}

/**
 * The commands a stage's own states accept (from the machine): the steps of the procedure that wait in that stage.
 * Left out: what any open stage accepts (督办 and its reply, 干预记录, the scheduler's records) and the parallel tracks
 * (the handling clock, rectification, seizure) — those are not steps a stage waits for; their deadlines are in the
 * open-deadlines read model and the 督办 notice shows on the desk by itself.
 */
export const STAGE_COMMANDS: Readonly<Record<Stage, readonly CommandName[]>> = (() => {
  const procedure = (enforcementCaseMachine.root.states.procedure as unknown as Node).states;
  const nodeOf = (stage: Stage): Node => procedure.open.states[stage] ?? procedure[stage];
  const out = {} as Record<Stage, CommandName[]>;
  for (const stage of Object.keys(STAGES) as Stage[]) {
    const accepted = eventTypesWithin(nodeOf(stage));
    out[stage] = COMMAND_NAMES.filter((c) => c !== 'open-case' && COMMANDS[c].emits.some((t) => accepted.has(t)));
  }
  return out;
})();

/** The stages in which a case waits for this party (some step of the stage belongs to it). */
export function stagesAwaiting(party: Awaited): Stage[] {
  return (Object.keys(STAGE_COMMANDS) as Stage[]).filter((s) => STAGE_COMMANDS[s].some((c) => awaitedBy(c).includes(party)));
}
