import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CommandBody,
  DISCRETION_LEVELS,
  DiscretionLevel,
  EVIDENCE_KINDS,
  EvidenceKind,
  OUTCOMES,
  Outcome,
  SERVICE_METHODS,
  ServiceMethod,
  WAIVABLE_RIGHTS,
  WaivableRight,
} from '@workflows/enforcement-case';
import { CommandBodyDto, PenaltyDto } from './common.dto';
import { IsSha256, NestedList, NonEmptyStrings } from './validators';

export class ApproveFilingDto extends CommandBodyDto implements CommandBody<'approve-filing'> {
  @ApiPropertyOptional({ description: '审批意见' }) @IsOptional() @IsString() @MaxLength(2000) opinion?: string;
}

export class RejectFilingDto extends CommandBodyDto implements CommandBody<'reject-filing'> {
  @ApiProperty({ description: '不予立案理由' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class RecordEvidenceDto extends CommandBodyDto implements CommandBody<'record-evidence'> {
  @ApiProperty({ enum: EVIDENCE_KINDS }) @IsIn(EVIDENCE_KINDS) kind!: EvidenceKind;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) title!: string;
  @ApiProperty({ description: '取证执法人员' }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) officerIds!: string[];
  @ApiProperty({ description: '证据文件的 SHA-256 摘要 (content hash, never the file)' }) @IsSha256() contentHash!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class ConcludeInvestigationDto extends CommandBodyDto implements CommandBody<'conclude-investigation'> {
  @ApiProperty({ description: '调查结论' }) @IsString() @IsNotEmpty() @MaxLength(10000) findings!: string;
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) proposedOutcome!: Outcome;
  @ApiPropertyOptional() @IsOptional() @IsString() violationCode?: string;
  @ApiPropertyOptional({ enum: DISCRETION_LEVELS }) @IsOptional() @IsIn(DISCRETION_LEVELS) discretionLevel?: DiscretionLevel;
  @ApiPropertyOptional({ type: [PenaltyDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  proposedPenalties?: PenaltyDto[];
  @NonEmptyStrings('法律依据') legalBasis!: string[];
}

export class IssuePenaltyNoticeDto extends CommandBodyDto implements CommandBody<'issue-penalty-notice'> {
  @NestedList(PenaltyDto) proposedPenalties!: PenaltyDto[];
  @NonEmptyStrings() legalBasis!: string[];
}

export class RecordStatementDto extends CommandBodyDto implements CommandBody<'record-statement'> {
  @ApiProperty({ description: '陈述申辩要点' }) @IsString() @IsNotEmpty() @MaxLength(10000) summary!: string;
  @ApiProperty({ description: '是否采纳' }) @IsBoolean() adopted!: boolean;
}

export class WaiveRightsDto extends CommandBodyDto implements CommandBody<'waive-rights'> {
  @ApiProperty({ enum: WAIVABLE_RIGHTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WAIVABLE_RIGHTS, { each: true })
  rights!: WaivableRight[];
}

export class RecordLegalReviewDto extends CommandBodyDto implements CommandBody<'record-legal-review'> {
  @ApiProperty({ enum: ['approved', 'returned'] }) @IsIn(['approved', 'returned']) outcome!: 'approved' | 'returned';
  @ApiProperty({ description: '法律适用是否正确' }) @IsBoolean() legalBasisCorrect!: boolean;
  @ApiProperty({ description: '法制审核意见' }) @IsString() @IsNotEmpty() @MaxLength(10000) opinion!: string;
}

export class DecideDto extends CommandBodyDto implements CommandBody<'decide'> {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiPropertyOptional({ type: [PenaltyDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  penalties?: PenaltyDto[];
  @NonEmptyStrings() legalBasis!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() violationCode?: string;
  @ApiPropertyOptional({ enum: DISCRETION_LEVELS }) @IsOptional() @IsIn(DISCRETION_LEVELS) discretionLevel?: DiscretionLevel;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) justification?: string;
}

export class ServeDecisionDto extends CommandBodyDto implements CommandBody<'serve-decision'> {
  @ApiProperty({ enum: SERVICE_METHODS }) @IsIn(SERVICE_METHODS) method!: ServiceMethod;
}

export class RecordPaymentDto extends CommandBodyDto implements CommandBody<'record-payment'> {
  @ApiProperty({ description: '缴款金额（元）' }) @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() amountYuan!: number;
  @ApiProperty({ description: '缴款凭证号' }) @IsString() @IsNotEmpty() @MaxLength(100) receiptNo!: string;
}

export class CloseCaseDto extends CommandBodyDto implements CommandBody<'close-case'> {
  @ApiPropertyOptional({ description: '结案报告摘要' }) @IsOptional() @IsString() @MaxLength(10000) summary?: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const TRUNK_COMMANDS_DTOS = {
  'approve-filing': ApproveFilingDto,
  'reject-filing': RejectFilingDto,
  'record-evidence': RecordEvidenceDto,
  'conclude-investigation': ConcludeInvestigationDto,
  'issue-penalty-notice': IssuePenaltyNoticeDto,
  'record-statement': RecordStatementDto,
  'waive-rights': WaiveRightsDto,
  'record-legal-review': RecordLegalReviewDto,
  decide: DecideDto,
  'serve-decision': ServeDecisionDto,
  'record-payment': RecordPaymentDto,
  'close-case': CloseCaseDto,
};
