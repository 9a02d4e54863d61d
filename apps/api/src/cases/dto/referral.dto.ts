import { CommandBody, OFFENSES } from '@workflows/enforcement-case';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';

/** 提请移送 (行政执法机关移送涉嫌犯罪案件的规定 Art. 5). */
export class ProposeReferralDto extends CommandBodyDto implements CommandBody<'propose-referral'> {
  @ApiProperty({ enum: OFFENSES, description: '涉嫌罪名 offence' }) @IsIn(OFFENSES) offense!: (typeof OFFENSES)[number];
  @ApiProperty({ description: '专案组执法人员（至少两名） team officers' })
  @IsArray()
  @ArrayMinSize(2)
  @IsString({ each: true })
  teamOfficerIds!: string[];
  @ApiProperty({ description: '涉嫌犯罪案件情况的调查报告摘要（行政执法机关移送涉嫌犯罪案件的规定第五条） report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  report!: string;
}

export class ApproveReferralDto extends CommandBodyDto implements CommandBody<'approve-referral'> {
  @ApiPropertyOptional({ description: '审批意见 opinion' }) @IsOptional() @IsString() @MaxLength(5000) opinion?: string;
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
  @ApiProperty({ description: '理由 reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

export class TransferToPoliceDto extends CommandBodyDto implements CommandBody<'transfer-to-police'> {
  @ApiProperty({ description: '接受移送的公安机关 police agency' }) @IsString() @IsNotEmpty() @MaxLength(200) policeAgency!: string;
  @ApiProperty({
    description: '移送材料（须含移送书、调查报告，行政执法机关移送涉嫌犯罪案件的规定第六条） documents',
    example: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  documents!: string[];
}

export class RecordPoliceDecisionDto extends CommandBodyDto implements CommandBody<'record-police-decision'> {
  @ApiProperty({ enum: ['accepted', 'declined'], description: '公安机关决定 decision' }) @IsIn(['accepted', 'declined']) outcome!:
    'accepted' | 'declined';
  @ApiPropertyOptional({ description: '不予立案的理由 reason' }) @IsOptional() @IsString() @MaxLength(5000) reason?: string;
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
