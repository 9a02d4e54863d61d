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
  @ApiPropertyOptional({ description: '审批意见 opinion' }) @IsOptional() @IsString() @MaxLength(2000) opinion?: string;
}

export class RejectFilingDto extends CommandBodyDto implements CommandBody<'reject-filing'> {
  @ApiProperty({ description: '不予立案理由 reason' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class RecordEvidenceDto extends CommandBodyDto implements CommandBody<'record-evidence'> {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: '证据种类 kind' }) @IsIn(EVIDENCE_KINDS) kind!: EvidenceKind;
  @ApiProperty({ description: '证据名称 title' }) @IsString() @IsNotEmpty() @MaxLength(500) title!: string;
  @ApiProperty({ description: '取证执法人员 officers' }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) officerIds!: string[];
  @ApiProperty({ description: '证据文件摘要（SHA-256；只记摘要，不存文件） content hash, never the file' })
  @IsSha256()
  contentHash!: string;
  @ApiPropertyOptional({ description: '证据说明 description' }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class ConcludeInvestigationDto extends CommandBodyDto implements CommandBody<'conclude-investigation'> {
  @ApiProperty({ description: '调查结论 findings' }) @IsString() @IsNotEmpty() @MaxLength(10000) findings!: string;
  @ApiProperty({ enum: OUTCOMES, description: '处理建议（行政处罚法第五十七条） proposed outcome' })
  @IsIn(OUTCOMES)
  proposedOutcome!: Outcome;
  @ApiPropertyOptional({ description: '违法行为代码（裁量基准） violation code' }) @IsOptional() @IsString() violationCode?: string;
  @ApiPropertyOptional({ enum: DISCRETION_LEVELS, description: '违法情节（裁量基准） circumstance level' })
  @IsOptional()
  @IsIn(DISCRETION_LEVELS)
  discretionLevel?: DiscretionLevel;
  @ApiPropertyOptional({ type: [PenaltyDto], description: '建议的处罚 proposed penalties' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  proposedPenalties?: PenaltyDto[];
  @NonEmptyStrings('法律依据') legalBasis!: string[];
}

export class IssuePenaltyNoticeDto extends CommandBodyDto implements CommandBody<'issue-penalty-notice'> {
  @NestedList(PenaltyDto, '拟作出的处罚（行政处罚法第四十四条） proposed penalties') proposedPenalties!: PenaltyDto[];
  @NonEmptyStrings('法律依据') legalBasis!: string[];
}

export class RecordStatementDto extends CommandBodyDto implements CommandBody<'record-statement'> {
  @ApiProperty({ description: '陈述申辩要点（行政处罚法第四十五条） summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary!: string;
  @ApiProperty({ description: '是否采纳 adopted' }) @IsBoolean() adopted!: boolean;
}

export class WaiveRightsDto extends CommandBodyDto implements CommandBody<'waive-rights'> {
  @ApiProperty({
    enum: WAIVABLE_RIGHTS,
    isArray: true,
    description: '放弃的权利（陈述、申辩权，行政处罚法第四十五条；听证权，行政处罚法第六十三条） rights waived',
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WAIVABLE_RIGHTS, { each: true })
  rights!: WaivableRight[];
}

export class RecordLegalReviewDto extends CommandBodyDto implements CommandBody<'record-legal-review'> {
  @ApiProperty({ enum: ['approved', 'returned'], description: '审核结论（行政处罚法第五十八条） outcome' })
  @IsIn(['approved', 'returned'])
  outcome!: 'approved' | 'returned';
  @ApiProperty({ description: '法律适用是否正确 legal basis correct' }) @IsBoolean() legalBasisCorrect!: boolean;
  @ApiProperty({ description: '法制审核意见 opinion' }) @IsString() @IsNotEmpty() @MaxLength(10000) opinion!: string;
}

export class DecideDto extends CommandBodyDto implements CommandBody<'decide'> {
  @ApiProperty({ enum: OUTCOMES, description: '处理决定（行政处罚法第五十七条） outcome' }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiPropertyOptional({ type: [PenaltyDto], description: '处罚内容 penalties' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  penalties?: PenaltyDto[];
  @NonEmptyStrings('法律依据') legalBasis!: string[];
  @ApiPropertyOptional({ description: '违法行为代码（裁量基准） violation code' }) @IsOptional() @IsString() violationCode?: string;
  @ApiPropertyOptional({ enum: DISCRETION_LEVELS, description: '违法情节（裁量基准） circumstance level' })
  @IsOptional()
  @IsIn(DISCRETION_LEVELS)
  discretionLevel?: DiscretionLevel;
  @ApiPropertyOptional({ description: '裁量说明（偏离裁量基准时说明理由） justification' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  justification?: string;
}

export class ServeDecisionDto extends CommandBodyDto implements CommandBody<'serve-decision'> {
  @ApiProperty({ enum: SERVICE_METHODS, description: '送达方式（行政处罚法第六十一条） method' })
  @IsIn(SERVICE_METHODS)
  method!: ServiceMethod;
  @ApiPropertyOptional({
    description: '所送达决定书的文号（须为本案已签发的决定书，见 issue-document） the issued decision served, by its number',
    example: '北应急罚〔2026〕1号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber?: string;
}

export class RecordPaymentDto extends CommandBodyDto implements CommandBody<'record-payment'> {
  @ApiProperty({ description: '缴款金额（元） amount in yuan' }) @IsNumber({ maxDecimalPlaces: 2 }) @IsPositive() amountYuan!: number;
  @ApiProperty({ description: '缴款凭证号 receipt number' }) @IsString() @IsNotEmpty() @MaxLength(100) receiptNo!: string;
}

export class CloseCaseDto extends CommandBodyDto implements CommandBody<'close-case'> {
  @ApiPropertyOptional({ description: '结案报告摘要 summary' }) @IsOptional() @IsString() @MaxLength(10000) summary?: string;
}

/** 案卷归档: the service binds and hashes the 案卷 as it stood at closing; the body says at most when. */
export class ArchiveDossierDto extends CommandBodyDto implements CommandBody<'archive-dossier'> {}

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
  'archive-dossier': ArchiveDossierDto,
};
