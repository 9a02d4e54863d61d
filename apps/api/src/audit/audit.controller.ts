import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Actor } from '@app/case-engine';
import { CurrentActor } from '../auth/public.decorator';
import { AgencyScope } from '../auth/agency-scope';
import { AuditQuery, AuditTrailRow, READ_MODELS, ReadModels } from '../read-models/read-models';
import { AuditItem, AuditTrailColumns } from './audit-item';
import { AuditQueryDto } from './audit-query.dto';
import { AuditPageResponse } from './dto/audit.response';

const COLUMNS = [
  'position',
  'event_id',
  'case_id',
  'revision',
  'type',
  'actor_id',
  'actor_agency_id',
  'command',
  'occurred_at',
  'recorded_at',
  'data',
  'metadata',
] as const;
type AuditRecord = Record<(typeof COLUMNS)[number], string | number>;

/** Rows per read of an export: a page of the index at a time. */
const EXPORT_PAGE_ROWS = 500;

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The hash chain links are part of the metadata a reviewer exports. */
function withHashLinks({ prev_hash, hash, ...r }: AuditTrailRow): AuditRecord {
  return hash ? { ...r, metadata: JSON.stringify({ ...JSON.parse(String(r.metadata)), prevHash: prev_hash, hash }) } : r;
}

function toItem(r: AuditRecord): AuditItem {
  return {
    ...(r as unknown as AuditTrailColumns),
    position: String(r.position),
    data: JSON.parse(String(r.data)) as unknown,
    metadata: JSON.parse(String(r.metadata)) as AuditItem['metadata'],
  };
}

interface ExportFormat {
  header?: string;
  line(r: AuditRecord): string;
}
const csvLines: ExportFormat = {
  header: `\uFEFF${COLUMNS.join(',')}\r\n`,
  line: (r) => `${COLUMNS.map((c) => csvCell(r[c])).join(',')}\r\n`,
};
const jsonLines: ExportFormat = { line: (r) => `${JSON.stringify(toItem(r))}\n` };

/**
 * 审计 (docs/supervision.md §1, 全过程记录): every case event with its full metadata, across cases, for legal-affairs
 * reviewers and supervisors of the agency and the agencies below it. Read from the audit-trail projection.
 */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @Access('audit.read', 'query')
  @ApiOperation({ summary: '审计轨迹 the audit trail (json, jsonl or csv)' })
  @ApiOkResponse({
    type: AuditPageResponse,
    description: 'format=json 时的应答；jsonl 与 csv 为逐行文本，流式输出 (jsonl and csv stream as text lines)',
  })
  async audit(@Query() q: AuditQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    this.readModels.assertAvailable();
    const { agencies } = this.scope.resolve(actor, 'audit.read', { agencyId: q.agencyId, includeSubordinates: true });
    const query: AuditQuery = {
      agencies,
      after: q.after ?? 0,
      caseId: q.caseId,
      actorId: q.actorId,
      type: q.type,
      from: q.from && new Date(q.from).toISOString(),
      to: q.to && new Date(q.to).toISOString(),
      limit: q.limit ?? 100,
    };
    if (q.format === 'csv' || q.format === 'jsonl') {
      const csv = q.format === 'csv';
      void reply.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      if (csv) void reply.header('content-disposition', 'attachment; filename="audit.csv"');
      return new StreamableFile(Readable.from(this.exportChunks(query, csv ? csvLines : jsonLines)));
    }
    const rows = (await this.readModels.auditTrail(query)).map(withHashLinks);
    return { items: rows.map(toItem), next: rows.length === query.limit ? String(rows[rows.length - 1].position) : null };
  }

  /**
   * An export, one chunk of text per page of EXPORT_PAGE_ROWS read from the index: the next page is read only when the
   * reply has taken the previous chunk (a Readable pulls from the generator), so memory stays that of one page
   * whatever the range.
   */
  private async *exportChunks(query: AuditQuery, format: ExportFormat): AsyncGenerator<string> {
    if (format.header) yield format.header;
    let after = query.after;
    for (let left = query.limit; left > 0;) {
      const limit = Math.min(EXPORT_PAGE_ROWS, left);
      const rows = await this.readModels.auditTrail({ ...query, after, limit });
      if (rows.length) yield rows.map((r) => format.line(withHashLinks(r))).join('');
      if (rows.length < limit) return;
      left -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }
}
