import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';

/** 中止 (docs/procedure.md §1). */
export class SuspendCaseDto extends CommandBodyDto implements CommandBody<'suspend-case'> {
  @ApiProperty({ description: '中止理由（如等待鉴定） reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** 恢复 (no fields besides occurredAt). */
export class ResumeCaseDto extends CommandBodyDto implements CommandBody<'resume-case'> {}

/** 延期 (former sector rule Art. 31). */
export class ExtendHandlingPeriodDto extends CommandBodyDto implements CommandBody<'extend-handling-period'> {
  @ApiProperty({
    enum: ['head', 'upper'],
    description:
      '批准层级（本机关负责人批准至九十日，上一级批准至一百八十日） head: own head (to 90 days); upper: the next level up (to 180 days)',
  })
  @IsIn(['head', 'upper'])
  tier!: 'head' | 'upper';
  @ApiProperty({ description: '延期理由 reason' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const HANDLING_CLOCK_DTOS = {
  'suspend-case': SuspendCaseDto,
  'resume-case': ResumeCaseDto,
  'extend-handling-period': ExtendHandlingPeriodDto,
};
