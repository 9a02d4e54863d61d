import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DeadlineKind } from '@workflows/enforcement-case';
import { LocalizedNameView } from '../../cases/dto/case-view.response';
import { PageView } from '../../cases/dto/case-search.response';

/** 当事人 as the deadline list names it. */
export class DeadlinePartyView {
  @ApiProperty({ type: String, description: '当事人名称或姓名' }) name!: string;
}

/** One deadline still owed: due soon, or missed. */
export class DeadlineItemResponse {
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号（UUID）' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true, description: '立案编号；立案批准前为空' }) caseNo!: string | null;
  @ApiProperty({ type: String, description: '办案机关' }) agencyId!: string;
  @ApiProperty({ type: DeadlinePartyView, description: '当事人' }) party!: DeadlinePartyView;
  @ApiProperty({ type: [String], description: '承办执法人员' }) handlingOfficerIds!: string[];
  @ApiProperty({ enum: DEADLINE_KINDS, description: '期限种类' }) kind!: DeadlineKind;
  @ApiProperty({ type: LocalizedNameView, description: '期限名称' }) name!: LocalizedNameView;
  @ApiProperty({ type: String, description: '法定依据' }) basis!: string;
  @ApiProperty({ type: String, format: 'date', description: '届满日' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '届满时刻' }) dueAt!: string;
  @ApiProperty({ enum: ['overdue', 'soon'], description: 'overdue 已超期，soon 即将届满' }) status!: 'overdue' | 'soon';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '按法定工作日历计算的剩余工作日（已超期为 0 或负数；超出节假日历年份时为空）',
  })
  workingDaysLeft!: number | null;
}

/** 期限预警 (GET /deadlines): one page of deadlines. */
export class DeadlinePageResponse extends PageView {
  @ApiProperty({ type: String, format: 'date', description: '今日（Asia/Shanghai）' }) today!: string;
  @ApiProperty({ type: Number, description: '预警窗口（工作日）' }) dueWithinWorkingDays!: number;
  @ApiProperty({ type: [DeadlineItemResponse], description: '本页期限' }) items!: DeadlineItemResponse[];
}
