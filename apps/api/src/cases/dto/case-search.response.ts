import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DeadlineKind, INDUSTRIES, Industry, STAGES, Stage } from '@workflows/enforcement-case';

/** 当事人 as the case index lists it. */
export class PartyNameView {
  @ApiProperty({ enum: ['organization', 'individual'], description: '当事人类别：单位或个人' }) kind!: 'organization' | 'individual';
  @ApiProperty({ type: String, description: '当事人名称或姓名' }) name!: string;
}

/** A page of results: how many match in all, and which page this is. */
export class PageView {
  @ApiProperty({ type: Number, description: '符合条件的总数' }) total!: number;
  @ApiProperty({ type: Number, description: '页码（从 1 起）' }) page!: number;
  @ApiProperty({ type: Number, description: '每页条数' }) pageSize!: number;
}

/** One row of 案件检索. */
export class CaseSearchItemResponse {
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号（UUID）' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true, description: '立案编号；立案批准前为空' }) caseNo!: string | null;
  @ApiProperty({ type: String, description: '办案机关' }) agencyId!: string;
  @ApiProperty({ enum: Object.keys(STAGES), description: '案件阶段' }) stage!: Stage;
  @ApiProperty({ enum: INDUSTRIES, description: '行业领域' }) industry!: Industry;
  @ApiProperty({ type: PartyNameView, description: '当事人' }) party!: PartyNameView;
  @ApiProperty({ type: [String], description: '承办执法人员' }) handlingOfficerIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', description: '提出立案的时间' }) openedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '立案时间' }) filedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '决定书文号' }) decisionNo!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '作出决定的时间' }) decidedAt!: string | null;
  @ApiProperty({ type: [String], description: '标记（含派生的以罚代刑标记）' }) flags!: string[];
  @ApiProperty({ enum: DEADLINE_KINDS, isArray: true, description: '已超期的期限种类' }) overdue!: DeadlineKind[];
  @ApiProperty({ type: String, format: 'date-time', description: '最后变化时间' }) updatedAt!: string;
}

/** 案件检索 (GET /cases): one page of cases. */
export class CaseSearchPageResponse extends PageView {
  @ApiProperty({ type: [CaseSearchItemResponse], description: '本页案件' }) items!: CaseSearchItemResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: '下一页的游标（作 after 传回）；没有更多时为空 (cursor of the next page, for `after`)',
  })
  next!: string | null;
}
