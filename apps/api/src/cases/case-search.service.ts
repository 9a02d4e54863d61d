import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { AgencyScope } from '../auth/agency-scope';
import { CaseSort, FINE_IN_PLACE_OF_REFERRAL, READ_MODELS, ReadModels } from '../read-models/read-models';
import { CaseSearchDto } from './dto/case-search.dto';

/**
 * 以罚代刑 (supervision.md §6; 行政处罚法 Art. 82): criminal indicators (deaths or serious injuries, a referral proposed
 * then rejected) but a fine and nothing else.
 */
export { FINE_IN_PLACE_OF_REFERRAL };
const withDerivedFlags = (flags: string[]) =>
  (flags.includes('criminal_indicators') || flags.includes('referral_rejected')) && flags.includes('fine_only') ? [...flags, FINE_IN_PLACE_OF_REFERRAL] : flags;

const startOf = (date: string) => `${date}T00:00:00+08:00`;
const endOf = (date: string) => `${date}T23:59:59.999+08:00`;

/** 案件检索 over the case-index projection, within what the user may read. */
@Injectable()
export class CaseSearchService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly scope: AgencyScope,
  ) {}

  async search(q: CaseSearchDto, actor: Actor) {
    this.readModels.assertAvailable();
    const { agencies } = this.scope.resolve(actor, 'cases.search', q);
    const pageSize = q.pageSize ?? 20;
    const page = q.page ?? 1;
    const { total, rows } = await this.readModels.searchCases({
      agencies,
      stage: q.stage,
      industry: q.industry,
      party: q.party,
      officerId: q.officerId,
      overdue: q.overdue,
      flag: q.flag,
      openedFrom: q.openedFrom && startOf(q.openedFrom),
      openedTo: q.openedTo && endOf(q.openedTo),
      decidedFrom: q.decidedFrom && startOf(q.decidedFrom),
      decidedTo: q.decidedTo && endOf(q.decidedTo),
      sort: (q.sort ?? 'openedAt') as CaseSort,
      order: q.order === 'asc' ? 'asc' : 'desc',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
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
