import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_FIGURES, AssessmentFigure } from '@app/projections';
import { ReportScopeQueryDto } from './report-scope.query';

/** 六率考核: a year (default: this year, Asia/Shanghai) or one of its quarters, as of a report date. */
export class AssessmentQueryDto extends ReportScopeQueryDto {
  @ApiPropertyOptional({ description: '季度（1–4）；不填为全年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;
  @ApiPropertyOptional({ description: '统计截止时间 report date (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}

/** One figure of the report, and where its page of cases starts. */
export class AssessmentCasesQueryDto extends AssessmentQueryDto {
  @ApiProperty({
    enum: ASSESSMENT_FIGURES,
    description: '考核数字：指标.分子（numerator）或 指标.分母（denominator）；立案数量即 handling.denominator',
  })
  @IsIn(ASSESSMENT_FIGURES)
  figure!: AssessmentFigure;
  @ApiPropertyOptional({ description: '游标：上一页返回的 next；不填为第一页' }) @IsOptional() @IsString() @MaxLength(2000) after?: string;
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: '每页案件数（1–500）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
