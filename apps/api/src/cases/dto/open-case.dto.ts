import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandBody, CASE_SOURCES, CaseSource, INDUSTRIES, Industry } from '@workflows/enforcement-case';
import { CommandBodyDto } from './common.dto';
import { IsCalendarDate, IsCreditCode, IsResidentIdNumber, NestedList, NormalizeCode } from './validators';

class PartyDto {
  @ApiProperty({ enum: ['organization', 'individual'], description: '当事人类型 kind of party' })
  @IsIn(['organization', 'individual'])
  kind!: 'organization' | 'individual';

  @ApiProperty({ description: '当事人名称 name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '住所或经营场所 address' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class OrganizationPartyDto extends PartyDto {
  /** The discriminator, validated on PartyDto; named here so the class matches its party type. */
  declare kind: 'organization';

  @ApiProperty({ description: '统一社会信用代码 (GB 32100-2015)', example: '91350100M000100Y43' })
  @NormalizeCode()
  @IsCreditCode()
  creditCode!: string;

  @ApiPropertyOptional({ description: '法定代表人 legal representative' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  legalRepresentative?: string;
}

export class IndividualPartyDto extends PartyDto {
  declare kind: 'individual';

  @ApiProperty({ description: '居民身份证号码 (GB 11643-1999)', example: '11010519491231002X' })
  @NormalizeCode()
  @IsResidentIdNumber()
  idNumber!: string;
}

export class ViolationDto {
  @ApiPropertyOptional({ description: '违法行为代码 (discretion benchmark)' })
  @IsOptional()
  @IsString()
  code?: string;

  @ApiProperty({ description: '违法事实 description' })
  @IsString()
  @IsNotEmpty()
  description!: string;

  @ApiProperty({ description: '违反的条款 provisions', example: ['安全生产法 Art. 41'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  provisions!: string[];

  @ApiPropertyOptional({ description: '违法行为发生日期 (for the limitation period, 行政处罚法 Art. 36)' })
  @IsOptional()
  @IsCalendarDate()
  committedOn?: string;
}

/** What the officers know of the harm done, for the referral of a suspected crime and the limitation period. */
export class CriminalIndicatorsDto {
  @ApiPropertyOptional({ description: '死亡人数 deaths', minimum: 0 }) @IsOptional() @IsInt() @Min(0) deaths?: number;
  @ApiPropertyOptional({ description: '重伤人数 serious injuries', minimum: 0 }) @IsOptional() @IsInt() @Min(0) seriousInjuries?: number;
  @ApiPropertyOptional({ description: '直接经济损失（元） direct loss in yuan', minimum: 0 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  directLossYuan?: number;
}

// The party's two shapes are named by $ref in `party` below: listed here so the document defines them.
@ApiExtraModels(OrganizationPartyDto, IndividualPartyDto)
export class OpenCaseDto extends CommandBodyDto implements CommandBody<'open-case'> {
  @ApiProperty({ description: '承办机关 agency id', example: 'ag-431002' })
  @IsString()
  @IsNotEmpty()
  agencyId!: string;

  @ApiProperty({ enum: CASE_SOURCES, description: '案件来源 source' })
  @IsIn(CASE_SOURCES)
  source!: CaseSource;

  @ApiProperty({ enum: INDUSTRIES, description: '行业领域 industry' })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiProperty({
    description: '当事人 party',
    oneOf: [{ $ref: '#/components/schemas/OrganizationPartyDto' }, { $ref: '#/components/schemas/IndividualPartyDto' }],
  })
  @ValidateNested()
  @Type(() => PartyDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'kind',
      subTypes: [
        { value: OrganizationPartyDto, name: 'organization' },
        { value: IndividualPartyDto, name: 'individual' },
      ],
    },
  })
  party!: OrganizationPartyDto | IndividualPartyDto;

  @NestedList(ViolationDto, '违法行为 violations') violations!: ViolationDto[];

  @ApiProperty({ description: '发现日期 discovered on', example: '2026-09-01' })
  @IsCalendarDate()
  discoveredAt!: string;

  @ApiProperty({ description: '承办执法人员（至少两名，行政处罚法 Art. 42）', example: ['u-431002-officer-1', 'u-431002-officer-2'] })
  @IsArray()
  @ArrayMinSize(2, { message: '承办执法人员不得少于两人 (at least two handling officers, 行政处罚法 Art. 42)' })
  @IsString({ each: true })
  handlingOfficerIds!: string[];

  @ApiProperty({ description: '案情摘要 summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiPropertyOptional({ description: '重大案件（须经法制审核和集体讨论，行政处罚法第五十七条第二款、第五十八条） marked major' })
  @IsOptional()
  @IsBoolean()
  major?: boolean;

  @ApiPropertyOptional({
    type: CriminalIndicatorsDto,
    description: '涉嫌犯罪情节（行政执法机关移送涉嫌犯罪案件的规定第三条） criminal indicators',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriminalIndicatorsDto)
  criminalIndicators?: CriminalIndicatorsDto;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const OPEN_CASE_DTOS = {
  'open-case': OpenCaseDto,
};
