import { CaseContext } from '../case-context';
import { CaseEventType } from '../case-events';
import { CommandOutcome, DecisionEnv } from '../decide/decision-env';
import { Stage } from '../stage';
import type { CommandName } from './registry';

/** The roles a person may hold; jurisdiction is checked by the API's policy. */
export type Role = 'officer' | 'head' | 'legal_reviewer' | 'supervisor' | 'discipline' | 'admin';

/** A relation to the case some steps require of the person taking them. */
export type CaseRelation = 'handlingOfficer' | 'presidingOfficer';

/**
 * Who may issue a command: people holding one of the roles (and, where named, standing in a relation to the case);
 * `any` user of the case's agency or above it (干预记录); or only the system itself (never offered over HTTP).
 */
export type Who = { roles: readonly Role[]; relation?: CaseRelation } | 'any' | 'system';

/** Where the command lands: the case's id and the stage it is in (null before it is opened). */
export interface CaseAt {
  caseId: string;
  stage: Stage | null;
}

/** One command: everything about it but its HTTP body schema, which the API declares against `B`. */
export interface CommandSpec<B> {
  /** 中文摘要 for the API document, the role named in English in parentheses. */
  summary: string;
  /**
   * The events it may produce; it is allowed in a state when the machine accepts one of them there (the legal
   * conditions are checked afterwards, giving 422 rather than 409).
   */
  emits: readonly CaseEventType[];
  who: Who;
  /** Pure: the case, the body and the env in, the events (or every unmet legal condition) out. */
  decide: (ctx: CaseContext, body: B, env: DecisionEnv, at: CaseAt) => CommandOutcome;
  /**
   * A step (with an empty body) the engine takes right after this one succeeds, by the same person, when the case then
   * allows it; a refusal of it leaves this one standing (the step can be taken again on its own).
   */
  followedBy?: CommandName;
}

/** A family's commands, each with the body its `Bodies` interface names. */
export type CommandSpecs<Bodies> = { [K in keyof Bodies]: CommandSpec<Bodies[K]> };
