import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_KINDS, INDUSTRIES, STAGES } from '@workflows/enforcement-case';
import { IsCalendarDate } from './validators';

const CASE_FLAGS = [
  'major',
  'criminal_indicators',
  'interference_recorded',
  'referral_proposed',
  'referral_rejected',
  'fine_only',
  'fine_in_place_of_referral',
];

/** 案件检索 filters (all optional), sorting and pagination. */
export class CaseSearchDto {
  @ApiPropertyOptional({ enum: Object.keys(STAGES) }) @IsOptional() @IsIn(Object.keys(STAGES)) stage?: string;
  @ApiPropertyOptional({ description: '承办机关；默认本机关' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ description: '含下级机关' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeSubordinates?: boolean;
  @ApiPropertyOptional({ enum: INDUSTRIES }) @IsOptional() @IsIn(INDUSTRIES) industry?: string;
  @ApiPropertyOptional({ description: '当事人名称（包含）或代码（完全一致）' }) @IsOptional() @IsString() party?: string;
  @ApiPropertyOptional({ description: '承办人员' }) @IsOptional() @IsString() officerId?: string;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS, description: '有已逾期的该类期限' }) @IsOptional() @IsIn(DEADLINE_KINDS) overdue?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() openedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() openedTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() decidedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() decidedTo?: string;
  @ApiPropertyOptional({ enum: CASE_FLAGS, description: 'fine_in_place_of_referral: 以罚代刑 review flag' })
  @IsOptional()
  @IsIn(CASE_FLAGS)
  flag?: string;
  @ApiPropertyOptional({
    type: String,
    description:
      '指定案件（逗号分隔的案件 ID，至多 200 个），如报表中某一比率背后的案件 (these cases only: comma-separated ids, at most 200)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  caseIds?: string[];
  @ApiPropertyOptional({ enum: ['openedAt', 'updatedAt', 'caseNo', 'decidedAt'] })
  @IsOptional()
  @IsIn(['openedAt', 'updatedAt', 'caseNo', 'decidedAt'])
  sort?: string;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
  @ApiPropertyOptional({
    default: 1,
    description: '页码；page × pageSize 至多 2000，更深处请用 after 游标 (page number; page × pageSize ≤ 2000, beyond it use `after`)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
  @ApiPropertyOptional({
    type: String,
    description: "游标：上一页答复中的 next，列出其后的案件（与 page 二选一）(cursor: the previous answer's `next`; instead of `page`)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
