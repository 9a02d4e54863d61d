import { ApiProperty } from '@nestjs/swagger';
import { DISCRETION_LEVELS, DiscretionLevel } from '@workflows/enforcement-case';

/** Which discretion benchmark judged the fines. */
export class BenchmarkView {
  @ApiProperty({ type: String, description: '裁量基准编号' }) id!: string;
  @ApiProperty({ type: Boolean, description: '是否为示例基准' }) sample!: boolean;
}

/** How fines spread. */
export class FineSpreadView {
  @ApiProperty({ type: Number, description: '决定数' }) count!: number;
  @ApiProperty({ type: Number, description: '最低罚款（元）' }) min!: number;
  @ApiProperty({ type: Number, description: '中位数（元）' }) median!: number;
  @ApiProperty({ type: Number, description: '最高罚款（元）' }) max!: number;
}

/** One agency's spread within a group. */
export class AgencyFineSpreadView extends FineSpreadView {
  @ApiProperty({ type: String, description: '机关' }) agencyId!: string;
}

/** A fine outside the benchmark's range (or the group's Tukey fences). */
export class FineOutlierView {
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号' }) caseId!: string;
  @ApiProperty({ type: String, description: '机关' }) agencyId!: string;
  @ApiProperty({ type: Number, description: '罚款（元）' }) fineYuan!: number;
  @ApiProperty({ type: String, description: '离群原因' }) reason!: string;
}

/** The fines of one violation code and circumstance level. */
export class FineGroupView extends FineSpreadView {
  @ApiProperty({ type: String, description: '违法行为代码' }) violationCode!: string;
  @ApiProperty({ enum: DISCRETION_LEVELS, description: '裁量情节' }) discretionLevel!: DiscretionLevel;
  @ApiProperty({ type: Number, description: '下四分位数（元）' }) q1!: number;
  @ApiProperty({ type: Number, description: '上四分位数（元）' }) q3!: number;
  @ApiProperty({ type: [AgencyFineSpreadView], description: '各机关' }) byAgency!: AgencyFineSpreadView[];
  @ApiProperty({ type: [FineOutlierView], description: '离群的罚款（按罚款从低到高，至多 20 项）' }) outliers!: FineOutlierView[];
  @ApiProperty({ type: Number, description: '离群的罚款总数（可多于所列）' }) outlierCount!: number;
}

/** 裁量一致性报告 (GET /reports/consistency). */
export class ConsistencyReportResponse {
  @ApiProperty({ type: BenchmarkView, description: '裁量基准' }) benchmark!: BenchmarkView;
  @ApiProperty({ type: [FineGroupView], description: '按违法行为代码与裁量情节分组' }) groups!: FineGroupView[];
}
