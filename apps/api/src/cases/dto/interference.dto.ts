import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommandBody, INTERFERENCE_MEANS, INTERVENER_RELATIONS } from '@workflows/enforcement-case';
import { CommandBodyDto } from './common.dto';
import { IsSha256 } from './validators';

export class IntervenerDto {
  @ApiProperty({ description: '干预人姓名 name' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ description: '工作单位 unit' }) @IsString() @IsNotEmpty() @MaxLength(200) unit!: string;
  @ApiProperty({ description: '职务 post' }) @IsString() @IsNotEmpty() @MaxLength(100) post!: string;
  @ApiProperty({ enum: INTERVENER_RELATIONS, description: '干预人身份 relation' })
  @IsIn(INTERVENER_RELATIONS)
  relation!: (typeof INTERVENER_RELATIONS)[number];
}

/** 干预记录 (docs/supervision.md §2). */
export class RecordInterferenceDto extends CommandBodyDto implements CommandBody<'record-interference'> {
  @ApiProperty({ type: IntervenerDto, description: '干预人 intervener' })
  @ValidateNested()
  @Type(() => IntervenerDto)
  intervener!: IntervenerDto;
  @ApiProperty({ enum: INTERFERENCE_MEANS, description: '干预方式 means' }) @IsIn(INTERFERENCE_MEANS) means!: string;
  @ApiPropertyOptional({ description: '干预地点 place' }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiProperty({ description: '干预内容 content' }) @IsString() @IsNotEmpty() @MaxLength(10000) content!: string;
  @ApiProperty({ description: '处理情况 handling' }) @IsString() @IsNotEmpty() @MaxLength(10000) handling!: string;
  @ApiPropertyOptional({ description: '相关材料摘要（各材料的 SHA-256 摘要） material hashes' })
  @IsOptional()
  @IsArray()
  @IsSha256({ each: true })
  materialHashes?: string[];
  @ApiPropertyOptional({ description: '所更正的干预记录编号（更正时填写） a correction refers to the record it corrects' })
  @IsOptional()
  @IsString()
  corrects?: string;
}

export class AttestInterferenceRecordDto extends CommandBodyDto implements CommandBody<'attest-interference-record'> {
  @ApiProperty({ description: '本人所知的干预情况均已如实记录（"无"也是一种回答） complete' }) @IsBoolean() complete!: boolean;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const INTERFERENCE_DTOS = {
  'record-interference': RecordInterferenceDto,
  'attest-interference-record': AttestInterferenceRecordDto,
};
