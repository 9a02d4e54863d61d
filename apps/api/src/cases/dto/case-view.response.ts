import { ApiProperty, ApiPropertyOptional, OpenAPIObject } from '@nestjs/swagger';
import { CaseView } from '@app/case-engine';
import {
  CASE_SOURCES,
  COMMAND_NAMES,
  CaseSource,
  CommandName,
  DEADLINE_KINDS,
  Deadline,
  DeadlineKind,
  DeadlineStatus,
  INDUSTRIES,
  Industry,
  OpenSupervision,
  PENALTY_KINDS,
  Penalty,
  PenaltyKind,
  STAGES,
  Stage,
  Violation,
} from '@workflows/enforcement-case';

/*
 * The answer of GET /cases/{caseId} as an OpenAPI schema. Each class `implements` the engine's own type, so a field
 * the engine renames or retypes fails to compile here; test/e2e/response-schemas.e2e-spec.ts checks real answers
 * against the built document, so a field the schema lacks or misnames fails there.
 */

/** The name of the machine's state, as the OpenAPI components name it (registered by withCaseStateSchema). */
export const CASE_STATE_SCHEMA = 'CaseStateValue';

/** A name in Chinese and English (stages, deadline kinds). */
export class LocalizedNameView {
  @ApiProperty({ type: String, description: '中文名称' }) zh!: string;
  @ApiProperty({ type: String, description: '英文名称 (English name)' }) en!: string;
}

/** 当事人, as the officer stated it at 立案 (not masked: the case view is for those who handle and review the case). */
export class PartyView {
  @ApiProperty({ enum: ['organization', 'individual'], description: '当事人类别：单位或个人' }) kind!: 'organization' | 'individual';
  @ApiProperty({ type: String, description: '当事人名称或姓名' }) name!: string;
  @ApiPropertyOptional({ type: String, description: '统一社会信用代码（单位）' }) creditCode?: string;
  @ApiPropertyOptional({ type: String, description: '居民身份证号码（个人）' }) idNumber?: string;
  @ApiPropertyOptional({ type: String, description: '法定代表人（单位）' }) legalRepresentative?: string;
  @ApiPropertyOptional({ type: String, description: '住所或地址' }) address?: string;
}

/** 违法行为, as stated at 立案. */
export class ViolationView implements Violation {
  @ApiPropertyOptional({ type: String, description: '违法行为代码（裁量基准）' }) code?: string;
  @ApiProperty({ type: String, description: '违法事实' }) description!: string;
  @ApiProperty({ type: [String], description: '违反的法律条款' }) provisions!: string[];
  @ApiPropertyOptional({ type: String, format: 'date', description: '违法行为发生日（计算追责时效，行政处罚法第三十六条）' })
  committedOn?: string;
}

/** 行政处罚 of a decision. */
export class PenaltyView implements Penalty {
  @ApiProperty({ enum: PENALTY_KINDS, description: '处罚种类' }) kind!: PenaltyKind;
  @ApiPropertyOptional({ type: Number, description: '罚款或没收金额（元）' }) amountYuan?: number;
  @ApiPropertyOptional({ type: Number, description: '责令停产停业等的天数' }) days?: number;
}

/** 处罚决定 (or 不予处罚 / 移送), once made. */
export class DecisionView {
  @ApiProperty({ type: String, description: '决定书文号' }) decisionNo!: string;
  @ApiProperty({ type: String, description: '决定结果：penalty 处罚，no_penalty_minor / no_penalty_unproven 不予处罚，transfer 移送' })
  outcome!: string;
  @ApiProperty({ type: [PenaltyView], description: '处罚内容' }) penalties!: PenaltyView[];
  @ApiProperty({ type: String, format: 'date-time', description: '作出决定的时间' }) decidedAt!: string;
  @ApiPropertyOptional({ type: String, description: '以其名义作出决定的机关（受委托组织的委托机关）' }) issuerAgencyId?: string;
}

/** 期限, as computed when its starting event happened, with its status now. */
export class DeadlineView implements Deadline {
  @ApiProperty({ enum: DEADLINE_KINDS, description: '期限种类' }) kind!: DeadlineKind;
  @ApiProperty({ type: String, format: 'date-time', description: '起算时刻（当日不计入）' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date', description: '届满日（Asia/Shanghai）' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '届满时刻（届满日终了）' }) dueAt!: string;
  @ApiProperty({ type: String, description: '法定依据，如「3个工作日（行政处罚法第八十五条）」' }) basis!: string;
  @ApiProperty({ type: String, description: '计算时适用的规则版本' }) rulesVersion!: string;
  @ApiPropertyOptional({ type: String, description: '节假日历尚未覆盖届满年份时的说明（届满日为暂定）' }) provisional?: string;
  @ApiProperty({ enum: ['open', 'met', 'missed', 'paused'], description: '状态：进行中、已完成、已超期、已暂停' })
  status!: DeadlineStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '完成时刻（在届满时刻或之前）' }) metAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: '逾期后补办的时刻：行为有效，期限仍为已超期' })
  actedLateAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: '顺延前的期间末日（届满日因节假日顺延时）' })
  nominalDueDate?: string;
}

/** 督办 awaiting the handling officers' reply. */
export class OpenSupervisionView implements OpenSupervision {
  @ApiProperty({ type: String, description: '督办编号' }) supervisionId!: string;
  @ApiProperty({ type: String, description: '督办人' }) supervisorId!: string;
  @ApiProperty({ type: String, description: '督办机关' }) supervisorAgencyId!: string;
  @ApiProperty({ type: String, description: '督办事由' }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '督办时间' }) supervisedAt!: string;
  @ApiProperty({ type: String, format: 'date', description: '回复期限' }) replyDueDate!: string;
}

/** 案件视图: the case as it now stands, with the commands its state allows. */
export class CaseViewResponse implements CaseView {
  @ApiProperty({ type: String, format: 'uuid', description: '案件编号（UUID）' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true, description: '立案编号；立案批准前为空' }) caseNo!: string | null;
  @ApiProperty({ type: String, description: '办案机关' }) agencyId!: string;
  @ApiProperty({ type: String, nullable: true, description: '以其名义办案和制发文书的机关（受委托组织为委托机关）；立案前为空' })
  issuerAgencyId!: string | null;
  @ApiProperty({ enum: Object.keys(STAGES), description: '案件阶段' }) stage!: Stage;
  @ApiProperty({ type: LocalizedNameView, description: '阶段名称' }) stageName!: LocalizedNameView;
  @ApiProperty({
    allOf: [{ $ref: `#/components/schemas/${CASE_STATE_SCHEMA}` }],
    description: '状态机的当前状态（含并行的期限、整改、查封扣押轨道）',
  })
  state!: CaseView['state'];
  @ApiProperty({ type: Number, description: '案件版本（ETag；If-Match 所指）' }) revision!: number;
  @ApiProperty({ type: PartyView, description: '当事人' }) party!: PartyView;
  @ApiProperty({ enum: INDUSTRIES, description: '行业领域' }) industry!: Industry;
  @ApiProperty({ enum: CASE_SOURCES, description: '案件来源' }) source!: CaseSource;
  @ApiProperty({ type: String, description: '案情摘要' }) summary!: string;
  @ApiProperty({ type: [ViolationView], description: '违法行为' }) violations!: ViolationView[];
  @ApiProperty({ type: [String], description: '承办执法人员' }) handlingOfficerIds!: string[];
  @ApiProperty({ type: String, nullable: true, description: '审批立案的负责人' }) filingApproverId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '听证主持人' }) presidingOfficerId!: string | null;
  @ApiProperty({ type: String, format: 'date', description: '发现违法行为的日期' }) discoveredAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: '立案时间' }) filedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '立案时适用的规则版本' }) rulesVersion!: string | null;
  @ApiProperty({ type: DecisionView, nullable: true, description: '处理决定；作出前为空' }) decision!: DecisionView | null;
  @ApiProperty({ type: Number, description: '已缴罚款（元）' }) paidYuan!: number;
  @ApiProperty({ enum: COMMAND_NAMES, isArray: true, description: '当前状态允许的操作（不论操作人）' })
  allowedCommands!: CommandName[];
  @ApiProperty({ type: [DeadlineView], description: '期限及其法定依据' }) deadlines!: DeadlineView[];
  @ApiProperty({ type: [OpenSupervisionView], description: '待回复的督办' }) openSupervisions!: OpenSupervisionView[];
  @ApiProperty({
    type: [String],
    description:
      '标记：major 重大案件，interference_recorded 有干预记录，legal_review_required 须法制审核，criminal_indicators 涉嫌犯罪情节',
  })
  flags!: string[];
  @ApiProperty({ type: String, format: 'date-time', description: '创建时间' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '最后变化时间' }) updatedAt!: string;
}

/** The machine's state value: a state's name, or per region of a compound or parallel state its own value. */
const CASE_STATE_VALUE: NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string] = {
  description: '状态机的状态：状态名，或各子区域的状态',
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { $ref: `#/components/schemas/${CASE_STATE_SCHEMA}` } }],
};

/** Adds the recursive state value to an OpenAPI document (a class cannot describe a recursive map). */
export function withCaseStateSchema(doc: OpenAPIObject): OpenAPIObject {
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, [CASE_STATE_SCHEMA]: CASE_STATE_VALUE } } };
}
