import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, registerDecorator } from 'class-validator';
import { IsDateTimeWithOffset } from '../cases/dto/validators';

/** Rows of one json answer (it is built in memory); larger ranges page with `after` or export. */
export const AUDIT_PAGE_MAX_ROWS = 10_000;
/** Rows of one csv or jsonl export (it streams with constant memory; larger ranges continue with `after`). */
export const AUDIT_EXPORT_MAX_ROWS = 1_000_000;

/** A json answer holds at most AUDIT_PAGE_MAX_ROWS rows; an export up to AUDIT_EXPORT_MAX_ROWS (checked by @Max). */
function WithinJsonPage() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'withinJsonPage',
      target: object.constructor,
      propertyName,
      options: {
        message: `format=json 时每页至多 ${AUDIT_PAGE_MAX_ROWS} 条，更多请用 after 翻页或导出 csv/jsonl (limit must not exceed ${AUDIT_PAGE_MAX_ROWS} for json: page with after, or export as csv or jsonl)`,
      },
      validator: {
        validate: (v: unknown, args) =>
          ((args?.object as AuditQueryDto | undefined)?.format ?? 'json') !== 'json' || typeof v !== 'number' || v <= AUDIT_PAGE_MAX_ROWS,
      },
    });
}

/** Filters of the audit trail (docs/supervision.md §1); `after` pages by position. */
export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: '操作人' }) @IsOptional() @IsString() actorId?: string;
  @ApiPropertyOptional({ description: '案件所属机关（含下级机关）' }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ description: '事件类型' }) @IsOptional() @IsString() type?: string;
  @ApiPropertyOptional({ description: '记录时间起' }) @IsOptional() @IsDateTimeWithOffset() from?: string;
  @ApiPropertyOptional({ description: '记录时间止' }) @IsOptional() @IsDateTimeWithOffset() to?: string;
  @ApiPropertyOptional({ description: '从该位置之后' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional({
    default: 100,
    maximum: AUDIT_EXPORT_MAX_ROWS,
    description: `条数上限：json 至多 ${AUDIT_PAGE_MAX_ROWS}；csv、jsonl 导出以流式输出，至多 ${AUDIT_EXPORT_MAX_ROWS}`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_EXPORT_MAX_ROWS)
  @WithinJsonPage()
  limit?: number;
  @ApiPropertyOptional({ enum: ['json', 'jsonl', 'csv'] }) @IsOptional() @IsIn(['json', 'jsonl', 'csv']) format?: 'json' | 'jsonl' | 'csv';
}
