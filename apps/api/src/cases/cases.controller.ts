import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson } from '@app/case-engine';
import { CaseAccessPolicy } from '../auth/case-access.policy';
import { CurrentActor } from '../auth/public.decorator';
import { CaseCommandsService, CommandResponse } from './case-commands.service';
import { OpenCaseDto } from './dto/open-case.dto';
import { ProblemException, problem } from '../problem/problem';

/** A case id that is not a UUID names no case: 404, like any unknown id. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ProblemException(problem(404, 'http-404', '未找到 (not found)', { detail: 'caseId 不是有效的 UUID (not a UUID)' })),
});

@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly engine: CaseEngine,
    private readonly commands: CaseCommandsService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '立案 open-case: officers propose filing a case' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  open(@Body() dto: OpenCaseDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.run(undefined, 'open-case', dto, actor, req, reply);
  }

  @Get(':caseId')
  @ApiOperation({ summary: '案件视图 CaseView: stage, allowed commands, deadlines' })
  async get(@Param('caseId', uuidPipe) caseId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseView> {
    const view = await this.engine.getCase(caseId);
    this.policy.assertCanRead(actor, view.agencyId);
    void reply.header('etag', `"${view.revision}"`);
    return view;
  }

  @Get(':caseId/events')
  @ApiOperation({ summary: '事件历史 the case history, in order' })
  async events(@Param('caseId', uuidPipe) caseId: string, @CurrentActor() actor: Actor): Promise<StoredEventJson[]> {
    const view = await this.engine.getCase(caseId);
    this.policy.assertCanRead(actor, view.agencyId);
    return (await this.engine.getEvents(caseId)).map(storedEventToJson);
  }
}
