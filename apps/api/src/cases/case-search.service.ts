import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/event-store';
import { AccessPolicy } from '../auth/access-policy';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { CaseSearchDto } from './dto/case-search.dto';

/**
 * 以罚代刑 (supervision.md §6; 行政处罚法 Art. 82): criminal indicators (deaths or serious injuries, a referral proposed
 * then rejected) but a fine and nothing else.
 */
export const FINE_IN_PLACE_OF_REFERRAL = 'fine_in_place_of_referral';
const FINE_IN_PLACE_OF_REFERRAL_SQL = "(instr(flags, ',criminal_indicators,') > 0 OR instr(flags, ',referral_rejected,') > 0) AND instr(flags, ',fine_only,') > 0";
const withDerivedFlags = (flags: string[]) =>
  (flags.includes('criminal_indicators') || flags.includes('referral_rejected')) && flags.includes('fine_only') ? [...flags, FINE_IN_PLACE_OF_REFERRAL] : flags;

const SORT: Record<string, string> = { openedAt: 'julianday(opened_at)', updatedAt: 'updated_at', caseNo: 'case_no', decidedAt: 'julianday(decided_at)' };
const startOf = (date: string) => `${date}T00:00:00+08:00`;
const endOf = (date: string) => `${date}T23:59:59.999+08:00`;

/** 案件检索 over the case-index projection, within what the user may read. */
@Injectable()
export class CaseSearchService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
    private readonly policy: AccessPolicy,
  ) {}

  search(q: CaseSearchDto, actor: Actor) {
    if (!(this.store instanceof SqliteEventStore)) throw new ProblemException(problem(501, 'not-implemented', '该事件存储不支持 (not available for this event store)'));
    const dir = this.directory.directory;
    const root = q.agencyId ?? actor.agencyId;
    const agencies = q.includeSubordinates ? dir.listAgencies().filter((a) => dir.isWithin(a.id, root)).map((a) => a.id) : [root];
    for (const agencyId of agencies) this.policy.assert(actor, 'cases.search', { agencyId });
    const where = [`agency_id IN (${agencies.map(() => '?').join(',')})`];
    const params: (string | number)[] = [...agencies];
    const add = (sql: string, ...values: string[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (q.stage) add('stage = ?', q.stage);
    if (q.industry) add('industry = ?', q.industry);
    if (q.party) add("(instr(party_name, ?) > 0 OR party_code = upper(?))", q.party, q.party);
    if (q.officerId) add('instr(officer_ids, ?) > 0', `,${q.officerId},`);
    if (q.overdue) add('instr(overdue, ?) > 0', `,${q.overdue},`);
    if (q.flag === FINE_IN_PLACE_OF_REFERRAL) where.push(FINE_IN_PLACE_OF_REFERRAL_SQL);
    else if (q.flag) add('instr(flags, ?) > 0', `,${q.flag},`);
    if (q.openedFrom) add('julianday(opened_at) >= julianday(?)', startOf(q.openedFrom));
    if (q.openedTo) add('julianday(opened_at) <= julianday(?)', endOf(q.openedTo));
    if (q.decidedFrom) add('julianday(decided_at) >= julianday(?)', startOf(q.decidedFrom));
    if (q.decidedTo) add('julianday(decided_at) <= julianday(?)', endOf(q.decidedTo));
    const pageSize = q.pageSize ?? 20;
    const page = q.page ?? 1;
    const sql = `FROM case_index WHERE ${where.join(' AND ')}`;
    const total = (this.store.db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n;
    const rows = this.store.db
      .prepare(`SELECT * ${sql} ORDER BY ${SORT[q.sort ?? 'openedAt']} ${q.order === 'asc' ? 'ASC' : 'DESC'}, case_id LIMIT ? OFFSET ?`)
      .all(...params, pageSize, (page - 1) * pageSize) as Record<string, string>[];
    const list = (s: string) => s.split(',').filter(Boolean);
    return {
      total,
      page,
      pageSize,
      items: rows.map((r) => ({
        caseId: r.case_id,
        caseNo: r.case_no,
        agencyId: r.agency_id,
        stage: r.stage,
        industry: r.industry,
        party: { kind: r.party_kind, name: r.party_name },
        handlingOfficerIds: list(r.officer_ids),
        openedAt: r.opened_at,
        filedAt: r.filed_at,
        decisionNo: r.decision_no,
        decidedAt: r.decided_at,
        flags: withDerivedFlags(list(r.flags)),
        overdue: list(r.overdue),
        updatedAt: r.updated_at,
      })),
    };
  }
}
