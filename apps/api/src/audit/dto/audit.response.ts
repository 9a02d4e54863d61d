import { ApiProperty } from '@nestjs/swagger';
import { CaseEventMetadataView } from '../../cases/dto/case-event.response';
import { AuditItem } from '../audit-item';

/** One event of the audit trail, with its full metadata and hash links. */
export class AuditItemResponse implements AuditItem {
  @ApiProperty({ type: String, description: '在事件库中的位置（字符串，可能超过 2^53）' }) position!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '事件编号' }) event_id!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号' }) case_id!: string;
  @ApiProperty({ type: Number, description: '案件版本' }) revision!: number;
  @ApiProperty({ type: String, description: '事件类型' }) type!: string;
  @ApiProperty({ type: String, description: '操作人' }) actor_id!: string;
  @ApiProperty({ type: String, description: '操作人所属机关（隐去时为空串）' }) actor_agency_id!: string;
  @ApiProperty({ type: String, description: '产生该事件的操作' }) command!: string;
  @ApiProperty({ type: String, description: '发生时间' }) occurred_at!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '记录时间' }) recorded_at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '事件内容' }) data!: Record<string, unknown>;
  @ApiProperty({ type: CaseEventMetadataView, description: '元数据（含哈希链）' }) metadata!: CaseEventMetadataView &
    Record<string, unknown>;
}

/** 审计轨迹 (GET /audit, format=json): a page of events and where the next one starts. */
export class AuditPageResponse {
  @ApiProperty({ type: [AuditItemResponse], description: '本页事件' }) items!: AuditItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: '下一页的 after 参数；没有更多时为空' }) next!: string | null;
}
