import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';
import { IsCalendarDate, NonEmptyStrings } from './validators';

/** 责令限期整改指令书 (安全生产法 Art. 65). */
export class IssueRectificationOrderDto extends CommandBodyDto implements CommandBody<'issue-rectification-order'> {
  @NonEmptyStrings('整改事项') items!: string[];
  @ApiProperty({ description: '整改期限 deadline', example: '2026-10-15' }) @IsCalendarDate() deadline!: string;
  @NonEmptyStrings('法律依据') legalBasis!: string[];
}

/** 当事人申请复查 (no fields besides occurredAt). */
export class RequestReinspectionDto extends CommandBodyDto implements CommandBody<'request-reinspection'> {}

/** 整改复查意见书. */
export class RecordReinspectionDto extends CommandBodyDto implements CommandBody<'record-reinspection'> {
  @ApiProperty({ description: '复查执法人员（至少两名） officers' })
  @IsArray()
  @ArrayMinSize(2)
  @IsString({ each: true })
  officerIds!: string[];
  @ApiProperty({ enum: ['passed', 'failed'], description: '复查结论 result' }) @IsIn(['passed', 'failed']) result!: 'passed' | 'failed';
  @ApiProperty({ description: '复查情况 findings' }) @IsString() @IsNotEmpty() @MaxLength(10000) findings!: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const RECTIFICATION_DTOS = {
  'issue-rectification-order': IssueRectificationOrderDto,
  'request-reinspection': RequestReinspectionDto,
  'record-reinspection': RecordReinspectionDto,
};
