import { Body, Controller, HttpCode, Param, Post, Req, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Actor } from '@app/case-engine';
import { COMMANDS, UserCommandName } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { Access } from '../auth/access.decorator';
import { HttpResult } from '../http/http-result';
import { CaseCommandsService, CommandResponse } from './case-commands.service';
import { COMMAND_DTOS } from './command-bodies';
import { CommandResponseDto } from './dto/case-event.response';
import { uuidPipe } from './cases.controller';

/** What a step on a case answers: the case and its new events, or a problem (application/problem+json). */
const RESPONSES: [number, string][] = [
  [200, '案件视图与本次写入的事件 (the case as it now stands and the events written)'],
  [400, '请求参数无效 (invalid body or occurredAt, naming each field)'],
  [403, '无权操作 (role, jurisdiction, case relation or certificate; judged before the body is validated)'],
  [404, '未找到案件 (no such case)'],
  [409, '当前阶段不允许该操作 (not allowed in the case’s stage; lists the allowed commands)'],
  [412, '案件已变化 (If-Match names an older revision)'],
  [422, '不符合法定条件 (legal conditions not met; lists every violation)'],
];

/**
 * `POST /api/v1/cases/{caseId}/commands/{command}` — one route per command of the registry, each with its DTO's
 * OpenAPI schema, its summary and the action it performs; an unknown command is a 404. The body reaches the engine
 * as received: the engine authorizes the step against the case it loads, then validates the body.
 */
@ApiTags('commands 办案操作')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry returns the first response and writes nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: '"<revision>": 412 when the case has moved on' })
@Controller('cases/:caseId/commands')
export class CaseCommandsController {
  constructor(readonly commands: CaseCommandsService) {}
}

type CommandRoute = (
  this: CaseCommandsController,
  caseId: string,
  body: unknown,
  actor: Actor,
  req: FastifyRequest,
) => Promise<HttpResult<CommandResponse>>;

/** Adds the route of one command to the controller: a method named after it (its OpenAPI operationId), decorated. */
function addCommandRoute(name: Exclude<UserCommandName, 'open-case'>): void {
  const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const route: CommandRoute = function (caseId, body, actor, req) {
    return this.commands.run(caseId, name, body, actor, req);
  };
  Object.defineProperty(route, 'name', { value: key });
  const proto: object = CaseCommandsController.prototype;
  Object.defineProperty(proto, key, { value: route, writable: true, configurable: true });
  // What the compiler records for a declared method: the path parameter is a string, the body is taken as received.
  Reflect.defineMetadata('design:paramtypes', [String, Object, Object, Object], proto, key);
  Param('caseId', uuidPipe)(proto, key, 0);
  Body()(proto, key, 1);
  CurrentActor()(proto, key, 2);
  Req()(proto, key, 3);
  applyDecorators(
    Post(name),
    HttpCode(200),
    Access(`command:${name}`, 'engine'),
    ApiOperation({ summary: COMMANDS[name].summary }),
    ApiBody({ type: COMMAND_DTOS[name] }),
    ...RESPONSES.map(([status, description]) =>
      ApiResponse({ status, description, ...(status === 200 ? { type: CommandResponseDto } : {}) }),
    ),
  )(proto, key, Object.getOwnPropertyDescriptor(proto, key));
}

for (const name of Object.keys(COMMAND_DTOS) as UserCommandName[]) if (name !== 'open-case') addCommandRoute(name);
