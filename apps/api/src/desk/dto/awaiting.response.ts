import { ApiProperty } from '@nestjs/swagger';
import { STAGES, Stage } from '@workflows/enforcement-case';
import { PageView, PartyNameView } from '../../cases/dto/case-search.response';

/** One case whose current stage awaits a step of the caller. */
export class AwaitingItemResponse {
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号（UUID）' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true, description: '立案编号；立案批准前为空' }) caseNo!: string | null;
  @ApiProperty({ type: String, description: '办案机关' }) agencyId!: string;
  @ApiProperty({ enum: Object.keys(STAGES), description: '案件阶段' }) stage!: Stage;
  @ApiProperty({ type: PartyNameView, description: '当事人' }) party!: PartyNameView;
  @ApiProperty({ type: [String], description: '承办执法人员' }) handlingOfficerIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', description: '最后变化时间' }) updatedAt!: string;
}

/** 待办 (GET /cases/awaiting-me): one page of cases. */
export class AwaitingPageResponse extends PageView {
  @ApiProperty({ type: [AwaitingItemResponse], description: '本页案件' }) items!: AwaitingItemResponse[];
}
