import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
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

  @ApiPropertyOptional({
    minimum: 0,
    description:
      '签发时所依据的案件版本（签发记录的 revision）：同一文书在本案多次签发且文号相同时（如每次送达各有一份送达回证、退回后重新审核的法制审核意见书）用以区分；不填时取最早签发的一份',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'revision: 须为非负整数 (must be a non-negative integer)' })
  @Min(0, { message: 'revision: 须为非负整数 (must be a non-negative integer)' })
  revision?: number;
}
