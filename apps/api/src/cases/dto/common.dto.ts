import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Min, IsPositive } from 'class-validator';
import { PENALTY_KINDS, PenaltyKind } from '@workflows/enforcement-case';
import { IsDateTimeWithOffset } from './validators';

/** Every command body may say when the step happened (docs/api.md §1). */
export class CommandBodyDto {
  @ApiPropertyOptional({
    description: '发生时间 when it happened (ISO-8601 with offset); defaults to now',
    example: '2026-09-29T10:00:00+08:00',
  })
  @IsOptional()
  @IsDateTimeWithOffset()
  occurredAt?: string;
}

export class PenaltyDto {
  @ApiProperty({ enum: PENALTY_KINDS })
  @IsIn(PENALTY_KINDS)
  kind!: PenaltyKind;

  @ApiPropertyOptional({ description: '金额（元） amount in yuan' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  amountYuan?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  days?: number;
}
