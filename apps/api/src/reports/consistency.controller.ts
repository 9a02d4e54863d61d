import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { shanghaiPeriod } from '@app/calendar';
import { DiscretionBenchmark, DiscretionLevel, benchmarkRange } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { DISCRETION_BENCHMARK } from '../core/rules';
import { DecisionRow } from '../read-models/read-models';
import { ReportScope } from './report-scope.service';
import { ReportScopeQueryDto } from './dto/report-scope.query';
import { ConsistencyReportResponse } from './dto/consistency.response';

/** 裁量一致性: all years, or one. */
class ConsistencyQueryDto extends ReportScopeQueryDto {}

const quantile = (sorted: number[], q: number) => {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
};

/**
 * 一把尺子量到底 (docs/supervision.md §5): per violation code and circumstance level, how fines spread across agencies,
 * with the quartiles (for a box plot), and the outliers — outside the benchmark's range where it has one, else outside
 * the group's Tukey fences.
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
    const rows: DecisionRow[] = await readModels.consistencyDecisions({ agencies, period });
    const groups = new Map<string, DecisionRow[]>();
    for (const r of rows) {
      const key = `${r.violation_code}|${r.discretion_level}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const stats = (fines: number[]) => ({ count: fines.length, min: fines[0], median: quantile(fines, 0.5), max: fines[fines.length - 1] });
    return {
      benchmark: { id: this.benchmark.id, sample: !!this.benchmark.sample },
      groups: [...groups.values()].map((decisions) => {
        const { violation_code: code, discretion_level: level } = decisions[0];
        const fines = decisions.map((d) => d.fine_yuan);
        const q1 = quantile(fines, 0.25);
        const q3 = quantile(fines, 0.75);
        const fences: [number, number] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
        const byAgency = [...new Set(decisions.map((d) => d.agency_id))].map((agencyId) => ({
          agencyId,
          ...stats(decisions.filter((d) => d.agency_id === agencyId).map((d) => d.fine_yuan)),
        }));
        const outliers = decisions.flatMap((d) => {
          const range = benchmarkRange(this.benchmark, code, level as DiscretionLevel, d.party_kind as 'organization' | 'individual');
          const [lo, hi] = range ?? fences;
          if (d.fine_yuan >= lo && d.fine_yuan <= hi) return [];
          return [
            {
              caseId: d.case_id,
              agencyId: d.agency_id,
              fineYuan: d.fine_yuan,
              reason: range ? `裁量基准 benchmark [${lo}, ${hi}]` : `四分位离群 outside [${lo}, ${hi}]`,
            },
          ];
        });
        return { violationCode: code, discretionLevel: level, ...stats(fines), q1, q3, byAgency, outliers };
      }),
    };
  }
}
