import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson, timelineAt, timelineBetween } from '@app/case-engine';
import { Access } from '../auth/access.decorator';
import { AccessPolicy } from '../auth/access-policy';
import { redactInterference } from './interference-redaction';
import { CurrentActor } from '../auth/public.decorator';
import { HttpResult } from '../http/http-result';
import { CaseCommandsService, CommandResponse } from './case-commands.service';
import { OpenCaseDto } from './dto/open-case.dto';
import { TimelineQueryDto } from './dto/timeline-query.dto';
import { CaseSearchDto } from './dto/case-search.dto';
import { CaseSearchService } from './case-search.service';
import { CaseViewResponse } from './dto/case-view.response';
import { CommandResponseDto } from './dto/case-event.response';
import { CaseSearchPageResponse } from './dto/case-search.response';
import { TimelineAtResponse, TimelineBetweenResponse } from './dto/timeline.response';
import { ProblemException, problem } from '../problem/problem';

/** A case id that is not a UUID names no case: 404, like any unknown id. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ProblemException(problem(404, 'http-404', '未找到 (not found)', { detail: 'caseId 不是有效的 UUID (not a UUID)' })),
});

@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly engine: CaseEngine,
    private readonly commands: CaseCommandsService,
    private readonly searchService: CaseSearchService,
    private readonly policy: AccessPolicy,
  ) {}

  @Get()
  @Access('cases.search', 'query')
  @ApiOperation({
    summary:
      '案件检索 search cases: stage, agency (with subordinates), industry, party, officer, overdue deadline, dates, flags; sorted, paged',
  })
  @ApiOkResponse({ type: CaseSearchPageResponse })
  search(@Query() q: CaseSearchDto, @CurrentActor() actor: Actor) {
    return this.searchService.search(q, actor);
  }

  @Post()
  @Access('cases.open', 'body')
  @HttpCode(201)
  @ApiOperation({ summary: '立案 open-case: officers propose filing a case' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ type: OpenCaseDto })
  @ApiCreatedResponse({ type: CommandResponseDto, description: '已提出立案：案件视图与写入的事件 (the new case and its events)' })
  @ApiOkResponse({ type: CommandResponseDto, description: '幂等重试：首次的应答 (a retry with the same Idempotency-Key)' })
  open(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<HttpResult<CommandResponse>> {
    // Authorized by AccessGuard on the agency the body names; validated by the engine's parser, as every command.
    return this.commands.run(undefined, 'open-case', body, actor, req);
  }

  @Get(':caseId')
  @Access('cases.read', 'case')
  @ApiOperation({ summary: '案件视图 CaseView: stage, allowed commands, deadlines' })
  @ApiOkResponse({ type: CaseViewResponse })
  async get(@Param('caseId', uuidPipe) caseId: string): Promise<HttpResult<CaseView>> {
    const view = await this.engine.getCase(caseId);
    return new HttpResult(view, { revision: view.revision });
  }

  @Get(':caseId/events')
  @Access('cases.read', 'case')
  @ApiOperation({ summary: '事件历史 the case history, in order' })
  async events(@Param('caseId', uuidPipe) caseId: string, @CurrentActor() actor: Actor): Promise<StoredEventJson[]> {
    const view = await this.engine.getCase(caseId);
    return redactInterference((await this.engine.getEvents(caseId)).map(storedEventToJson), actor, view, this.policy);
  }

  @Get(':caseId/timeline')
  @Access('cases.read', 'case')
  @ApiOperation({
    summary:
      '时间线回放 the case as it stood at a revision, at a recorded moment (at) or by what had happened (occurredAt); or what changed between two revisions (from, to)',
  })
  @ApiExtraModels(TimelineAtResponse, TimelineBetweenResponse)
  @ApiOkResponse({
    description: '给出 revision、at 或 occurredAt 时为该时点的案件；给出 from 与 to 时为区间内的变化',
    schema: { oneOf: [{ $ref: getSchemaPath(TimelineAtResponse) }, { $ref: getSchemaPath(TimelineBetweenResponse) }] },
  })
  async timeline(@Param('caseId', uuidPipe) caseId: string, @Query() q: TimelineQueryDto, @CurrentActor() actor: Actor) {
    const modes = [
      q.revision !== undefined,
      q.at !== undefined,
      q.occurredAt !== undefined,
      q.from !== undefined || q.to !== undefined,
    ].filter(Boolean).length;
    if (modes !== 1 || (q.from !== undefined) !== (q.to !== undefined))
      throw new ProblemException(
        problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
          detail: '须且只能给出 revision、at、occurredAt 或 from+to 之一 (give exactly one of revision, at, occurredAt, or from and to)',
          errors: [{ field: 'revision|at|occurredAt|from,to', message: 'exactly one point', constraints: {} }],
        }),
      );
    const view = await this.engine.getCase(caseId);
    const events = await this.engine.getEvents(caseId);
    const redact = (list: StoredEventJson[]) => redactInterference(list, actor, view, this.policy);
    if (q.from !== undefined) {
      const between = timelineBetween(events, q.from, q.to!);
      return { ...between, events: redact(between.events) };
    }
    const at = timelineAt(
      events,
      q.revision !== undefined ? { revision: q.revision } : q.at !== undefined ? { at: q.at } : { occurredAt: q.occurredAt! },
    );
    return { ...at, events: redact(at.events) };
  }
}
