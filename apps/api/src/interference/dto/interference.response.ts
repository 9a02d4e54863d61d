import { ApiProperty } from '@nestjs/swagger';
import { INTERFERENCE_MEANS, INTERVENER_RELATIONS } from '@workflows/enforcement-case';
import { InterferenceRecordRow } from '../../read-models/read-models';

/** One 干预记录 of the register. */
export class InterferenceRecordResponse implements InterferenceRecordRow {
  @ApiProperty({ type: String, description: '记录编号' }) record_id!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号' }) case_id!: string;
  @ApiProperty({ type: String, nullable: true, description: '立案编号' }) case_no!: string | null;
  @ApiProperty({ type: String, description: '办案机关' }) agency_id!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '干预发生时间' }) occurred_at!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '记录时间' }) recorded_at!: string;
  @ApiProperty({ type: String, description: '记录人' }) recorder_id!: string;
  @ApiProperty({ type: String, description: '记录人姓名' }) recorder_name!: string;
  @ApiProperty({ type: String, description: '干预人姓名' }) intervener_name!: string;
  @ApiProperty({ type: String, description: '干预人单位' }) intervener_unit!: string;
  @ApiProperty({ type: String, description: '干预人职务' }) intervener_post!: string;
  @ApiProperty({ enum: INTERVENER_RELATIONS, description: '干预人身份' }) relation!: (typeof INTERVENER_RELATIONS)[number];
  @ApiProperty({ enum: INTERFERENCE_MEANS, description: '干预方式' }) means!: (typeof INTERFERENCE_MEANS)[number];
  @ApiProperty({ type: String, description: '干预内容' }) content!: string;
  @ApiProperty({ type: String, description: '处理情况' }) handling!: string;
  @ApiProperty({ type: String, nullable: true, description: '所更正的记录编号' }) corrects!: string | null;
}

/** 干预记录登记 (GET /interference). */
export class InterferenceRegisterResponse {
  @ApiProperty({ type: [InterferenceRecordResponse], description: '干预记录（按记录先后，一页）' }) items!: InterferenceRecordResponse[];
  @ApiProperty({ type: Number, nullable: true, description: '下一页的游标（作为 after 传回）；null 表示已无更多' }) next!: number | null;
}

/** One agency's line of the quarterly report. */
export class InterferenceQuarterAgencyView {
  @ApiProperty({ type: String, description: '机关' }) agencyId!: string;
  @ApiProperty({ type: String, required: false, description: '机关名称' }) agencyName?: string;
  @ApiProperty({ type: Number, description: '本季度干预记录数' }) records!: number;
  @ApiProperty({ type: Boolean, description: '零报告（本季度无记录）' }) zeroReport!: boolean;
}

/** 季度报告 (GET /interference/quarterly-report), with zero reports. */
export class InterferenceQuarterlyReportResponse {
  @ApiProperty({ type: Number, description: '年度' }) year!: number;
  @ApiProperty({ type: Number, description: '季度' }) quarter!: number;
  @ApiProperty({ type: [InterferenceQuarterAgencyView], description: '各机关的记录数' }) agencies!: InterferenceQuarterAgencyView[];
}
