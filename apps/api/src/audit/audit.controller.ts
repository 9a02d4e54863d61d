import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '@app/case-engine';
import { CurrentActor } from '../auth/public.decorator';
import { AgencyScope } from '../auth/agency-scope';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
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

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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
  @ApiOkResponse({ type: AuditPageResponse, description: 'format=json 时的应答；jsonl 与 csv 为逐行文本 (jsonl and csv answer text)' })
  async audit(@Query() q: AuditQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    this.readModels.assertAvailable();
    const { agencies } = this.scope.resolve(actor, 'audit.read', { agencyId: q.agencyId, includeSubordinates: true });
    const limit = q.limit ?? 100;
    // The hash chain links are part of the metadata a reviewer exports.
    const rows = (
      await this.readModels.auditTrail({
        agencies,
        after: q.after ?? 0,
        caseId: q.caseId,
        actorId: q.actorId,
        type: q.type,
        from: q.from && new Date(q.from).toISOString(),
        to: q.to && new Date(q.to).toISOString(),
        limit,
      })
    ).map(
      ({ prev_hash, hash, ...r }) =>
        (hash ? { ...r, metadata: JSON.stringify({ ...JSON.parse(String(r.metadata)), prevHash: prev_hash, hash }) } : r) as AuditRecord,
    );
    if (q.format === 'csv') {
      void reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return `\uFEFF${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
    }
    const items = rows.map((r): AuditItem => ({
      ...(r as unknown as AuditTrailColumns),
      position: String(r.position),
      data: JSON.parse(String(r.data)) as unknown,
      metadata: JSON.parse(String(r.metadata)) as AuditItem['metadata'],
    }));
    if (q.format === 'jsonl') {
      void reply.type('application/x-ndjson; charset=utf-8');
      return items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : '');
    }
    return { items, next: rows.length === limit ? String(rows[rows.length - 1].position) : null };
  }
}
