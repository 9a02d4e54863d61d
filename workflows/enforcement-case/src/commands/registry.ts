import { CommandSpec } from './command-spec';
import { CLOSING_COMMANDS, ClosingBodies } from './closing.commands';
import { COURT_ENFORCEMENT_COMMANDS, CourtEnforcementBodies } from './court-enforcement.commands';
import { DEADLINE_COMMANDS, DeadlineBodies } from './deadline.commands';
import { DOCUMENT_COMMANDS, DocumentBodies } from './document.commands';
import { EVIDENCE_FILE_COMMANDS, EvidenceFileBodies } from './evidence-file.commands';
import { EXECUTION_COMMANDS, ExecutionBodies } from './execution.commands';
import { FILING_COMMANDS, FilingBodies } from './filing.commands';
import { HANDLING_CLOCK_COMMANDS, HandlingClockBodies } from './handling-clock.commands';
import { HEARING_COMMANDS, HearingBodies } from './hearing.commands';
import { INVESTIGATION_COMMANDS, InvestigationBodies } from './investigation.commands';
import { RECTIFICATION_COMMANDS, RectificationBodies } from './rectification.commands';
import { REFERRAL_COMMANDS, ReferralBodies } from './referral.commands';
import { REMEDY_COMMANDS, RemedyBodies } from './remedy.commands';
import { REVIEW_COMMANDS, ReviewBodies } from './review.commands';
import { SEIZURE_COMMANDS, SeizureBodies } from './seizure.commands';
import { SUPERVISION_COMMANDS, SupervisionBodies } from './supervision.commands';

/** The one union of command bodies, family by family. */
export interface CommandBodies
  extends
    FilingBodies,
    InvestigationBodies,
    EvidenceFileBodies,
    ReviewBodies,
    HearingBodies,
    ExecutionBodies,
    RemedyBodies,
    HandlingClockBodies,
    ReferralBodies,
    RectificationBodies,
    SeizureBodies,
    CourtEnforcementBodies,
    ClosingBodies,
    SupervisionBodies,
    DocumentBodies,
    DeadlineBodies {}

export type CommandName = keyof CommandBodies;
/** One command's body (a DTO `implements CommandBody<'approve-filing'>`, so a drift fails to compile). */
export type CommandBody<K extends CommandName> = CommandBodies[K];
export type CaseCommand = { [K in CommandName]: { name: K; body: CommandBodies[K] } }[CommandName];
/** A command of the given name(s), its body typed by the name (a union of bodies for a union of names). */
export type CommandOf<K extends CommandName = CommandName> = { name: K; body: CommandBodies[K] };

/** Every command, by name: a family left out here, or a command without its spec, fails to compile. */
export const COMMANDS: { readonly [K in CommandName]: CommandSpec<CommandBodies[K]> } = {
  ...FILING_COMMANDS,
  ...INVESTIGATION_COMMANDS,
  ...EVIDENCE_FILE_COMMANDS,
  ...REVIEW_COMMANDS,
  ...HEARING_COMMANDS,
  ...EXECUTION_COMMANDS,
  ...REMEDY_COMMANDS,
  ...HANDLING_CLOCK_COMMANDS,
  ...REFERRAL_COMMANDS,
  ...RECTIFICATION_COMMANDS,
  ...SEIZURE_COMMANDS,
  ...COURT_ENFORCEMENT_COMMANDS,
  ...CLOSING_COMMANDS,
  ...SUPERVISION_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...DEADLINE_COMMANDS,
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The spec of one command, typed by its name. */
export function commandSpec<K extends CommandName>(name: K): CommandSpec<CommandBodies[K]> {
  return COMMANDS[name];
}

/** The system's own commands (the deadline scheduler's); every other command is a user's. */
export type SystemCommandName = keyof DeadlineBodies;
/** Commands whose body the API makes from an uploaded file's bytes: issued by users, but never as a JSON body. */
export type UploadCommandName = keyof EvidenceFileBodies;
/** Commands a user issues with a JSON body (each has its DTO and its route under /commands). */
export type UserCommandName = Exclude<CommandName, SystemCommandName | UploadCommandName>;

/** Commands the system issues itself; never offered to users nor accepted over HTTP. */
export const isSystemCommand = (name: CommandName): boolean => COMMANDS[name].who === 'system';

/** Commands taken by an upload route (docs/evidence-files.md), not by a command form. */
export const isUploadCommand = (name: CommandName): boolean => name in EVIDENCE_FILE_COMMANDS;
