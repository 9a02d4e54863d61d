/** The commands' types, derived from the registry (each command is declared once, in its family's file). */
export { CaseCommand, CommandBodies, CommandBody, CommandOf, CommandName, COMMAND_NAMES, COMMANDS, commandSpec, isSystemCommand, SystemCommandName, UserCommandName } from './commands/registry';
export { CaseAt, CaseRelation, CommandSpec, CommandSpecs, Role, Who } from './commands/command-spec';
