import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { AGENCY_LEVELS, AgencyLevel, INDUSTRIES } from '@workflows/enforcement-case';
import { ASSESSMENT_FIGURES, AssessmentFigure } from '@app/projections';
import { AssessmentRateKey } from '../../read-models/read-models';

const RATE_KEYS: AssessmentRateKey[] = ['handling', 'legal_basis_accuracy', 'timely_closure', 'execution', 'reinspection'];

/** An agency a report may be asked for (GET /reports/agencies). */
export class ReportAgencyResponse {
  @ApiProperty({ type: String, description: '机关编号' }) id!: string;
  @ApiProperty({ type: String, description: '机关名称' }) name!: string;
  @ApiProperty({ type: String, description: '机关简称（用于文书编号）' }) shortName!: string;
  @ApiProperty({ enum: AGENCY_LEVELS, description: '层级：市、县、乡镇' }) level!: AgencyLevel;
  @ApiProperty({ type: String, nullable: true, description: '上级机关' }) parentId!: string | null;
}

const CASES_LINK = '该数字背后的案件（分页链接，GET /reports/assessment/cases）';

/** A count and the link to the cases behind it. */
export class CountedCasesView {
  @ApiProperty({ type: Number, description: '案件数' }) count!: number;
  @ApiProperty({ type: String, description: CASES_LINK }) cases!: string;
}

/** One rate: numerator, denominator, ratio, and links to the cases behind both. */
export class RateFiguresView {
  @ApiProperty({ enum: RATE_KEYS, description: '考核指标' }) key!: AssessmentRateKey;
  @ApiProperty({ type: Number, description: '分子' }) numerator!: number;
  @ApiProperty({ type: Number, description: '分母' }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, description: '比率；分母为零时为空' }) ratio!: number | null;
  @ApiProperty({ type: String, description: `计入分子的案件：${CASES_LINK}` }) numeratorCases!: string;
  @ApiProperty({ type: String, description: `计入分母的案件：${CASES_LINK}` }) denominatorCases!: string;
}

/** A rate with its name. */
export class NamedRateView extends RateFiguresView {
  @ApiProperty({ type: String, description: '指标名称' }) zh!: string;
  @ApiProperty({ type: String, description: '英文名称 (English name)' }) en!: string;
}

/** 立案数量 with its name. */
export class FiledCasesView extends CountedCasesView {
  @ApiProperty({ type: String, description: '指标名称' }) zh!: string;
  @ApiProperty({ type: String, description: '英文名称 (English name)' }) en!: string;
}

/** The period the report covers. */
export class ReportPeriodView {
  @ApiProperty({ type: Number, description: '年度' }) year!: number;
  @ApiPropertyOptional({ type: Number, description: '季度（按季度统计时）' }) quarter?: number;
  @ApiProperty({ type: String, format: 'date-time', description: '起（含）' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '止（不含）' }) to!: string;
}

/** One agency's own cases (not its subordinates'), for comparing the agencies of the tree. */
export class AgencyRatesView {
  @ApiProperty({ type: String, description: '机关' }) agencyId!: string;
  @ApiProperty({ type: String, description: '机关名称' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: '上级机关' }) parentId!: string | null;
  @ApiProperty({ type: CountedCasesView, description: '立案数量' }) filed!: CountedCasesView;
  @ApiProperty({ type: [RateFiguresView], description: '各项比率' }) rates!: RateFiguresView[];
}

/** Interference records of one quarter of the year. */
export class QuarterRecordsView {
  @ApiProperty({ type: Number, description: '季度' }) quarter!: number;
  @ApiProperty({ type: Number, description: '干预记录数' }) records!: number;
}

/** 六率考核报告 (GET /reports/assessment). */
export class AssessmentReportResponse {
  @ApiProperty({ type: String, description: '报告的机关' }) agencyId!: string;
  @ApiProperty({ type: [String], description: '统计范围内的机关' }) agencies!: string[];
  @ApiProperty({ type: ReportPeriodView, description: '统计期间' }) period!: ReportPeriodView;
  @ApiProperty({ type: String, format: 'date-time', description: '统计截止时间' }) asOf!: string;
  @ApiProperty({ type: FiledCasesView, description: '立案数量' }) filed!: FiledCasesView;
  @ApiProperty({ type: [NamedRateView], description: '查处率等五项比率' }) rates!: NamedRateView[];
  @ApiProperty({ type: [AgencyRatesView], description: '各机关的数字' }) byAgency!: AgencyRatesView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CountedCasesView) },
    description: '按期限种类统计的超期案件（cases 为案件查询 GET /cases?overdue= 的链接）',
  })
  overdueByKind!: Record<string, CountedCasesView>;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(INDUSTRIES.map((i) => [i, { type: 'number' }])),
    required: [...INDUSTRIES],
    description: '各重点行业领域的立案数量',
  })
  casesByKeyIndustry!: Record<string, number>;
  @ApiProperty({ type: [QuarterRecordsView], description: '各季度干预记录数' }) interferenceByQuarter!: QuarterRecordsView[];
}

/** A case behind a figure. */
export class AssessmentCaseItemView {
  @ApiProperty({ type: String, description: '案件编号（caseId）' }) caseId!: string;
  @ApiProperty({ type: String, description: '承办机关' }) agencyId!: string;
  @ApiProperty({ type: String, nullable: true, description: '整改指令编号（仅整改复查率；其余为空）' }) orderId!: string | null;
}

/** A page of the cases behind one figure (GET /reports/assessment/cases). */
export class AssessmentCasesPageResponse {
  @ApiProperty({ enum: ASSESSMENT_FIGURES, description: '考核数字' }) figure!: AssessmentFigure;
  @ApiProperty({ type: [AssessmentCaseItemView], description: '本页案件，按案件编号排序' }) items!: AssessmentCaseItemView[];
  @ApiProperty({ type: String, nullable: true, description: '下一页游标（作为 after 传入）；末页为空' }) next!: string | null;
}
