import { Access } from '../auth/access.decorator';
import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Actor } from '@app/case-engine';
import { STORE_INTEGRITY, StoreIntegrity } from '@app/event-store';
import { CurrentActor } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { EvidenceFileCheck } from '../evidence-files/evidence-file-check';
import { ProblemException, problem } from '../problem/problem';
import { IssuedDocumentsService } from '../documents/issued-documents.service';
import { ArchivedDossiersService } from '../documents/archived-dossiers.service';

class CreateAnchorDto {
  @ApiPropertyOptional({ description: '锚定原因' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The anchor log is exported a page at a time (an anchor every 1,000 events: 10,000 of them at 10 million). */
const ANCHORS_PAGE_MAX = 1000;

class AnchorsQueryDto {
  @ApiPropertyOptional({ description: '翻页游标：只列 seq 大于此值的锚点（上一页最后一项的 seq）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @ApiPropertyOptional({
    description: `每页条数（1–${ANCHORS_PAGE_MAX}，默认 ${ANCHORS_PAGE_MAX}）；返回满页时以最后一项的 seq 作 after 取下一页`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ANCHORS_PAGE_MAX)
  limit?: number;
}

/** Tamper evidence over HTTP (docs/supervision.md §1): verify the chains; anchor the global chain and export the anchors. */
@ApiTags('integrity 防篡改')
@ApiBearerAuth()
@Controller('integrity')
export class IntegrityController {
  constructor(
    @Inject(STORE_INTEGRITY) private readonly storeIntegrity: StoreIntegrity | null,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly issuedDocuments: IssuedDocumentsService,
    private readonly evidenceFiles: EvidenceFileCheck,
    private readonly archivedDossiers: ArchivedDossiersService,
  ) {}

  /** The store's tamper evidence; a store that keeps none (EventStoreDB) answers 501. */
  private integrity(): StoreIntegrity {
    if (!this.storeIntegrity)
      throw new ProblemException(problem(501, 'not-implemented', '该事件存储不支持 (not available for this event store)'));
    return this.storeIntegrity;
  }

  @Get('verify')
  @Access('integrity.read', 'none')
  @ApiOperation({
    summary: '校验哈希链 verify both hash chains and the anchors; names the first bad position',
    description:
      '另按签发时记录的案件版本重新生成每份已签发文书，比对 SHA-256；不符者在 documents.mismatches 中列明案件、文号、签发时与现在的哈希。evidenceFiles：逐一核对已记录的证据文件，缺失或内容与 SHA-256 不符的，列明案件、证据编号与文件哈希。dossiers：按归档时记录的案件版本和锚点重新装订每份归档案卷，比对 SHA-256，不符者列明案件、版本与两个哈希；unarchived 列出已结案而案卷未归档的案件（可由负责人执行 archive-dossier）。任一不符时 ok 为 false。',
  })
  async verify() {
    const chains = await this.integrity().verify();
    const documents = await this.issuedDocuments.verify();
    const evidenceFiles = await this.evidenceFiles.check();
    const dossiers = await this.archivedDossiers.verify();
    return {
      ...chains,
      ok: chains.ok && documents.mismatches.length === 0 && evidenceFiles.problems.length === 0 && dossiers.mismatches.length === 0,
      documents,
      evidenceFiles,
      dossiers,
    };
  }

  @Get('anchors')
  @Access('integrity.read', 'none')
  @ApiOperation({ summary: '锚点日志 the anchor log, to export and keep elsewhere (by seq, a page at a time)' })
  anchors(@Query() q: AnchorsQueryDto) {
    return this.integrity().listAnchors({ after: q.after, limit: q.limit ?? ANCHORS_PAGE_MAX });
  }

  @Post('anchors')
  @Access('integrity.anchor', 'none')
  @HttpCode(201)
  @ApiOperation({ summary: '锚定 record the head of the global chain now' })
  async anchor(@CurrentActor() actor: Actor, @Body() dto: CreateAnchorDto) {
    const anchor = await this.integrity().createAnchor(dto.reason ?? `by ${actor.id}`, this.clock());
    if (!anchor) throw new ProblemException(problem(409, 'empty-log', '尚无事件 (no events to anchor)'));
    return anchor;
  }
}
