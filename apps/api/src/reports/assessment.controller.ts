import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Actor } from '@app/case-engine';
import { shanghaiPeriod, shanghaiYearOf } from '@app/calendar';
import { INDUSTRIES } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { DirectoryService } from '../directory/directory.service';
import { AssessmentRateKey, RateRow } from '../read-models/read-models';
import { ReportScope } from './report-scope.service';
import { ReportScopeQueryDto } from './dto/report-scope.query';
import { AssessmentReportResponse, CountedCasesView } from './dto/assessment.response';

/** 六率考核: a year (default: this year, Asia/Shanghai) or one of its quarters, as of a report date. */
class AssessmentQueryDto extends ReportScopeQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter?: number;
  @ApiPropertyOptional({ description: '统计截止时间 report date (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}

/** The rates after 立案数量, in the order of the policy's list, with their names (the one source for readers). */
const RATES: [AssessmentRateKey, string, string][] = [
  ['handling', '查处率', 'handling rate'],
  ['legal_basis_accuracy', '法律适用准确率', 'legal-basis accuracy'],
  ['timely_closure', '及时结案率', 'timely closure'],
  ['execution', '执行到位率', 'execution rate'],
  ['reinspection', '整改复查率', 're-inspection rate'],
];

/** One rate over a denominator's cases, each marked whether the numerator counts it. */
function tally(rows: RateRow[]) {
  const numerator = rows.filter((r) => r.included === 1).map((r) => r.case_id);
  return {
    numerator: numerator.length,
    denominator: rows.length,
    ratio: rows.length ? numerator.length / rows.length : null,
    numeratorCaseIds: numerator,
    denominatorCaseIds: rows.map((r) => r.case_id),
  };
}

/**
 * 六率考核 (docs/supervision.md §4; 郴政办发〔2016〕19号 §3): each rate with numerator, denominator, ratio and the case ids
 * behind both, from the assessment read model; plus overdue cases by deadline kind, cases by key industry and
 * interference records per quarter; and the same rates per agency of the scope (`byAgency`).
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports/assessment')
export class AssessmentController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReportScope,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @Access('reports.read', 'query')
  @ApiOperation({ summary: '六率考核报告 the six assessment rates with the cases behind them' })
  @ApiExtraModels(CountedCasesView)
  @ApiOkResponse({ type: AssessmentReportResponse })
  async report(@Query() q: AssessmentQueryDto, @CurrentActor() actor: Actor) {
    const { readModels, root, agencies } = this.scope.resolve(actor, q.agencyId, q.includeSubordinates);
    const asOf = q.asOf ?? this.clock().toISOString();
    const year = q.year ?? shanghaiYearOf(asOf);
    const { from, to, fromDay, toDay } = shanghaiPeriod(year, q.quarter || undefined);
    const wholeYear = shanghaiPeriod(year);
    const facts = await readModels.assessment({ agencies, from, to, fromDay, toDay, asOf, yearFrom: wholeYear.from, yearTo: wholeYear.to });

    const filed = facts.filed;
    const rates = RATES.map(([key, zh, en]) => ({ key, zh, en, ...tally(facts.rates[key]) }));
    // Each agency's own cases (not its subordinates'), for comparing the agencies of the tree side by side.
    const byAgency = agencies.map((agencyId) => {
      const agency = this.directory.directory.agency(agencyId);
      const own = <R extends { agency_id: string }>(rows: R[]) => rows.filter((r) => r.agency_id === agencyId);
      const ownFiled = own(filed);
      return {
        agencyId,
        name: agency?.name ?? agencyId,
        parentId: agency?.parentId ?? null,
        filed: { count: ownFiled.length, caseIds: ownFiled.map((r) => r.case_id) },
        rates: RATES.map(([key]) => ({ key, ...tally(own(facts.rates[key])) })),
      };
    });

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
      byAgency,
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
