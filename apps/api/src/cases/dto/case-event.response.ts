import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Actor, StoredEventJson } from '@app/case-engine';
import { ROLE_NAMES, Role } from '@workflows/enforcement-case';
import { CaseViewResponse } from './case-view.response';

/** Who did it: from the verified token, or the system (the deadline scheduler). */
export class ActorView implements Actor {
  @ApiProperty({ type: String, description: '用户编号（系统操作为 system）' }) id!: string;
  @ApiProperty({ type: String, description: '姓名' }) name!: string;
  @ApiProperty({ enum: Object.keys(ROLE_NAMES), isArray: true, description: '角色' }) roles!: Role[];
  @ApiProperty({ type: String, description: '所属机关' }) agencyId!: string;
}

/** 全过程记录: the metadata every case event carries. */
export class CaseEventMetadataView {
  @ApiPropertyOptional({ type: ActorView, description: '操作人；干预记录对无权查阅者隐去' }) actor?: ActorView;
  @ApiPropertyOptional({ type: String, description: '受委托组织办案时的委托机关' }) onBehalfOf?: string;
  @ApiProperty({ type: String, description: '产生该事件的操作' }) command!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '发生时间' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '记录时间' }) recordedAt!: string;
  @ApiProperty({ type: String, description: '请求编号' }) requestId!: string;
  @ApiProperty({ type: String, description: '关联编号' }) correlationId!: string;
  @ApiProperty({ type: String, description: '起因编号' }) causationId!: string;
  @ApiPropertyOptional({ type: String, description: '客户端地址' }) clientIp?: string;
  @ApiPropertyOptional({ type: String, description: '客户端' }) userAgent?: string;
  @ApiPropertyOptional({ type: String, description: '适用的规则版本' }) rulesVersion?: string;
  @ApiPropertyOptional({ type: [String], description: '法律依据' }) legalBasis?: string[];
  @ApiPropertyOptional({ type: String, description: '幂等键 (Idempotency-Key)' }) idempotencyKey?: string;
  @ApiPropertyOptional({ type: String, description: '事件之后案件所处阶段' }) stageAfter?: string;
  @ApiPropertyOptional({ type: String, description: '操作名与请求体的 sha-256（区分重试与复用的幂等键）' }) requestHash?: string;
  @ApiPropertyOptional({ type: String, description: '前一事件的哈希（哈希链）' }) prevHash?: string;
  @ApiPropertyOptional({ type: String, description: '本事件的哈希（哈希链）' }) hash?: string;
}

/** One stored case event. */
export class CaseEventView implements Omit<StoredEventJson, 'metadata'> {
  @ApiProperty({ type: String, format: 'uuid', description: '事件编号' }) id!: string;
  @ApiProperty({ type: String, description: '事件类型' }) type!: string;
  @ApiProperty({ type: Number, description: '案件版本' }) revision!: number;
  @ApiProperty({ type: String, description: '在事件库中的位置（可能超过 2^53，故为字符串）' }) position!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '事件内容（随事件类型而定）' }) data!: Record<string, unknown>;
  @ApiProperty({ type: CaseEventMetadataView, description: '元数据' }) metadata!: CaseEventMetadataView;
}

/** What a step on a case answers: the case as it now stands and the events the step wrote. */
export class CommandResponseDto {
  @ApiProperty({ type: CaseViewResponse, description: '操作后的案件视图' }) case!: CaseViewResponse;
  @ApiProperty({ type: [CaseEventView], description: '本次写入的事件（重放时为首次写入的事件）' }) events!: CaseEventView[];
}
