import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { IsDateTimeWithOffset } from '../cases/dto/validators';

/** Filters of the audit trail (docs/supervision.md §1); `after` pages by position. */
export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: '操作人' }) @IsOptional() @IsString() actorId?: string;
  @ApiPropertyOptional({ description: '案件所属机关（含下级机关）' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ description: '事件类型' }) @IsOptional() @IsString() type?: string;
  @ApiPropertyOptional({ description: '记录时间起' }) @IsOptional() @IsDateTimeWithOffset() from?: string;
  @ApiPropertyOptional({ description: '记录时间止' }) @IsOptional() @IsDateTimeWithOffset() to?: string;
  @ApiPropertyOptional({ description: '从该位置之后' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) limit?: number;
  @ApiPropertyOptional({ enum: ['json', 'jsonl', 'csv'] }) @IsOptional() @IsIn(['json', 'jsonl', 'csv']) format?: 'json' | 'jsonl' | 'csv';
}
