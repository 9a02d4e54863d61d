import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { AGENCY_LEVELS, AgencyLevel, CertificateStatus, Role } from '@workflows/enforcement-case';
import { KNOWN_ROLES } from '@app/directory';
import { DOCUMENT_NUMBER_FORMATS, DocumentNumberFormat, numberFormatProblem } from '@app/documents';
import { IsCalendarDate } from '../cases/dto/validators';
import { NumberFormatsView } from './dto/registry.response';

/** Optional, but not null: `null` is only meaningful where a field says so (nullable), and is refused elsewhere. */
const Omittable = () => ValidateIf((_, v) => v !== undefined);

/*
 * Shapes and types only: the registry rules (division codes, hierarchy, entrustment, roles, qualifications,
 * certificate terms, training hours) are checked by the registry deciders and refused with 422 naming the rule.
 */

/** Every problem of a `numberFormats` body, each naming its field (`numberFormats.notice: …`). */
function numberFormatsProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['numberFormats: 须为按文书种类给出格式的对象 (must be an object of formats by series)'];
  return Object.entries(value).flatMap(([series, format]) => {
    const field = `numberFormats.${series}`;
    if (!DOCUMENT_NUMBER_FORMATS.includes(series as DocumentNumberFormat))
      return [`${field}: 未知的文书种类，可用 ${DOCUMENT_NUMBER_FORMATS.join(', ')} (unknown series)`];
    if (typeof format !== 'string' || !format.trim() || format.length > 60)
      return [`${field}: 须为 1–60 个字符的文本 (must be a string of 1–60 characters)`];
    const problem = numberFormatProblem(format);
    return problem ? [`${field}: ${problem}`] : [];
  });
}

/** `numberFormats`: known series only, each format numbering documents (`numberFormatProblem`). */
function IsNumberFormats() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNumberFormats',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => numberFormatsProblems(value).length === 0,
        defaultMessage: (args?: ValidationArguments) => numberFormatsProblems(args?.value).join('; '),
      },
    });
}

/** The bodies and account an agency's documents name (docs/documents.md §1), set when registering or changing it. */
export class AgencyDocumentFieldsDto {
  @ApiPropertyOptional({ example: '郴州市北湖区人民政府', description: '行政复议机关：处罚决定书告知的复议机关（行政复议法第二十四条）' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reconsiderationBody?: string;
  @ApiPropertyOptional({
    example: '郴州市北湖区人民法院',
    description: '管辖行政诉讼的人民法院：处罚决定书告知的法院（行政诉讼法第十八条）',
  })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  litigationCourt?: string;
  @ApiPropertyOptional({ description: '罚款缴纳地点和账户：收缴罚款的机构、户名和账号（行政处罚法第六十七条）' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  finePayment?: string;
  @ApiPropertyOptional({
    type: NumberFormatsView,
    description:
      '文书编号格式：按文书种类给出，须含序号 {n} 与年份 {year}，可含机关简称 {short}；未给出的种类保持原格式 (formats by series; those left out are kept)',
    example: { notice: '{short}罚告字〔{year}〕第{n}号' },
  })
  @Omittable()
  @IsNumberFormats()
  numberFormats?: Partial<Record<DocumentNumberFormat, string>>;
}

export class RegisterAgencyDto extends AgencyDocumentFieldsDto {
  @ApiProperty({ example: 'ag-431021101', description: 'ag- followed by lower-case letters, digits or hyphens' })
  @Matches(/^ag-[0-9a-z-]{1,60}$/, { message: 'id: ag- 加小写字母、数字或连字符 (ag- followed by lower-case letters, digits or hyphens)' })
  id!: string;

  @ApiProperty({ example: '431021101', description: '行政区划代码: 6 digits (city, county) or 9 (township)' })
  @IsString()
  @IsNotEmpty()
  divisionCode!: string;

  @ApiProperty({ example: '桂阳县仁义镇安全生产执法中队' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '桂阳应急', description: '文书字号简称' }) @IsString() @IsNotEmpty() @MaxLength(20) shortName!: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) @IsIn(AGENCY_LEVELS) level!: AgencyLevel;

  @ApiProperty({ nullable: true, example: 'ag-431021', description: 'null only for a city-level root' })
  @ValidateIf((o: { parentId?: unknown }) => o.parentId !== null)
  @IsString()
  @IsNotEmpty()
  parentId!: string | null;

  @ApiPropertyOptional({ description: '受委托组织: the agency in whose name it acts' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  entrustedBy?: string;
  @ApiPropertyOptional({ description: '行政执法主体; default: city and county bureaus that are not entrusted' })
  @Omittable()
  @IsBoolean()
  enforcementPower?: boolean;
}

export class UpdateAgencyDto extends AgencyDocumentFieldsDto {
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotEmpty() @MaxLength(20) shortName?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() parentId?: string | null;
  @ApiPropertyOptional({ enum: AGENCY_LEVELS }) @Omittable() @IsIn(AGENCY_LEVELS) level?: AgencyLevel;
  @ApiPropertyOptional({ nullable: true, description: 'null ends the entrustment' }) @IsOptional() @IsString() @IsNotEmpty() entrustedBy?:
    string | null;
  @ApiPropertyOptional() @Omittable() @IsBoolean() enforcementPower?: boolean;
}

export class CertificateDto {
  @ApiProperty({ example: '43102120260019', description: '执法证号: 4–32 letters, digits or hyphens' })
  @IsString()
  @IsNotEmpty()
  number!: string;
  @ApiProperty({ example: '2026-01-01' }) @IsCalendarDate() validFrom!: string;
  @ApiProperty({ example: '2030-12-31' }) @IsCalendarDate() validUntil!: string;
}

export class RegisterUserDto {
  @ApiProperty({ example: 'u-431021-officer-9' })
  @Matches(/^u-[0-9a-z-]{1,60}$/, { message: 'id: u- 加小写字母、数字或连字符 (u- followed by lower-case letters, digits or hyphens)' })
  id!: string;

  @ApiProperty({ example: '李新' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiProperty({ isArray: true, enum: KNOWN_ROLES }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) roles!: Role[];
  @ApiProperty({ example: 'ag-431021' }) @IsString() @IsNotEmpty() agencyId!: string;
  @ApiPropertyOptional({ description: '法律职业资格证书编号 (required of legal_reviewer)' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  legalQualification?: string;
  @ApiPropertyOptional({ type: CertificateDto }) @Omittable() @ValidateNested() @Type(() => CertificateDto) certificate?: CertificateDto;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotEmpty() @MaxLength(50) name?: string;
  @ApiPropertyOptional({ isArray: true, enum: KNOWN_ROLES })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  roles?: Role[];
  @ApiPropertyOptional({ description: 'moving a user needs admin rights over both agencies' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  agencyId?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null removes it' }) @IsOptional() @IsString() @IsNotEmpty() legalQualification?:
    string | null;
}

export class DeactivationReasonDto {
  @ApiProperty({ example: '调离执法岗位' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class OptionalRegistryReasonDto {
  @ApiPropertyOptional() @Omittable() @IsString() @IsNotEmpty() @MaxLength(500) reason?: string;
}

export class CertificateStatusDto {
  @ApiProperty({ enum: ['valid', 'suspended', 'revoked'], description: 'suspended 暂扣, revoked 吊销, valid 恢复' })
  @IsIn(['valid', 'suspended', 'revoked'])
  status!: CertificateStatus;
  @ApiProperty({
    example: '2026-11-27',
    description: '生效日期: the status applies from this date; steps before it are judged as the certificate stood then',
  })
  @IsCalendarDate()
  effectiveFrom!: string;
  @ApiProperty({ example: '执法过错调查期间暂扣' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class TrainingDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 8, description: '学时: > 0 and ≤ 200' }) @IsNumber({ maxDecimalPlaces: 1 }) hours!: number;
  @ApiProperty({ example: '安全生产执法程序培训' }) @IsString() @IsNotEmpty() @MaxLength(200) course!: string;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() date!: string;
}

const bool = () => Transform(({ value }) => value === 'true' || value === true);

export class UsersQueryDto {
  @ApiPropertyOptional({ description: "default: the administrator's own agency" }) @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @bool() @IsBoolean() includeSubordinates?: boolean;
}

export class RegistryEventsQueryDto {
  @ApiPropertyOptional({ description: 'the agency or user an event is about' }) @IsOptional() @IsString() subjectId?: string;
  @ApiPropertyOptional({ description: 'events after this stream revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;
  @ApiPropertyOptional({ default: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) limit?: number;
}
