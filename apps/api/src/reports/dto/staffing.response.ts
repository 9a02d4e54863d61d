import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_LEVELS, AgencyLevel, StaffingRules } from '@workflows/enforcement-case';
import { AgencyStaffing, ExpiringCertificate, InvalidCertificate, TrainingLine } from '../staffing-report';

/** A parameter of the rules version with its source. */
class SharedTargetView {
  @ApiProperty({ type: Number, description: '持证人员占比目标' }) target!: number;
  @ApiProperty({ enum: AGENCY_LEVELS, isArray: true, description: '适用的机关层级' }) levels!: AgencyLevel[];
  @ApiProperty({ type: String, description: '依据' }) source!: string;
}
class HoursRuleView {
  @ApiProperty({ type: Number, description: '每年最低培训学时' }) hours!: number;
  @ApiProperty({ type: String, description: '依据' }) source!: string;
}
class DaysRuleView {
  @ApiProperty({ type: Number, description: '证件到期前预警天数' }) days!: number;
  @ApiProperty({ type: String, description: '依据' }) source!: string;
}

/** The staffing parameters of the rules version in force. */
export class StaffingRulesView implements StaffingRules {
  @ApiProperty({ type: SharedTargetView, description: '持证人员占比' }) certifiedShare!: SharedTargetView;
  @ApiProperty({ type: HoursRuleView, description: '年度培训学时' }) trainingHoursPerYear!: HoursRuleView;
  @ApiProperty({ type: DaysRuleView, description: '证件到期预警' }) certificateExpiryWarningDays!: DaysRuleView;
}

export class ExpiringCertificateView implements ExpiringCertificate {
  @ApiProperty({ type: String, description: '人员' }) userId!: string;
  @ApiProperty({ type: String, description: '姓名' }) name!: string;
  @ApiProperty({ type: String, description: '执法证号' }) certificateNumber!: string;
  @ApiProperty({ type: String, format: 'date', description: '有效期至' }) validUntil!: string;
  @ApiProperty({ type: Number, description: '距到期的天数（0：当日到期）' }) daysLeft!: number;
}

export class InvalidCertificateView implements InvalidCertificate {
  @ApiProperty({ type: String, description: '人员' }) userId!: string;
  @ApiProperty({ type: String, description: '姓名' }) name!: string;
  @ApiProperty({ type: String, description: '执法证号' }) certificateNumber!: string;
  @ApiProperty({ type: String, format: 'date', description: '有效期自' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', description: '有效期至' }) validUntil!: string;
  @ApiProperty({ enum: ['expired', 'suspended', 'revoked', 'not_yet_valid'], description: '不计入的原因：过期、暂扣、吊销、尚未生效' })
  state!: InvalidCertificate['state'];
  @ApiProperty({ type: String, format: 'date', description: '自何日起' }) since!: string;
}

export class TrainingLineView implements TrainingLine {
  @ApiProperty({ type: String, description: '人员' }) userId!: string;
  @ApiProperty({ type: String, description: '姓名' }) name!: string;
  @ApiProperty({ type: Number, description: '本年度培训学时' }) hours!: number;
  @ApiProperty({ type: Boolean, description: '是否达到最低学时' }) met!: boolean;
}

export class TrainingShortfallView extends TrainingLineView {
  @ApiProperty({ type: Number, description: '差额学时' }) shortfall!: number;
}

export class AgencyTrainingView {
  @ApiProperty({ type: Number, description: '年度' }) year!: number;
  @ApiProperty({ type: Number, description: '最低学时' }) minimumHours!: number;
  @ApiProperty({ type: [TrainingLineView], description: '各人员学时' }) users!: TrainingLineView[];
  @ApiProperty({ type: [TrainingShortfallView], description: '未达最低学时的人员' }) below!: TrainingShortfallView[];
}

/** One agency's staffing. */
export class AgencyStaffingView implements AgencyStaffing {
  @ApiProperty({ type: String, description: '机关' }) agencyId!: string;
  @ApiProperty({ type: String, description: '机关名称' }) name!: string;
  @ApiProperty({ enum: AGENCY_LEVELS, description: '层级' }) level!: AgencyLevel;
  @ApiProperty({ type: Number, description: '在职人员数' }) onDuty!: number;
  @ApiProperty({ type: [String], description: '在职人员' }) onDutyUserIds!: string[];
  @ApiProperty({ type: Number, description: '持有效执法证人员数' }) certified!: number;
  @ApiProperty({ type: [String], description: '持有效执法证人员' }) certifiedUserIds!: string[];
  @ApiProperty({ type: Number, nullable: true, description: '持证占比；无在职人员时为空' }) certifiedShare!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '该层级适用的目标；不适用时为空' }) target!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '是否达到目标；不适用时为空' }) targetMet!: boolean | null;
  @ApiProperty({ type: [ExpiringCertificateView], description: '即将到期的执法证' }) expiringSoon!: ExpiringCertificateView[];
  @ApiProperty({ type: [InvalidCertificateView], description: '不计入的执法证' }) notValid!: InvalidCertificateView[];
  @ApiProperty({ type: AgencyTrainingView, description: '培训' }) training!: AgencyTrainingView;
}

export class StaffingTotalsView {
  @ApiProperty({ type: Number, description: '在职人员数' }) onDuty!: number;
  @ApiProperty({ type: Number, description: '持证人员数' }) certified!: number;
  @ApiProperty({ type: Number, nullable: true, description: '持证占比' }) certifiedShare!: number | null;
}

/** 执法人员配备与培训报告 (GET /reports/staffing). */
export class StaffingReportResponse {
  @ApiProperty({ type: String, description: '报告的机关' }) agencyId!: string;
  @ApiProperty({ type: String, format: 'date', description: '统计日期' }) asOf!: string;
  @ApiProperty({ type: String, description: '适用的规则版本' }) rulesVersion!: string;
  @ApiProperty({ type: StaffingRulesView, description: '人员配备参数' }) parameters!: StaffingRulesView;
  @ApiProperty({ type: StaffingTotalsView, description: '合计' }) totals!: StaffingTotalsView;
  @ApiProperty({ type: [AgencyStaffingView], description: '各机关' }) agencies!: AgencyStaffingView[];
}
