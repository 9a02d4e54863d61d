import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CommandBody, PENALTY_KINDS } from '@workflows/enforcement-case';
import { CommandBodyDto, PenaltyDto } from './common.dto';
import { IsCalendarDate } from './validators';

/** 集体讨论 (行政处罚法 Art. 57(2)). */
export class RecordCollectiveDiscussionDto extends CommandBodyDto implements CommandBody<'record-collective-discussion'> {
  @ApiProperty({ description: '参加人员（至少三名负责人，行政处罚法第五十七条第二款） participants' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  participantIds!: string[];
  @ApiProperty({ description: '讨论结论 conclusion' }) @IsString() @IsNotEmpty() @MaxLength(10000) conclusion!: string;
}

/** 公示 (安全生产法 Art. 78). */
export class PublishDecisionDto extends CommandBodyDto implements CommandBody<'publish-decision'> {
  @ApiPropertyOptional({ description: '公示渠道（如本机关门户网站） channel' }) @IsOptional() @IsString() @MaxLength(200) channel?: string;
}

export class InstallmentDto {
  @ApiProperty({ description: '本期缴纳金额（元） amount in yuan' }) @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() amountYuan!: number;
  @ApiProperty({ description: '本期缴纳期限 due date', example: '2026-12-31' }) @IsCalendarDate() dueDate!: string;
}

/** 暂缓、分期缴纳 (行政处罚法 Art. 66): a new due date or instalments. */
export class ApproveDeferralDto extends CommandBodyDto implements CommandBody<'approve-deferral'> {
  @ApiPropertyOptional({ description: '暂缓缴纳至（新的缴纳期限） new due date', example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
  @ApiPropertyOptional({ type: [InstallmentDto], description: '分期缴纳（各期金额和期限） instalments' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => InstallmentDto)
  installments?: InstallmentDto[];
}

export class RecordComplianceDto extends CommandBodyDto implements CommandBody<'record-compliance'> {
  @ApiProperty({ enum: PENALTY_KINDS, description: '已履行的处罚种类 penalty complied with' }) @IsIn(PENALTY_KINDS) penaltyKind!: string;
  @ApiProperty({ description: '履行情况 how it was complied with' }) @IsString() @IsNotEmpty() @MaxLength(5000) summary!: string;
}

export class RecordRemedyDto extends CommandBodyDto implements CommandBody<'record-remedy'> {
  @ApiProperty({ enum: ['reconsideration', 'litigation'], description: '救济途径（行政处罚法第七条） remedy' })
  @IsIn(['reconsideration', 'litigation'])
  kind!: 'reconsideration' | 'litigation';
  @ApiProperty({ description: '复议机关或受理法院 reconsideration body or court' }) @IsString() @IsNotEmpty() @MaxLength(200) body!: string;
}

export class RecordRemedyOutcomeDto extends CommandBodyDto implements CommandBody<'record-remedy-outcome'> {
  @ApiProperty({ enum: ['upheld', 'modified', 'revoked', 'confirmed_unlawful'], description: '复议决定或判决结果 outcome' })
  @IsIn(['upheld', 'modified', 'revoked', 'confirmed_unlawful'])
  outcome!: 'upheld' | 'modified' | 'revoked' | 'confirmed_unlawful';
  @ApiPropertyOptional({ type: [PenaltyDto], description: '变更后的处罚（结果为变更时填写） penalties as modified' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  penalties?: PenaltyDto[];
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const DECISION_FOLLOW_UP_DTOS = {
  'record-collective-discussion': RecordCollectiveDiscussionDto,
  'publish-decision': PublishDecisionDto,
  'approve-deferral': ApproveDeferralDto,
  'record-compliance': RecordComplianceDto,
  'record-remedy': RecordRemedyDto,
  'record-remedy-outcome': RecordRemedyOutcomeDto,
};
