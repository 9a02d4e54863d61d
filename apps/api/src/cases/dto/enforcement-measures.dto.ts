import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min } from 'class-validator';
import { CommandBodyDto } from './common.dto';
import { IsSha256, NestedList, NonEmptyStrings } from './validators';

export class SeizedItemDto {
  @ApiProperty({ description: '场所、设施或财物名称 name' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ description: '数量 quantity' }) @IsOptional() @IsString() @MaxLength(100) quantity?: string;
}

/** 查封扣押 (行政强制法 Art. 18, 24). */
export class ImposeSeizureDto extends CommandBodyDto implements CommandBody<'impose-seizure'> {
  @NestedList(SeizedItemDto, '查封扣押的场所、设施或财物（行政强制法第二十四条） seized items') items!: SeizedItemDto[];
  @ApiProperty({ description: '查封扣押理由 reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
  @NonEmptyStrings('法律依据') legalBasis!: string[];
  @ApiPropertyOptional({
    description: '现场音像记录摘要（本案已登记为音像记录的证据的 SHA-256 摘要；缺少则 422） hash of the audio_video evidence',
  })
  @IsOptional()
  @IsSha256()
  audioVideoEvidenceHash?: string;
}

export class ExtendSeizureDto extends CommandBodyDto implements CommandBody<'extend-seizure'> {
  @ApiProperty({ description: '延长天数（1–30 日，行政强制法第二十五条） days', minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;
  @ApiProperty({ description: '延长理由（情况复杂，经负责人批准） reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

export class ReleaseSeizureDto extends CommandBodyDto implements CommandBody<'release-seizure'> {
  @ApiProperty({ enum: ['released', 'confiscated', 'destroyed'], description: '处理决定（行政强制法第二十七条） disposition' })
  @IsIn(['released', 'confiscated', 'destroyed'])
  disposition!: 'released' | 'confiscated' | 'destroyed';
  @ApiProperty({ description: '理由 reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** 催告 (行政强制法 Art. 54): no fields besides occurredAt. */
export class IssueEnforcementUrgeDto extends CommandBodyDto implements CommandBody<'issue-enforcement-urge'> {}

export class ApplyCourtEnforcementDto extends CommandBodyDto implements CommandBody<'apply-court-enforcement'> {
  @ApiProperty({ description: '受理法院（行政强制法第五十三条） court' }) @IsString() @IsNotEmpty() @MaxLength(200) court!: string;
}

export class RecordCourtRulingDto extends CommandBodyDto implements CommandBody<'record-court-ruling'> {
  @ApiProperty({ enum: ['enforce', 'refuse'], description: '法院裁定 ruling' }) @IsIn(['enforce', 'refuse']) outcome!: 'enforce' | 'refuse';
  @ApiPropertyOptional({ description: '裁定理由 reason' }) @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

export class RecordCourtExecutionDto extends CommandBodyDto implements CommandBody<'record-court-execution'> {
  @ApiProperty({ description: '执行情况 summary' }) @IsString() @IsNotEmpty() @MaxLength(5000) summary!: string;
  @ApiPropertyOptional({ description: '执行到位金额（元） amount in yuan' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  amountYuan?: number;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const ENFORCEMENT_MEASURES_DTOS = {
  'impose-seizure': ImposeSeizureDto,
  'extend-seizure': ExtendSeizureDto,
  'release-seizure': ReleaseSeizureDto,
  'issue-enforcement-urge': IssueEnforcementUrgeDto,
  'apply-court-enforcement': ApplyCourtEnforcementDto,
  'record-court-ruling': RecordCourtRulingDto,
  'record-court-execution': RecordCourtExecutionDto,
};
