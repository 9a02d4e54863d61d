import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DOCUMENT_KINDS, DOCUMENT_TITLES, isDocumentKind } from '@app/documents';
import { Access } from '../auth/access.decorator';
import { uuidPipe } from '../cases/cases.controller';
import { ProblemException, problem } from '../problem/problem';
import { DocumentQueryDto } from './document-query.dto';
import { DocumentsService } from './documents.service';

const KINDS_TEXT = DOCUMENT_KINDS.map((k) => `${k}（${DOCUMENT_TITLES[k]}）`).join('、');

@ApiTags('documents 文书')
@ApiBearerAuth()
@Controller('cases')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

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
