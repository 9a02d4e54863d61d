import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { CommandBodyDto } from './common.dto';

/** 督办 (郴政办发〔2016〕19号第十七条). */
export class SuperviseCaseDto extends CommandBodyDto implements CommandBody<'supervise-case'> {
  @ApiProperty({ description: '督办事由 (why the case is supervised: overdue or at risk)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason!: string;
  @ApiProperty({ description: '回复期限（工作日，1–30） reply within this many working days', minimum: 1, maximum: 30, example: 5 })
  @IsInt()
  @Min(1)
  @Max(30)
  replyWithinWorkingDays!: number;
}

export class ReplySupervisionDto extends CommandBodyDto implements CommandBody<'reply-supervision'> {
  @ApiProperty({ description: '所回复的督办编号 (the supervision notice replied to)' }) @IsString() @IsNotEmpty() supervisionId!: string;
  @ApiProperty({ description: '回复内容：办理情况及整改措施 (the reply: where the case stands and what is done)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  reply!: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const SUPERVISION_DTOS = { 'supervise-case': SuperviseCaseDto, 'reply-supervision': ReplySupervisionDto };
