import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CommandBodyDto } from './common.dto';
import { IsDateTimeWithOffset, IsSha256 } from './validators';

/** 听证申请: the officer records that the party asked for a hearing (no fields besides occurredAt). */
export class RequestHearingDto extends CommandBodyDto implements CommandBody<'request-hearing'> {}

export class ScheduleHearingDto extends CommandBodyDto implements CommandBody<'schedule-hearing'> {
  @ApiProperty({ description: '听证时间（须在通知之日起七个工作日后） when', example: '2026-10-20T09:00:00+08:00' })
  @IsDateTimeWithOffset()
  hearingAt!: string;

  @ApiProperty({ description: '听证主持人（非本案调查人员，行政处罚法第六十四条第四项） presiding officer', example: 'u-431002-officer-3' })
  @IsString()
  @IsNotEmpty()
  presidingOfficerId!: string;

  @ApiProperty({ description: '听证地点 place' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location!: string;
}

export class RecordHearingDto extends CommandBodyDto implements CommandBody<'record-hearing'> {
  @ApiProperty({ description: '当事人是否出席（无正当理由不出席视为放弃听证，行政处罚法第六十四条第六项） attended' })
  @IsBoolean()
  attended!: boolean;

  @ApiProperty({ description: '听证情况摘要 summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary!: string;

  @ApiPropertyOptional({ description: '听证笔录摘要（笔录文件的 SHA-256 摘要，行政处罚法第六十四条第八项） transcript hash' })
  @IsOptional()
  @IsSha256()
  transcriptHash?: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const HEARING_DTOS = {
  'request-hearing': RequestHearingDto,
  'schedule-hearing': ScheduleHearingDto,
  'record-hearing': RecordHearingDto,
};
