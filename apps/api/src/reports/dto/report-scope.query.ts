import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** Whose figures a report gives, and of which year: the scope every report query shares. */
export class ReportScopeQueryDto {
  @ApiPropertyOptional({ description: '机关；默认本机关' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ description: '含下级机关' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeSubordinates?: boolean;
  @ApiPropertyOptional({ description: '年度（北京时间）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}
