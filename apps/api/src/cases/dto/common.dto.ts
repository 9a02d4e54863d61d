import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Min, IsPositive } from 'class-validator';
import { PENALTY_KINDS, PenaltyKind } from '@workflows/enforcement-case';
import { IsDateTimeWithOffset } from './validators';

/** Every command body may say when the step happened (docs/api.md §1). */
export class CommandBodyDto {
  @ApiPropertyOptional({
    description: '发生时间（不填即为提交之时） when it happened (ISO-8601 with offset); defaults to now',
    example: '2026-09-29T10:00:00+08:00',
  })
  @IsOptional()
  @IsDateTimeWithOffset()
  occurredAt?: string;
}

export class PenaltyDto {
  @ApiProperty({ enum: PENALTY_KINDS, description: '处罚种类（行政处罚法第九条） kind of penalty' })
  @IsIn(PENALTY_KINDS)
  kind!: PenaltyKind;

  @ApiPropertyOptional({ description: '金额（元；罚款、没收违法所得的数额） amount in yuan' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  amountYuan?: number;

  @ApiPropertyOptional({ description: '天数（如责令停产停业整顿的日数） days, e.g. of a suspension' })
  @IsOptional()
  @IsInt()
  @Min(1)
  days?: number;
}
