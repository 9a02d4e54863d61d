import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMAND_NAMES, CommandName, STAGES, Stage } from '@workflows/enforcement-case';
import { CaseEventView } from './case-event.response';
import { CaseViewResponse } from './case-view.response';

/** The point asked for: exactly one of revision, at, occurredAt. */
export class TimelinePointView {
  @ApiPropertyOptional({ type: Number, description: '截至该版本（含）' }) revision?: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '系统在该时刻记录的情况' }) at?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '截至该时刻实际发生的情况' }) occurredAt?: string;
}

/** 时间线回放: the case as it stood at a point, and the events up to it. */
export class TimelineAtResponse {
  @ApiProperty({ type: TimelinePointView, description: '回放的时点' }) point!: TimelinePointView;
  @ApiProperty({ type: CaseViewResponse, nullable: true, description: '该时点的案件视图；案件尚不存在时为空' })
  case!: CaseViewResponse | null;
  @ApiProperty({ type: [CaseEventView], description: '截至该时点的事件（干预记录按查阅权限隐去）' }) events!: CaseEventView[];
}

/** One end of a change: the stage and the allowed commands at that revision. */
export class TimelineEndView {
  @ApiProperty({ type: Number, description: '版本' }) revision!: number;
  @ApiProperty({ enum: Object.keys(STAGES), nullable: true, description: '该版本的案件阶段；案件尚不存在时为空' }) stage!: Stage | null;
  @ApiProperty({ enum: COMMAND_NAMES, isArray: true, description: '该版本允许的操作' }) allowedCommands!: CommandName[];
}

/** 变化区间: what changed between two revisions. */
export class TimelineBetweenResponse {
  @ApiProperty({ type: TimelineEndView, description: '起始版本（不含）' }) from!: TimelineEndView;
  @ApiProperty({ type: TimelineEndView, description: '终止版本（含）' }) to!: TimelineEndView;
  @ApiProperty({ type: [CaseEventView], description: '区间内的事件（干预记录按查阅权限隐去）' }) events!: CaseEventView[];
}
