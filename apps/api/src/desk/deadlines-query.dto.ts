import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** A page of a desk list: at most 100 rows an answer. */
export class DeskPageQueryDto {
  @ApiPropertyOptional({ default: 1, description: '页码' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100, description: '每页条数（至多 100）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** 期限预警 filters: whose deadlines, how far ahead, which, and the page. */
export class DeadlinesQueryDto extends DeskPageQueryDto {
  @ApiPropertyOptional({
    enum: ['mine', 'agency'],
    default: 'agency',
    description: 'mine：本人承办案件的期限；agency：机关（可含下级机关）的期限',
  })
  @IsOptional()
  @IsIn(['mine', 'agency'])
  scope?: 'mine' | 'agency';
  @ApiPropertyOptional({ description: '机关；默认本机关（仅 scope=agency）' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ description: '含下级机关（仅 scope=agency）' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeSubordinates?: boolean;
  @ApiPropertyOptional({
    description: '预警范围：今日起若干个工作日内届满（按法定工作日历计算）；默认取配置 DEADLINE_WARNING_WORKING_DAYS（3）',
    minimum: 0,
    maximum: 30,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  dueWithinWorkingDays?: number;
  @ApiPropertyOptional({
    enum: ['overdue', 'soon', 'all'],
    default: 'all',
    description: 'overdue：已逾期；soon：即将届满（预警范围内、尚未逾期）；all：两者',
  })
  @IsOptional()
  @IsIn(['overdue', 'soon', 'all'])
  status?: 'overdue' | 'soon' | 'all';
}

/** 待办 paging. */
export class AwaitingQueryDto extends DeskPageQueryDto {}
