import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';

export const OFFENSES = [
  'major_liability_accident',
  'forced_risky_operation',
  'major_labor_safety_accident',
  'dangerous_goods_accident',
  'fire_liability_accident',
  'failure_to_report_accident',
  'other',
] as const;

/** 提请移送 (行政执法机关移送涉嫌犯罪案件的规定 Art. 5). */
export class ProposeReferralDto extends CommandBodyDto implements CommandBody<'propose-referral'> {
  @ApiProperty({ enum: OFFENSES }) @IsIn(OFFENSES) offense!: (typeof OFFENSES)[number];
  @ApiProperty({ description: '专案组执法人员（至少两名）' })
  @IsArray()
  @ArrayMinSize(2)
  @IsString({ each: true })
  teamOfficerIds!: string[];
  @ApiProperty({ description: '涉嫌犯罪案件情况的调查报告摘要' }) @IsString() @IsNotEmpty() @MaxLength(10000) report!: string;
}

export class ApproveReferralDto extends CommandBodyDto implements CommandBody<'approve-referral'> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) opinion?: string;
}

/** 不批准移送 / 提请复议 / 提请检察院监督 / 恢复行政程序: a recorded reason. */
export class ReasonDto
  extends CommandBodyDto
  implements
    CommandBody<'reject-referral'>,
    CommandBody<'request-police-reconsideration'>,
    CommandBody<'refer-to-procuratorate'>,
    CommandBody<'resume-administrative-procedure'>
{
  @ApiProperty({ description: '理由' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

export class TransferToPoliceDto extends CommandBodyDto implements CommandBody<'transfer-to-police'> {
  @ApiProperty({ description: '公安机关' }) @IsString() @IsNotEmpty() @MaxLength(200) policeAgency!: string;
  @ApiProperty({ description: '移送材料（须含移送书、调查报告）', example: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  documents!: string[];
}

export class RecordPoliceDecisionDto extends CommandBodyDto implements CommandBody<'record-police-decision'> {
  @ApiProperty({ enum: ['accepted', 'declined'] }) @IsIn(['accepted', 'declined']) outcome!: 'accepted' | 'declined';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

export class RecordHandoverDto extends CommandBodyDto implements CommandBody<'record-handover'> {
  @ApiProperty({ description: '接收的公安机关及经办人 (who received them)' }) @IsString() @IsNotEmpty() @MaxLength(200) receivedBy!: string;
  @ApiProperty({
    description: '移交的涉案物品和材料 (the items and materials handed over)',
    example: ['涉案物品清单所列物品', '询问笔录', '检验报告'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  materials!: string[];
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const REFERRAL_DTOS = {
  'propose-referral': ProposeReferralDto,
  'approve-referral': ApproveReferralDto,
  'reject-referral': ReasonDto,
  'transfer-to-police': TransferToPoliceDto,
  'record-police-decision': RecordPoliceDecisionDto,
  'request-police-reconsideration': ReasonDto,
  'refer-to-procuratorate': ReasonDto,
  'resume-administrative-procedure': ReasonDto,
  'record-handover': RecordHandoverDto,
};
