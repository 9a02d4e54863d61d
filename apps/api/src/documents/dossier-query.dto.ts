import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class DossierQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: '装订截至该案件版本（含）的案卷；缺省为当前版本。同一版本、登记信息和锚点生成相同字节，可据此复现归档时的案卷',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'revision: 须为非负整数 (must be a non-negative integer)' })
  @Min(0, { message: 'revision: 须为非负整数 (must be a non-negative integer)' })
  revision?: number;
}
