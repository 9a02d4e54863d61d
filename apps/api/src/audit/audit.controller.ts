import { Access } from '../auth/access.decorator';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '@app/case-engine';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/event-store';
import { CurrentActor } from '../auth/public.decorator';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { AuditQueryDto } from './audit-query.dto';

const COLUMNS = ['position', 'event_id', 'case_id', 'revision', 'type', 'actor_id', 'actor_agency_id', 'command', 'occurred_at', 'recorded_at', 'data', 'metadata'] as const;
type AuditRecord = Record<(typeof COLUMNS)[number], string | number>;

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * 审计 (supervision.md §1, 全过程记录): every case event with its full metadata, across cases, for legal-affairs
 * reviewers and supervisors of the agency and the agencies below it. Read from the audit-trail projection.
 */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @Access('audit.read', 'query')
  @ApiOperation({ summary: '审计轨迹 the audit trail (json, jsonl or csv)' })
  audit(@Query() q: AuditQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!(this.store instanceof SqliteEventStore)) throw new ProblemException(problem(501, 'not-implemented', '该事件存储不支持 (not available for this event store)'));
    const dir = this.directory.directory;
    const scope = q.agencyId ?? actor.agencyId;
    const agencies = dir.listAgencies().filter((a) => dir.isWithin(a.id, scope)).map((a) => a.id);
    const where = [`a.case_id IN (SELECT case_id FROM audit_trail WHERE agency_id IN (${agencies.map(() => '?').join(',')}))`, 'a.position > ?'];
    const params: (string | number)[] = [...agencies, q.after ?? 0];
    const add = (sql: string, v: string | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      params.push(v);
    };
    add('a.case_id = ?', q.caseId);
    add('a.actor_id = ?', q.actorId);
    add('a.type = ?', q.type);
    add('a.recorded_at >= ?', q.from && new Date(q.from).toISOString());
    add('a.recorded_at <= ?', q.to && new Date(q.to).toISOString());
    const limit = q.limit ?? 100;
    // data and metadata come from the event itself (the projection keeps only the filter columns); the hash chain
    // links are part of the metadata a reviewer exports.
    const rows = (
      this.store.db
        .prepare(
          `SELECT ${COLUMNS.filter((c) => c !== 'data' && c !== 'metadata').map((c) => `a.${c}`).join(', ')}, e.data, e.metadata, e.prev_hash, e.hash
           FROM audit_trail a JOIN events e ON e.position = a.position WHERE ${where.join(' AND ')} ORDER BY a.position LIMIT ?`,
        )
        .all(...params, limit) as (AuditRecord & { prev_hash: string | null; hash: string | null })[]
    ).map(({ prev_hash, hash, ...r }) => (hash ? { ...r, metadata: JSON.stringify({ ...JSON.parse(String(r.metadata)), prevHash: prev_hash, hash }) } : r) as AuditRecord);
    if (q.format === 'csv') {
      void reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return `\uFEFF${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
    }
    const items = rows.map((r) => ({ ...r, position: String(r.position), data: JSON.parse(String(r.data)), metadata: JSON.parse(String(r.metadata)) }));
    if (q.format === 'jsonl') {
      void reply.type('application/x-ndjson; charset=utf-8');
      return items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : '');
    }
    return { items, next: rows.length === limit ? String(rows[rows.length - 1].position) : null };
  }
}
