/** The commands' types, derived from the registry (each command is declared once, in its family's file). */
export type {
  CaseCommand,
  CommandBodies,
  CommandBody,
  CommandOf,
  CommandName,
  SystemCommandName,
  UploadCommandName,
  UserCommandName,
} from './commands/registry';
export { COMMAND_NAMES, COMMANDS, commandSpec, isSystemCommand, isUploadCommand } from './commands/registry';
export type { CaseAt, CaseRelation, CommandSpec, CommandSpecs, Role, Who } from './commands/command-spec';
export { ISSUED_WITH, followUpsOf } from './commands/follow-ups';
