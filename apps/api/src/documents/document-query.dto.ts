import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_KINDS } from '@app/documents';

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

export class IssuedDocumentQueryDto {
  @ApiPropertyOptional({
    enum: DOCUMENT_KINDS,
    description: '文书种类：送达回证与其所送达的决定书同一文号，不填时取按办案程序排在前者（决定书）',
  })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS, { message: 'kind: 须为文书种类之一 (must be a document kind)' })
  kind?: string;
}
