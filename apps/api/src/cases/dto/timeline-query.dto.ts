import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsDateTimeWithOffset } from './validators';

/** Exactly one of: revision; at; occurredAt; or from and to (revisions). */
export class TimelineQueryDto {
  @ApiPropertyOptional({ description: '截至该版本（含）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) revision?: number;
  @ApiPropertyOptional({ description: '系统在该时刻记录的情况 (recordedAt ≤ at)' }) @IsOptional() @IsDateTimeWithOffset() at?: string;
  @ApiPropertyOptional({ description: '截至该时刻实际发生的情况 (occurredAt ≤ occurredAt)' })
  @IsOptional()
  @IsDateTimeWithOffset()
  occurredAt?: string;
  @ApiPropertyOptional({ description: '变化区间：起始版本（不含）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(-1) from?: number;
  @ApiPropertyOptional({ description: '变化区间：终止版本（含）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) to?: number;
}
