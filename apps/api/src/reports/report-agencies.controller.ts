import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { Access } from '../auth/access.decorator';
import { AgencyScope } from '../auth/agency-scope';
import { CurrentActor } from '../auth/public.decorator';
import { DirectoryService } from '../directory/directory.service';
import { ReportAgencyResponse } from './dto/assessment.response';

/**
 * The agencies whose reports the reader may ask for (their own and, for supervision, those below it), as the registry
 * names them — what a report's agency choice offers, for readers who are not registry administrators.
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports/agencies')
export class ReportAgenciesController {
  constructor(
    private readonly scope: AgencyScope,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @Access('reports.read', 'none')
  @ApiOperation({ summary: '可查询报表的机构 agencies whose reports you may read, with names and parents' })
  @ApiOkResponse({ type: [ReportAgencyResponse] })
  agencies(@CurrentActor() actor: Actor) {
    return this.scope.reachable(actor, 'reports.read').map((id) => {
      const { name, shortName, level, parentId } = this.directory.directory.agency(id)!;
      return { id, name, shortName, level, parentId };
    });
  }
}
