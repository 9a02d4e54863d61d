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
}
