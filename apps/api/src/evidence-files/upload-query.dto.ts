import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class UploadQueryDto {
  @ApiProperty({
    description: '原文件名（如 现场照片1.jpg），记入事件，下载时作为文件名；不含路径分隔符与控制字符，至多 255 字',
    example: '现场照片1.jpg',
  })
  @IsString()
  @MaxLength(255, { message: 'fileName: 至多 255 字 (at most 255 characters)' })
  // Only a name: no folders (/ \) and no control characters, which could break a Content-Disposition header.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  @Matches(/^[^/\\\x00-\x1f\x7f]+$/, { message: 'fileName: 须为文件名，不含 / \\ 与控制字符 (a bare file name)' })
  fileName!: string;
}
