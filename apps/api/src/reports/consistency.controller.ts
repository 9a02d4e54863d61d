import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { shanghaiPeriod } from '@app/calendar';
import { DiscretionBenchmark, DiscretionLevel, benchmarkRange } from '@workflows/enforcement-case';
import { fineGroups } from './consistency-groups';
import { CurrentActor } from '../auth/public.decorator';
import { DISCRETION_BENCHMARK } from '../core/rules';
import { ReportScope } from './report-scope.service';
import { ReportScopeQueryDto } from './dto/report-scope.query';
import { ConsistencyReportResponse } from './dto/consistency.response';

/** 裁量一致性: all years, or one. */
class ConsistencyQueryDto extends ReportScopeQueryDto {}

/**
 * Outliers listed per group, the lowest fines first; `outlierCount` says how many there are in all. Keeps the answer
 * bounded (well under 1 MB) whatever the number of decisions in scope.
 */
export const OUTLIERS_PER_GROUP = 20;

/**
 * 一把尺子量到底 (docs/supervision.md §5): per violation code and circumstance level, how fines spread across agencies,
 * with the quartiles (for a box plot), and the outliers — outside the benchmark's range where it has one, else outside
 * the group's Tukey fences. The statistics come from fines counted per distinct amount, so memory and work follow the
 * distinct fines and only the listed outliers are read case by case.
 */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports/consistency')
export class ConsistencyController {
  constructor(
    @Inject(DISCRETION_BENCHMARK) private readonly benchmark: DiscretionBenchmark,
    private readonly scope: ReportScope,
  ) {}

  @Get()
  @Access('reports.read', 'query')
  @ApiOperation({ summary: '裁量一致性报告 fines per violation code and level across agencies, with outliers' })
  @ApiOkResponse({ type: ConsistencyReportResponse })
  async report(@Query() q: ConsistencyQueryDto, @CurrentActor() actor: Actor) {
    const { readModels, agencies } = this.scope.resolve(actor, q.agencyId, q.includeSubordinates);
    const year = q.year ? shanghaiPeriod(q.year) : undefined;
    const period: [string, string] | undefined = year && [year.from, year.to];
    const rangeOf = (code: string, level: string, partyKind: string) =>
      benchmarkRange(this.benchmark, code, level as DiscretionLevel, partyKind as 'organization' | 'individual');
    const groups = fineGroups(await readModels.consistencyFineCounts({ agencies, period }), rangeOf);
    return {
      benchmark: { id: this.benchmark.id, sample: !!this.benchmark.sample },
      groups: await Promise.all(
        groups.map(async ({ bounds, outlierCount, ...group }) => {
          const rows = outlierCount
            ? await readModels.consistencyOutliers({
                agencies,
                period,
                violationCode: group.violationCode,
                discretionLevel: group.discretionLevel,
                bounds,
                limit: OUTLIERS_PER_GROUP,
              })
            : [];
          const outliers = rows.map((d) => {
            const { lo, hi, benchmark } = bounds.find((b) => b.partyKind === d.party_kind)!;
            const reason = benchmark ? `裁量基准 benchmark [${lo}, ${hi}]` : `四分位离群 outside [${lo}, ${hi}]`;
            return { caseId: d.case_id, agencyId: d.agency_id, fineYuan: d.fine_yuan, reason };
          });
          return { ...group, outliers, outlierCount };
        }),
      ),
    };
  }
}
