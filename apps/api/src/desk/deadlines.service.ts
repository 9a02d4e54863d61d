import { Inject, Injectable } from '@nestjs/common';
import { WorkingDayCalendar, addDays, toShanghaiDate } from '@app/calendar';
import { Actor } from '@app/case-engine';
import { DEADLINE_KIND_NAMES, DeadlineKind } from '@workflows/enforcement-case';
import { AgencyScope } from '../auth/agency-scope';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../core/clock';
import { ProblemException, problem } from '../problem/problem';
import { OpenDeadlinesQuery, READ_MODELS, ReadModels } from '../read-models/read-models';
import { DeadlinesQueryDto } from './deadlines-query.dto';
import { workingDaysAfter, workingDaysLeft } from './working-days-left';
import { boundedPaging } from '../http/paging';

const invalid = (field: string, detail: string) =>
  new ProblemException(
    problem(400, 'invalid-input', '请求参数无效 (invalid input)', { detail, errors: [{ field, message: detail, constraints: {} }] }),
  );

/** 期限预警 over the open-deadlines read model: whose deadlines, due within how many working days, missed or not. */
@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
    private readonly scope: AgencyScope,
  ) {}

  async list(q: DeadlinesQueryDto, actor: Actor) {
    this.readModels.assertAvailable();
    const scope = q.scope ?? 'agency';
    if (scope === 'mine' && q.agencyId !== undefined)
      throw invalid('agencyId', 'scope=mine 时不可指定机关 (agencyId applies to scope=agency only)');
    if (scope === 'mine' && q.includeSubordinates !== undefined)
      throw invalid('includeSubordinates', 'scope=mine 时不可指定下级机关 (includeSubordinates applies to scope=agency only)');
    const who: Pick<OpenDeadlinesQuery, 'agencies' | 'officerId'> =
      scope === 'mine' ? { officerId: actor.id } : { agencies: this.scope.resolve(actor, 'deadlines.read', q).agencies };

    const today = toShanghaiDate(this.clock().toISOString());
    const within = q.dueWithinWorkingDays ?? this.config.deadlineWarningWorkingDays;
    // Beyond the holiday calendar's years, the window falls back to calendar days (shorter, never longer).
    const dueBy = workingDaysAfter(this.calendar, today, within) ?? addDays(today, within);
    const status = q.status ?? 'all';
    const range: Pick<OpenDeadlinesQuery, 'dueFrom' | 'dueTo' | 'openOnly'> =
      status === 'overdue'
        ? { dueTo: addDays(today, -1) }
        : status === 'soon'
          ? { dueFrom: today, dueTo: dueBy, openOnly: true }
          : { dueTo: dueBy };
    const { page, pageSize, limit, offset } = boundedPaging(q);
    const { total, rows } = await this.readModels.openDeadlines({ ...who, ...range, limit, offset });
    return {
      total,
      page,
      pageSize,
      today,
      dueWithinWorkingDays: within,
      items: rows.map((r) => {
        const name = DEADLINE_KIND_NAMES[r.kind as DeadlineKind];
        return {
          caseId: r.case_id,
          caseNo: r.case_no,
          agencyId: r.agency_id,
          party: { name: r.party_name },
          handlingOfficerIds: r.officer_ids.split(',').filter(Boolean),
          kind: r.kind,
          name: name ?? { zh: r.kind, en: r.kind },
          basis: r.basis,
          dueDate: r.due_date,
          dueAt: r.due_at,
          status: r.status === 'missed' || r.due_date < today ? ('overdue' as const) : ('soon' as const),
          workingDaysLeft: workingDaysLeft(this.calendar, today, r.due_date),
        };
      }),
    };
  }
}
