import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DOCUMENT_KINDS, DOCUMENT_TITLES, isDocumentKind } from '@app/documents';
import { Access } from '../auth/access.decorator';
import { uuidPipe } from '../cases/cases.controller';
import { ProblemException, problem } from '../problem/problem';
import { DocumentQueryDto, IssuedDocumentQueryDto } from './document-query.dto';
import { CONTENT_TYPES, DocumentsService } from './documents.service';
import { CaseDocumentsView } from './issued-document.response';
import { IssuedDocumentsService } from './issued-documents.service';

const KINDS_TEXT = DOCUMENT_KINDS.map((k) => `${k}（${DOCUMENT_TITLES[k]}）`).join('、');

@ApiTags('documents 文书')
@ApiBearerAuth()
@Controller('cases')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly issued: IssuedDocumentsService,
  ) {}

  @Get(':caseId/documents')
  @Access('documents.read', 'case')
  @ApiOperation({
    summary: '本案文书 the documents the case has produced so far and those it issued, in procedural order',
    description:
      'items 列出本案以 issue-document 签发的文书：种类、名称、文号、格式、SHA-256、所依据的案件版本、签发时间与签发人；' +
      'produced 列出本案事件已产生的文书（种类、名称、文号），缺少必需信息的列明所缺字段（missing）。均按办案程序排序。',
  })
  @ApiResponse({ status: 200, type: CaseDocumentsView })
  @ApiResponse({ status: 404, description: '案件不存在 (no such case)' })
  list(@Param('caseId', uuidPipe) caseId: string): Promise<CaseDocumentsView> {
    return this.documents.list(caseId);
  }

  @Get(':caseId/documents/issued/:number')
  @Access('documents.read', 'case')
  @ApiOperation({
    summary: '按文号调取已签发文书 an issued document by its number: the PDF rendered again from the revision it was issued at',
    description:
      '按签发时记录的案件版本（事件 0..revision）重新生成 PDF，其 SHA-256 须与签发时记录的一致；文号含中文与〔〕，须 URL 编码。重新生成的哈希不符时返回 409 并列明两者。',
  })
  @ApiParam({ name: 'number', description: '文号（URL 编码），如 郴应急罚告〔2026〕1号', example: '郴应急罚告〔2026〕1号' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'PDF；ETag 为签发所依据的案件版本，X-Content-SHA256 为其哈希' })
  @ApiResponse({ status: 404, description: '案件不存在，或本案没有以该文号签发的文书 (no such case or issued number)' })
  @ApiResponse({ status: 409, description: '重新生成后与签发时的哈希不符 (the document no longer renders as issued)' })
  async issuedFile(
    @Param('caseId', uuidPipe) caseId: string,
    @Param('number') number: string,
    @Query() q: IssuedDocumentQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { entry, pdf } = await this.issued.file(caseId, number, q.kind, q.revision);
    void reply
      .header('content-type', CONTENT_TYPES.pdf)
      .header(
        'content-disposition',
        `inline; filename="${entry.kind}.pdf"; filename*=UTF-8''${encodeURIComponent(`${entry.title}${entry.number}.pdf`)}`,
      )
      .header('etag', `"${entry.revision}"`)
      .header('x-content-sha256', entry.sha256);
    return pdf;
  }

  @Get(':caseId/documents/:kind')
  @Access('documents.read', 'case')
  @ApiOperation({
    summary: '文书 a document of the case, rendered from its events and the registry: PDF, DOCX or the HTML print view',
    description:
      '按案件当前事件和登记信息生成文书，内容不重复录入。尚未产生的文书（如作出处罚决定前的行政处罚决定书）或缺少必需信息（如未登记行政复议机关）时返回 422 并列明缺少的字段；PDF 字体无法加载时返回 503。',
  })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS, description: `文书种类：${KINDS_TEXT}` })
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html')
  @ApiResponse({ status: 200, description: '文书文件；ETag 为生成时的案件版本 (the case revision it was rendered from)' })
  @ApiResponse({ status: 404, description: '案件或文书种类不存在 (no such case or document kind)' })
  @ApiResponse({ status: 422, description: '文书尚未产生或缺少必需信息 (not produced yet, or required data missing)' })
  @ApiResponse({ status: 503, description: '文书字体无法加载 (the PDF font cannot be loaded)' })
  async render(
    @Param('caseId', uuidPipe) caseId: string,
    @Param('kind') kind: string,
    @Query() q: DocumentQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    if (!isDocumentKind(kind))
      throw new ProblemException(
        problem(404, 'document-kind-unknown', '没有这种文书 (no such document kind)', {
          detail: `${kind}: 可用的文书种类为 ${KINDS_TEXT}`,
        }),
      );
    const format = q.format ?? 'pdf';
    const doc = await this.documents.render(caseId, kind, format);
    const disposition = format === 'docx' ? 'attachment' : 'inline';
    void reply
      .header('content-type', doc.contentType)
      .header('content-disposition', `${disposition}; filename="${kind}.${format}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('etag', `"${doc.revision}"`);
    return doc.body;
  }
}
