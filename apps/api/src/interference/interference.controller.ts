import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Actor } from '@app/case-engine';
import { shanghaiPeriod } from '@app/calendar';
import { AgencyScope } from '../auth/agency-scope';
import { CurrentActor } from '../auth/public.decorator';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { InterferenceQuarterlyReportResponse, InterferenceRegisterResponse } from './dto/interference.response';

/** The register is read a page at a time, in the order recorded: an answer stays bounded however long the log. */
const REGISTER_PAGE_DEFAULT = 200;
const REGISTER_PAGE_MAX = 500;

class InterferenceQueryDto {
  @ApiPropertyOptional({ description: '机关（含下级）' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: '干预人姓名' }) @IsOptional() @IsString() intervener?: string;
  @ApiPropertyOptional({ description: '翻页游标：上一页的 next（只列其后的记录）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @ApiPropertyOptional({ description: `每页条数（1–${REGISTER_PAGE_MAX}，默认 ${REGISTER_PAGE_DEFAULT}）` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REGISTER_PAGE_MAX)
  limit?: number;
}

/** The register of interference records and its quarterly report, with zero reports (零报告). */
@ApiTags('interference 干预记录')
@ApiBearerAuth()
@Controller('interference')
export class InterferenceController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly directory: DirectoryService,
    private readonly agencyScope: AgencyScope,
  ) {}

  /** The agency asked for (default: the reader's own) and every agency below it. */
  private scope(actor: Actor, agencyId: string | undefined): { agencies: string[] } {
    this.readModels.assertAvailable();
    return this.agencyScope.resolve(actor, 'interference.read', { agencyId, includeSubordinates: true });
  }

  /** The year, or its quarter, as [from, to) moments; no period without a year. */
  private static period(year?: number, quarter?: number): [string, string] | null {
    if (!year) return null;
    const { from, to } = shanghaiPeriod(year, quarter || undefined);
    return [from, to];
  }

  @Get()
  @Access('interference.read', 'query')
  @ApiOperation({
    summary: '干预记录登记 the register, by agency, period, intervener, case (the case’s approving head never sees its records)',
  })
  @ApiOkResponse({ type: InterferenceRegisterResponse })
  async register(@Query() q: InterferenceQueryDto, @CurrentActor() actor: Actor) {
    const { agencies } = this.scope(actor, q.agencyId);
    const period = InterferenceController.period(q.year, q.quarter);
    const rows = await this.readModels.interferenceRegister({
      agencies,
      readerId: actor.id,
      period: period ?? undefined,
      caseId: q.caseId,
      intervener: q.intervener,
      after: q.after,
      limit: (q.limit ?? REGISTER_PAGE_DEFAULT) + 1,
    });
    const page = rows.slice(0, q.limit ?? REGISTER_PAGE_DEFAULT);
    const next = rows.length > page.length ? page[page.length - 1].position! : null;
    return { items: page.map(({ position: _position, ...record }) => record), next };
  }

  @Get('quarterly-report')
  @Access('interference.read', 'query')
  @ApiOperation({ summary: '季度报告 per agency and quarter, including zero reports (零报告)' })
  @ApiOkResponse({ type: InterferenceQuarterlyReportResponse })
  async quarterly(@Query() q: InterferenceQueryDto, @CurrentActor() actor: Actor) {
    if (!q.year || !q.quarter)
      throw new ProblemException(
        problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
          detail: 'year 与 quarter 必填 (year and quarter are required)',
          errors: [{ field: 'year,quarter', message: 'required', constraints: {} }],
        }),
      );
    const { agencies } = this.scope(actor, q.agencyId);
    const [from, to] = InterferenceController.period(q.year, q.quarter)!;
    const counts = new Map(
      (await this.readModels.interferenceCounts({ from, to, readerId: actor.id })).map((r) => [r.agencyId, r.records]),
    );
    return {
      year: q.year,
      quarter: q.quarter,
      agencies: agencies.map((id) => {
        const records = counts.get(id) ?? 0;
        return { agencyId: id, agencyName: this.directory.directory.agency(id)?.name, records, zeroReport: records === 0 };
      }),
    };
  }
}
