import { CalendarYearNotCoveredError } from '@app/calendar';
import { CommandOf, CommandName, commandSpec, isSystemCommand } from '../case-commands';
import { CaseEventBody } from '../case-events';
import { acceptedEventTypes, allowedCommands, caseStage, CaseSnapshot } from '../fold';
import { NoRulesVersionError } from '../rules/rules-version';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { ArchivedDossier, CommandOutcome, DecisionEnv, DocumentNumber, IssuedDocument, NumberKind } from './decision-env';
export type Refusal =
  | { kind: 'not_allowed'; command: CommandName; stage: string | null; allowedCommands: CommandName[] }
  | { kind: 'legal_conditions'; command: CommandName; violations: RuleViolation[] };

/** Passed: the events, or (for a numbered document) the events once the engine has taken its number. */
export type Decision =
  | { ok: true; events: CaseEventBody[] }
  | { ok: true; numbered: NumberKind; events: (number: DocumentNumber) => CaseEventBody[] }
  | { ok: true; issue: string; events: (document: IssuedDocument) => CaseEventBody[] }
  | { ok: true; archive: 'dossier'; events: (dossier: ArchivedDossier) => CaseEventBody[] }
  | { ok: false; refusal: Refusal };

/** The command's own decider, typed by its name. */
function run<K extends CommandName>(snapshot: CaseSnapshot, caseId: string, command: CommandOf<K>, env: DecisionEnv): CommandOutcome {
  return commandSpec(command.name).decide(snapshot.context, command.body, env, { caseId, stage: caseStage(snapshot) });
}

/**
 * Decides a command against a folded case: 409-style refusal when the state does not accept it, 422-style
 * refusal listing every unmet legal condition, otherwise the events to append. Pure: time, actor, ids and
 * rules arrive in `env`.
 */
export function decideCommand(snapshot: CaseSnapshot, caseId: string, command: CommandOf, env: DecisionEnv): Decision {
  const isNew = caseStage(snapshot) === null;
  const allowed = isNew ? (['open-case'] as CommandName[]) : allowedCommands(snapshot);
  const systemAllowed =
    !isNew && isSystemCommand(command.name) && commandSpec(command.name).emits.some((t) => acceptedEventTypes(snapshot).has(t));
  if (!allowed.includes(command.name) && !systemAllowed) {
    return { ok: false, refusal: { kind: 'not_allowed', command: command.name, stage: caseStage(snapshot), allowedCommands: allowed } };
  }
  let outcome: CommandOutcome;
  try {
    outcome = run(snapshot, caseId, command, env);
  } catch (e) {
    if (e instanceof CalendarYearNotCoveredError) outcome = { violations: [violation('calendarCoversPeriod', e.message)] };
    else if (e instanceof NoRulesVersionError) outcome = { violations: [violation('rulesVersionInForce', e.message)] };
    else throw e;
  }
  if ('violations' in outcome)
    return { ok: false, refusal: { kind: 'legal_conditions', command: command.name, violations: outcome.violations } };
  return { ok: true, ...outcome };
}
