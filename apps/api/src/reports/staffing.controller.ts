import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Actor } from '@app/case-engine';
import { toShanghaiDate } from '@app/calendar';
import { NoRulesVersionError, RulesBook, rulesInForce } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { Access } from '../auth/access.decorator';
import { AgencyScope } from '../auth/agency-scope';
import { CLOCK, Clock } from '../core/clock';
import { RULES_BOOK } from '../core/rules';
import { IsCalendarDate } from '../cases/dto/validators';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { staffingReport } from './staffing-report';
import { StaffingReportResponse } from './dto/staffing.response';

class StaffingQueryDto {
  @ApiPropertyOptional({ description: "默认为本人所属机关 (default: the reader's agency)" }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeSubordinates?: boolean;
  @ApiPropertyOptional({ description: '统计日期 YYYY-MM-DD (default: today, Asia/Shanghai)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/**
 * 执法人员配备与培训 (郴政办发〔2016〕19号 §16): per agency, on-duty staff, certified enforcement staff and their share
 * against the target, certificates about to end or not counting, and training hours against the yearly minimum —
 * with the parameters of the rules version in force on `asOf`, never fixed in code.
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Access('reports.staffing', 'query')
@Controller('reports/staffing')
export class StaffingController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RULES_BOOK) private readonly rules: RulesBook,
    private readonly scope: AgencyScope,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: '执法人员配备与培训报告 certified share, expiring certificates and training hours per agency' })
  @ApiOkResponse({ type: StaffingReportResponse })
  report(@Query() q: StaffingQueryDto, @CurrentActor() actor: Actor) {
    const { root, agencies } = this.scope.resolve(actor, 'reports.staffing', q);
    const asOf = q.asOf ?? toShanghaiDate(this.clock().toISOString());
    let version;
    try {
      version = rulesInForce(this.rules, asOf);
    } catch (e) {
      if (!(e instanceof NoRulesVersionError)) throw e;
      throw new ProblemException(problem(422, 'no-rules-version', '没有生效的规则版本 (no rules version in force)', { detail: e.message }));
    }
    const staffing = version.staffing;
    if (!staffing)
      throw new ProblemException(
        problem(422, 'no-staffing-rules', '规则版本缺少人员配备参数 (the rules version has no staffing parameters)', {
          detail: `规则版本 ${version.id} 没有 staffing 部分 (rules version ${version.id} has no staffing section)`,
        }),
      );
    const rows = staffingReport(this.directory.directory, agencies, asOf, { ...version, staffing });
    const onDuty = rows.reduce((n, r) => n + r.onDuty, 0);
    const certified = rows.reduce((n, r) => n + r.certified, 0);
    return {
      agencyId: root,
      asOf,
      rulesVersion: version.id,
      parameters: staffing,
      totals: { onDuty, certified, certifiedShare: onDuty ? certified / onDuty : null },
      agencies: rows,
    };
  }
}
