import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { uuidPipe } from '../cases/cases.controller';
import { DossierQueryDto } from './dossier-query.dto';
import { DossierService } from './dossier.service';

@ApiTags('documents 文书')
@ApiBearerAuth()
@Controller('cases')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Get(':caseId/dossier.pdf')
  @Access('documents.read', 'case')
  @ApiOperation({
    summary: '案卷 the case file as one PDF: cover, contents with page numbers, every document, evidence, history and integrity',
    description:
      '按案件事件装订案卷：卷宗封面、卷内目录（页号为本文件页码）、本案已产生的全部文书（按办案程序排列）、证据清单（含内容哈希）、案件事件记录附录（含事件哈希）和完整性校验页（哈希链末端及覆盖它的锚点）。同一事件、登记信息和锚点生成相同字节。未立案的案件没有案卷（422）。',
  })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: '案卷 PDF；ETag 为装订时的案件版本 (the case revision it was bound from)' })
  @ApiResponse({ status: 404, description: '案件不存在 (no such case)' })
  @ApiResponse({ status: 400, description: 'revision 不是非负整数 (revision is not a non-negative integer)' })
  @ApiResponse({
    status: 422,
    description: '案件尚未立案或尚无该版本，或文书缺少必需信息 (not filed yet, revision not reached, or a document lacks required data)',
  })
  @ApiResponse({ status: 503, description: '文书字体无法加载 (the PDF font cannot be loaded)' })
  async dossier(
    @Param('caseId', uuidPipe) caseId: string,
    @Query() q: DossierQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.dossiers.render(caseId, q.revision);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="dossier.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('etag', `"${file.revision}"`);
    return file.body;
  }

  @Get(':caseId/dossier/archived.pdf')
  @Access('documents.read', 'case')
  @ApiOperation({
    summary: '归档案卷 the case file exactly as archived at closing, checked against its recorded SHA-256',
    description:
      '结案时归档的案卷（DossierArchived 记录其 SHA-256、装订版本、锚点和页数）：按记录的案件版本和锚点重新装订，与记录的哈希比对一致后返回，字节与归档时相同；其后创建的锚点、签发的文书或干预记录都不改变它。不一致时返回 409（列明两个哈希），不返回被改动的文件。',
  })
  @ApiProduces('application/pdf')
  @ApiResponse({
    status: 200,
    description:
      '归档案卷 PDF；ETag 为装订时的案件版本，X-Content-SHA256 为归档时记录的哈希 (the archived bytes; ETag the revision bound, X-Content-SHA256 the recorded hash)',
  })
  @ApiResponse({ status: 404, description: '案件不存在，或案卷尚未归档 (no such case, or its file not archived)' })
  @ApiResponse({ status: 409, description: '重新装订后与归档时的哈希不符 (no longer binds to the archived hash)' })
  @ApiResponse({ status: 503, description: '文书字体无法加载 (the PDF font cannot be loaded)' })
  async archived(@Param('caseId', uuidPipe) caseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.dossiers.archived(caseId);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="dossier.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('etag', `"${file.revision}"`)
      .header('x-content-sha256', file.record.sha256);
    return file.body;
  }
}
