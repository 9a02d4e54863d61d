import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { AssessmentFigure } from '@app/projections';
import { INDUSTRIES } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { DirectoryService } from '../directory/directory.service';
import { ReportScope } from './report-scope.service';
import { AssessmentCasesPageResponse, AssessmentReportResponse, CountedCasesView } from './dto/assessment.response';
import { AssessmentCasesQueryDto, AssessmentQueryDto } from './dto/assessment.query';
import {
  FILED_FIGURE,
  FigureScope,
  RATES,
  asOfMs,
  casesHref,
  countFigures,
  decodeCursor,
  encodeCursor,
  figureScope,
  periodOf,
} from './assessment-figures';

/**
 * 六率考核 (docs/supervision.md §4; 郴政办发〔2016〕19号 §3): each rate with numerator, denominator, ratio and a link
 * to page through the cases behind each, from the figures the assessment projection keeps; plus overdue cases by
 * deadline kind, cases by key industry and interference records per quarter; and the same rates per agency of the
 * scope (`byAgency`). The answer's size depends on the agencies in scope only, never on how many cases they hold.
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
  @ApiOperation({ summary: '六率考核报告 the six assessment rates, each figure with a link to the cases behind it' })
  @ApiExtraModels(CountedCasesView)
  @ApiOkResponse({ type: AssessmentReportResponse })
  async report(@Query() q: AssessmentQueryDto, @CurrentActor() actor: Actor) {
    const { readModels, root, agencies } = this.scope.resolve(actor, q.agencyId, q.includeSubordinates);
    const s = figureScope(agencies, q, this.clock().toISOString());
    const period = periodOf(s);
    const [count, extras] = await Promise.all([countFigures(readModels, s), readModels.assessmentExtras({ agencies, ...period })]);

    // A figure summed over agencies, with the link to its cases for the same agencies.
    const figure = (f: AssessmentFigure, over: string[], agencyId: string, subordinates: boolean) => ({
      count: over.reduce((sum, a) => sum + count(a, f), 0),
      cases: casesHref(f, agencyId, subordinates, s),
    });
    const rates = (over: string[], agencyId: string, subordinates: boolean) =>
      RATES.map(([key, zh, en]) => {
        const numerator = figure(`${key}.numerator`, over, agencyId, subordinates);
        const denominator = figure(`${key}.denominator`, over, agencyId, subordinates);
        return {
          key,
          zh,
          en,
          numerator: numerator.count,
          denominator: denominator.count,
          ratio: denominator.count ? numerator.count / denominator.count : null,
          numeratorCases: numerator.cases,
          denominatorCases: denominator.cases,
        };
      });
    const subordinates = q.includeSubordinates ?? false;
    // Each agency's own cases (not its subordinates'), for comparing the agencies of the tree side by side.
    const byAgency = agencies.map((agencyId) => {
      const agency = this.directory.directory.agency(agencyId);
      return {
        agencyId,
        name: agency?.name ?? agencyId,
        parentId: agency?.parentId ?? null,
        filed: figure(FILED_FIGURE, [agencyId], agencyId, false),
        rates: rates([agencyId], agencyId, false).map(({ zh: _zh, en: _en, ...r }) => r),
      };
    });

    const overdueByKind: Record<string, { count: number; cases: string }> = {};
    for (const r of extras.overdue)
      for (const kind of r.overdue.split(',').filter(Boolean)) {
        const query = new URLSearchParams({ overdue: kind, agencyId: root, ...(subordinates ? { includeSubordinates: 'true' } : {}) });
        (overdueByKind[kind] ??= { count: 0, cases: `/api/v1/cases?${query.toString()}` }).count += r.n;
      }
    const quarters = extras.interferenceByQuarter;

    return {
      agencyId: root,
      agencies,
      period: { year: s.year, ...(s.quarter ? { quarter: s.quarter } : {}), from: period.from, to: period.to },
      asOf: s.asOf,
      filed: { zh: '立案数量', en: 'filed cases', ...figure(FILED_FIGURE, agencies, root, subordinates) },
      rates: rates(agencies, root, subordinates),
      byAgency,
      overdueByKind,
      // Every key industry of 郴政办发〔2016〕19号 §5, with zero where no case was filed.
      casesByKeyIndustry: Object.fromEntries(INDUSTRIES.map((i) => [i, agencies.reduce((sum, a) => sum + count(a, `industry:${i}`), 0)])),
      interferenceByQuarter: [1, 2, 3, 4].map((quarter) => ({
        quarter,
        records: quarters.find((r) => r.quarter === quarter)?.records ?? 0,
      })),
    };
  }

  @Get('cases')
  @Access('reports.read', 'query')
  @ApiOperation({
    summary: '考核数字背后的案件（按页） the cases behind one figure of the assessment report, a keyset page at a time',
    description:
      '与报告同一机关范围、期间和统计截止时间；按案件编号（整改复查率再按整改指令）排序；next 为下一页游标，末页为空。' +
      ' Same scope, period and report date as the report; ordered by case id (then rectification order); `next` is the cursor of the next page, null on the last.',
  })
  @ApiOkResponse({ type: AssessmentCasesPageResponse })
  async cases(@Query() q: AssessmentCasesQueryDto, @CurrentActor() actor: Actor) {
    const { readModels, agencies } = this.scope.resolve(actor, q.agencyId, q.includeSubordinates);
    const s: FigureScope = figureScope(agencies, q, this.clock().toISOString());
    const limit = q.limit ?? 100;
    const rows = await readModels.assessmentCases({
      ...s,
      asOfMs: asOfMs(s),
      figure: q.figure,
      after: q.after === undefined ? undefined : decodeCursor(q.after),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      figure: q.figure,
      items: page.map((r) => ({ caseId: r.case_id, agencyId: r.agency_id, orderId: r.order_id || null })),
      next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }
}
