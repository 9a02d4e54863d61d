import { Inject, Injectable } from '@nestjs/common';
import { lastMomentOfShanghaiDay, startOfShanghaiDay } from '@app/calendar';
import { Actor } from '@app/case-engine';
import { AgencyScope } from '../auth/agency-scope';
import { CaseSort, FINE_IN_PLACE_OF_REFERRAL, READ_MODELS, ReadModels } from '../read-models/read-models';
import { CaseSearchDto } from './dto/case-search.dto';
import { paging } from '../http/paging';
import { caseIndexItem, listColumn } from '../read-models/case-index-item';
import { MAX_PAGED_ROWS, decodeCursor, encodeCursor, invalidQuery } from './case-search-cursor';

/**
 * 以罚代刑 (docs/supervision.md §6; 行政处罚法 Art. 82): criminal indicators (deaths or serious injuries, a referral proposed
 * then rejected) but a fine and nothing else.
 */
export { FINE_IN_PLACE_OF_REFERRAL };
const withDerivedFlags = (flags: string[]) =>
  (flags.includes('criminal_indicators') || flags.includes('referral_rejected')) && flags.includes('fine_only')
    ? [...flags, FINE_IN_PLACE_OF_REFERRAL]
    : flags;

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
    const { page, pageSize, limit, offset } = paging(q);
    const sort = (q.sort ?? 'openedAt') as CaseSort;
    const order = q.order === 'asc' ? 'asc' : 'desc';
    if (q.after !== undefined && page > 1) throw invalidQuery('page', '与 after 游标二选一', 'give either `page` or the `after` cursor');
    if (page * pageSize > MAX_PAGED_ROWS)
      throw invalidQuery(
        'page',
        `page × pageSize 至多 ${MAX_PAGED_ROWS}，更深处请用答复中的 next 作 after 翻页`,
        `page × pageSize must not exceed ${MAX_PAGED_ROWS}; page on with the answer's \`next\` as \`after\``,
      );
    const after = q.after === undefined ? undefined : decodeCursor(q.after, sort, order);
    const { total, rows, more } = await this.readModels.searchCases({
      agencies,
      stage: q.stage,
      industry: q.industry,
      party: q.party,
      officerId: q.officerId,
      overdue: q.overdue,
      flag: q.flag,
      caseIds: q.caseIds,
      openedFrom: q.openedFrom && startOfShanghaiDay(q.openedFrom),
      openedTo: q.openedTo && lastMomentOfShanghaiDay(q.openedTo),
      decidedFrom: q.decidedFrom && startOfShanghaiDay(q.decidedFrom),
      decidedTo: q.decidedTo && lastMomentOfShanghaiDay(q.decidedTo),
      sort,
      order,
      after,
      limit,
      offset,
    });
    return {
      total,
      page,
      pageSize,
      next: more && rows.length ? encodeCursor(sort, order, rows[rows.length - 1]) : null,
      items: rows.map((r) => ({
        ...caseIndexItem(r),
        industry: r.industry,
        openedAt: r.opened_at,
        filedAt: r.filed_at,
        decisionNo: r.decision_no,
        decidedAt: r.decided_at,
        flags: withDerivedFlags(listColumn(r.flags)),
        overdue: listColumn(r.overdue),
      })),
    };
  }
}
