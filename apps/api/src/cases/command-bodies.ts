import { Injectable, Type, ValidationPipe } from '@nestjs/common';
import { CommandBodyParser } from '@app/case-engine';
import { CommandBody, CommandName, UserCommandName } from '@workflows/enforcement-case';
import { CommandBodyDto } from './dto/common.dto';
import { DECISION_FOLLOW_UP_DTOS } from './dto/decision-follow-up.dto';
import { DOCUMENT_DTOS } from './dto/document.dto';
import { ENFORCEMENT_MEASURES_DTOS } from './dto/enforcement-measures.dto';
import { HANDLING_CLOCK_DTOS } from './dto/handling-clock.dto';
import { HEARING_DTOS } from './dto/hearing.dto';
import { INTERFERENCE_DTOS } from './dto/interference.dto';
import { OPEN_CASE_DTOS } from './dto/open-case.dto';
import { RECTIFICATION_DTOS } from './dto/rectification.dto';
import { REFERRAL_DTOS } from './dto/referral.dto';
import { SUPERVISION_DTOS } from './dto/supervision.dto';
import { TRUNK_COMMANDS_DTOS } from './dto/trunk-commands.dto';
import { VALIDATION_OPTIONS } from '../problem/validation-problem';

/** A command's DTO: the body type it implements, and the envelope (occurredAt). */
export type CommandDto<K extends CommandName> = CommandBody<K> & CommandBodyDto;

/** Every command a user issues, with its DTO: a command in the registry without one fails to compile. */
export const COMMAND_DTOS: { readonly [K in UserCommandName]: Type<CommandDto<K>> } = {
  ...DECISION_FOLLOW_UP_DTOS,
  ...DOCUMENT_DTOS,
  ...ENFORCEMENT_MEASURES_DTOS,
  ...HANDLING_CLOCK_DTOS,
  ...HEARING_DTOS,
  ...INTERFERENCE_DTOS,
  ...OPEN_CASE_DTOS,
  ...RECTIFICATION_DTOS,
  ...REFERRAL_DTOS,
  ...SUPERVISION_DTOS,
  ...TRUNK_COMMANDS_DTOS,
};

/**
 * The engine's body parser: the command's DTO, validated as every other body is (400 naming each bad field). The
 * engine asks only once the step is authorized, so an unauthorised caller learns nothing from validation messages.
 */
@Injectable()
export class CommandBodyValidator implements CommandBodyParser {
  private readonly pipe = new ValidationPipe(VALIDATION_OPTIONS);

  async parse<K extends CommandName>(name: K, raw: unknown): Promise<CommandBody<K>> {
    if (!isUserCommand(name)) throw new Error(`${name} is not issued over HTTP`);
    const dto = (await this.pipe.transform(raw, { type: 'body', metatype: COMMAND_DTOS[name] })) as CommandDto<K>;
    // The envelope is the engine's (CommandRequest.occurredAt), not part of the body.
    delete dto.occurredAt;
    return dto;
  }
}

function isUserCommand(name: CommandName): name is UserCommandName {
  return name in COMMAND_DTOS;
}
