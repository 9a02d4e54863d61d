import { CommandBody } from '@workflows/enforcement-case';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DOCUMENT_KINDS, DOCUMENT_TITLES } from '@app/documents';
import { CommandBodyDto } from './common.dto';

const KINDS_TEXT = DOCUMENT_KINDS.map((k) => `${k}（${DOCUMENT_TITLES[k]}）`).join('、');

/** 签发文书: the document is rendered, numbered and hashed by the service; the officer names only its kind. */
export class IssueDocumentDto extends CommandBodyDto implements CommandBody<'issue-document'> {
  @ApiProperty({
    enum: DOCUMENT_KINDS,
    description: `签发的文书种类（按案件当前版本生成 PDF，记录文号与 SHA-256；每种文书签发一次）：${KINDS_TEXT}`,
    example: 'penalty-notice',
  })
  @IsIn(DOCUMENT_KINDS, { message: `kind: 须为文书种类之一 ${KINDS_TEXT} (must be a document kind)` })
  kind!: string;
}

/** The body each of these commands is validated against (the API's command routes come from the registry). */
export const DOCUMENT_DTOS = { 'issue-document': IssueDocumentDto };
