import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';

/** 中止 (docs/procedure.md §1). */
export class SuspendCaseDto extends CommandBodyDto {
  @ApiProperty({ description: '中止理由（如等待鉴定）' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

/** 恢复 (no fields besides occurredAt). */
export class ResumeCaseDto extends CommandBodyDto {}

/** 延期 (former sector rule Art. 31). */
export class ExtendHandlingPeriodDto extends CommandBodyDto {
  @ApiProperty({ enum: ['head', 'upper'], description: 'head: 本机关负责人（至90日）; upper: 上一级（至180日）' }) @IsIn(['head', 'upper']) tier!: 'head' | 'upper';
  @ApiProperty({ description: '延期理由' }) @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}
