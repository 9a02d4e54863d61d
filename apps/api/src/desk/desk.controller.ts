import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/public.decorator';
import { AwaitingService } from './awaiting.service';
import { AwaitingQueryDto, DeadlinesQueryDto } from './deadlines-query.dto';
import { DeadlinesService } from './deadlines.service';
import { AwaitingPageResponse } from './dto/awaiting.response';
import { DeadlinePageResponse } from './dto/deadlines.response';

/** 工作台 reads: the deadlines due soon or missed (预警), and the cases awaiting the caller (待办). */
@ApiTags('desk 工作台')
@ApiBearerAuth()
@Controller()
export class DeskController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly awaiting: AwaitingService,
  ) {}

  @Get('deadlines')
  @Access('deadlines.read', 'query')
  @ApiOperation({
    summary:
      '期限预警 deadlines still owed: of my cases or of an agency (with subordinates), due within N working days or missed, with working days left',
  })
  @ApiOkResponse({ type: DeadlinePageResponse })
  list(@Query() q: DeadlinesQueryDto, @CurrentActor() actor: Actor) {
    return this.deadlines.list(q, actor);
  }

  @Get('cases/awaiting-me')
  @Access('cases.search', 'none')
  @ApiOperation({
    summary: '待办 cases whose current stage awaits a step of mine (handling officer, head, legal reviewer), newest activity first',
  })
  @ApiOkResponse({ type: AwaitingPageResponse })
  awaitingMe(@Query() q: AwaitingQueryDto, @CurrentActor() actor: Actor) {
    return this.awaiting.list(q, actor);
  }
}
