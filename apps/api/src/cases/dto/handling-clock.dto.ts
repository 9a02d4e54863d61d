import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';

/** 中止 (docs/procedure.md §1). */
export class SuspendCaseDto extends CommandBodyDto implements CommandBody<'suspend-case'> {
  @ApiProperty({ description: '中止理由（如等待鉴定）' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** 恢复 (no fields besides occurredAt). */
export class ResumeCaseDto extends CommandBodyDto implements CommandBody<'resume-case'> {}

/** 延期 (former sector rule Art. 31). */
export class ExtendHandlingPeriodDto extends CommandBodyDto implements CommandBody<'extend-handling-period'> {
  @ApiProperty({ enum: ['head', 'upper'], description: 'head: 本机关负责人（至90日）; upper: 上一级（至180日）' })
  @IsIn(['head', 'upper'])
  tier!: 'head' | 'upper';
  @ApiProperty({ description: '延期理由' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const HANDLING_CLOCK_DTOS = {
  'suspend-case': SuspendCaseDto,
  'resume-case': ResumeCaseDto,
  'extend-handling-period': ExtendHandlingPeriodDto,
};
