import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export class DocumentQueryDto {
  @ApiPropertyOptional({
    enum: DOCUMENT_FORMATS,
    default: 'pdf',
    description: '格式：pdf（嵌入字体子集，可直接打印送达）、docx（Word，字体为宋体/仿宋_GB2312/黑体）或 html（打印预览）',
  })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS, { message: 'format: 须为 pdf、docx 或 html (must be pdf, docx or html)' })
  format?: DocumentFormat;
}
