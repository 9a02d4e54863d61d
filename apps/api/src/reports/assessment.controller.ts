import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { Actor } from '@app/case-engine';
import { shanghaiPeriod, shanghaiYearOf } from '@app/calendar';
import { INDUSTRIES } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { AssessmentRateKey } from '../read-models/read-models';
import { ReportScope } from './report-scope.service';

class AssessmentQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeSubordinates?: boolean;
  @ApiPropertyOptional({ description: '默认为当年 (default: this year, Asia/Shanghai)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter?: number;
  @ApiPropertyOptional({ description: '统计截止时间 report date (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}

/**
 * 六率考核 (docs/supervision.md §4; 郴政办发〔2016〕19号 §3): each rate with numerator, denominator, ratio and the case ids
 * behind both, from the assessment read model; plus overdue cases by deadline kind, cases by key industry and
 * interference records per quarter.
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports/assessment')
export class AssessmentController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReportScope,
  ) {}

  @Get()
  @Access('reports.read', 'query')
  @ApiOperation({ summary: '六率考核报告 the six assessment rates with the cases behind them' })
  async report(@Query() q: AssessmentQueryDto, @CurrentActor() actor: Actor) {
    const { readModels, root, agencies } = this.scope.resolve(actor, q.agencyId, q.includeSubordinates);
    const asOf = q.asOf ?? this.clock().toISOString();
    const year = q.year ?? shanghaiYearOf(asOf);
    const { from, to, fromDay, toDay } = shanghaiPeriod(year, q.quarter || undefined);
    const wholeYear = shanghaiPeriod(year);
    const facts = await readModels.assessment({ agencies, from, to, fromDay, toDay, asOf, yearFrom: wholeYear.from, yearTo: wholeYear.to });

    /** One rate: the denominator's cases, each marked whether the numerator counts it. */
    const rate = (key: AssessmentRateKey, zh: string, en: string) => {
      const rows = facts.rates[key];
      const numerator = rows.filter((r) => r.included === 1).map((r) => r.case_id);
      return {
        key,
        zh,
        en,
        numerator: numerator.length,
        denominator: rows.length,
        ratio: rows.length ? numerator.length / rows.length : null,
        numeratorCaseIds: numerator,
        denominatorCaseIds: rows.map((r) => r.case_id),
      };
    };
    const filed = facts.filed;
    const rates = [
      rate('handling', '查处率', 'handling rate'),
      rate('legal_basis_accuracy', '法律适用准确率', 'legal-basis accuracy'),
      rate('timely_closure', '及时结案率', 'timely closure'),
      rate('execution', '执行到位率', 'execution rate'),
      rate('reinspection', '整改复查率', 're-inspection rate'),
    ];

    const overdueByKind: Record<string, string[]> = {};
    for (const r of facts.overdue) for (const kind of r.overdue.split(',').filter(Boolean)) (overdueByKind[kind] ??= []).push(r.case_id);
    const quarters = facts.interferenceByQuarter;

    return {
      agencyId: root,
      agencies,
      period: { year, ...(q.quarter ? { quarter: q.quarter } : {}), from, to },
      asOf,
      filed: { zh: '立案数量', en: 'filed cases', count: filed.length, caseIds: filed.map((r) => r.case_id) },
      rates,
      overdueByKind: Object.fromEntries(Object.entries(overdueByKind).map(([kind, ids]) => [kind, { count: ids.length, caseIds: ids }])),
      // Every key industry of 郴政办发〔2016〕19号 §5, with zero where no case was filed.
      casesByKeyIndustry: Object.fromEntries(INDUSTRIES.map((i) => [i, filed.filter((r) => r.industry === i).length])),
      interferenceByQuarter: [1, 2, 3, 4].map((quarter) => ({
        quarter,
        records: quarters.find((r) => r.quarter === quarter)?.records ?? 0,
      })),
    };
  }
}
