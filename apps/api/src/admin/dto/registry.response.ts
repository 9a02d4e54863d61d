import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Agency, TrainingRecord, User } from '@app/directory';
import {
  DEFAULT_DOCUMENT_NUMBER_FORMATS,
  DOCUMENT_NUMBER_FORMATS,
  DOCUMENT_NUMBER_FORMAT_TITLES,
  DocumentNumberFormat,
} from '@app/documents';
import {
  AGENCY_LEVELS,
  AgencyLevel,
  CertificateStatus,
  CertificateStatusPeriod,
  EnforcementCertificate,
  ROLE_NAMES,
  Role,
} from '@workflows/enforcement-case';

const CERTIFICATE_STATUSES: CertificateStatus[] = ['valid', 'suspended', 'revoked'];

/** The agency's own document-number formats, one per series (a series left out takes the default). */
export class NumberFormatsView implements Partial<Record<DocumentNumberFormat, string>> {}
// One property per series, from the one list of series (libs/documents: document-numbers.ts).
for (const series of DOCUMENT_NUMBER_FORMATS)
  ApiPropertyOptional({
    type: String,
    description: `${DOCUMENT_NUMBER_FORMAT_TITLES[series]}格式（默认 ${DEFAULT_DOCUMENT_NUMBER_FORMATS[series]}）`,
    example: DEFAULT_DOCUMENT_NUMBER_FORMATS[series],
  })(NumberFormatsView.prototype, series);

/** An agency as the registry knows it, with its enforcement power resolved. */
export class AgencyResponse implements Agency {
  @ApiProperty({ type: String, description: '机关编号' }) id!: string;
  @ApiProperty({ type: String, description: '行政区划代码' }) divisionCode!: string;
  @ApiProperty({ type: String, description: '机关名称' }) name!: string;
  @ApiProperty({ type: String, description: '机关简称（用于文书编号）' }) shortName!: string;
  @ApiProperty({ enum: AGENCY_LEVELS, description: '层级：市、县、乡镇' }) level!: AgencyLevel;
  @ApiProperty({ type: String, nullable: true, description: '上级机关' }) parentId!: string | null;
  @ApiPropertyOptional({ type: NumberFormatsView, description: '文书编号格式' }) numberFormats?: NumberFormatsView;
  @ApiPropertyOptional({ type: String, description: '委托机关（受委托组织）' }) entrustedBy?: string;
  @ApiProperty({ type: Boolean, description: '是否为行政执法主体（行政处罚法第十七条、第二十条）' }) enforcementPower!: boolean;
  @ApiPropertyOptional({ type: String, description: '行政复议机关' }) reconsiderationBody?: string;
  @ApiPropertyOptional({ type: String, description: '行政诉讼的人民法院' }) litigationCourt?: string;
  @ApiPropertyOptional({ type: String, description: '罚款缴纳机构与账户' }) finePayment?: string;
}

/** 机构列表 (GET /admin/agencies). */
export class AgencyListResponse {
  @ApiProperty({ type: Number, description: '登记簿版本' }) revision!: number;
  @ApiProperty({ type: [AgencyResponse], description: '管理范围内的机关' }) items!: AgencyResponse[];
}

export class CertificateStatusPeriodView implements CertificateStatusPeriod {
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: '状态：有效、暂扣、吊销' }) status!: CertificateStatus;
  @ApiProperty({ type: String, format: 'date', description: '自何日起' }) from!: string;
}

/** 行政执法证. */
export class CertificateView implements EnforcementCertificate {
  @ApiProperty({ type: String, description: '执法证号' }) number!: string;
  @ApiProperty({ type: String, format: 'date', description: '有效期自' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', description: '有效期至' }) validUntil!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: '当前状态：有效、暂扣、吊销' }) status!: CertificateStatus;
  @ApiPropertyOptional({ type: String, format: 'date', description: '当前状态自何日起' }) statusFrom?: string;
  @ApiPropertyOptional({ type: [CertificateStatusPeriodView], description: '此前的状态' }) statusHistory?: CertificateStatusPeriodView[];
  @ApiPropertyOptional({ type: String, description: '暂扣或吊销的理由' }) statusReason?: string;
}

export class TrainingRecordView implements TrainingRecord {
  @ApiProperty({ type: Number, description: '年度' }) year!: number;
  @ApiProperty({ type: Number, description: '学时' }) hours!: number;
  @ApiProperty({ type: String, description: '课程' }) course!: string;
  @ApiProperty({ type: String, format: 'date', description: '日期' }) date!: string;
}

/** A user as the registry knows it now. */
export class UserResponse implements User {
  @ApiProperty({ type: String, description: '人员编号' }) id!: string;
  @ApiProperty({ type: String, description: '姓名' }) name!: string;
  @ApiProperty({ enum: Object.keys(ROLE_NAMES), isArray: true, description: '角色' }) roles!: Role[];
  @ApiProperty({ type: String, description: '所属机关' }) agencyId!: string;
  @ApiPropertyOptional({ type: CertificateView, description: '行政执法证' }) certificate?: CertificateView;
  @ApiPropertyOptional({ type: String, description: '法律职业资格（法制审核人员，行政处罚法第五十八条）' }) legalQualification?: string;
  @ApiPropertyOptional({ type: Number, description: '（旧数据）未注明年度的培训学时' }) trainingHours?: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '各年度培训学时' })
  trainingHoursByYear!: Record<string, number>;
  @ApiProperty({ type: Boolean, description: '是否在职（停用后为否）' }) active!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date', description: '停用日期' }) inactiveFrom?: string;
  @ApiPropertyOptional({ type: [CertificateView], description: '此前持有的执法证' }) certificateHistory?: CertificateView[];
  @ApiPropertyOptional({ type: [TrainingRecordView], description: '培训记录' }) training?: TrainingRecordView[];
}

/** 人员列表 (GET /admin/users). */
export class UserListResponse {
  @ApiProperty({ type: Number, description: '登记簿版本' }) revision!: number;
  @ApiProperty({ type: [UserResponse], description: '人员' }) items!: UserResponse[];
}
