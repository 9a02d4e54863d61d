import type { Database } from 'better-sqlite3';
import { AS_OF_FIGURES } from '@app/projections';
import * as rm from './read-models';

const FINE_IN_PLACE_OF_REFERRAL_SQL =
  "(instr(flags, ',criminal_indicators,') > 0 OR instr(flags, ',referral_rejected,') > 0) AND instr(flags, ',fine_only,') > 0";
const SORT: Record<string, string> = {
  openedAt: 'julianday(opened_at)',
  updatedAt: 'updated_at',
  caseNo: 'case_no',
  decidedAt: 'julianday(decided_at)',
};
/** The audit row's columns: the projection's own, then what the event's metadata says (the projection keeps filter columns only). */
const AUDIT_COLUMNS = [
  'a.position',
  'a.event_id',
  'a.case_id',
  'a.revision',
  'a.type',
  'a.actor_id',
  `COALESCE(json_extract(e.metadata, '$.actor.agencyId'), '') AS actor_agency_id`,
  `COALESCE(json_extract(e.metadata, '$.command'), '') AS command`,
  `COALESCE(json_extract(e.metadata, '$.occurredAt'), '') AS occurred_at`,
  'a.recorded_at',
].join(', ');
const list = (values: unknown[]) => values.map(() => '?').join(',');

/** The read models in the embedded store's SQLite file (the same file and connection as the events). */
export class SqliteReadModels implements rm.ReadModels {
  readonly kind = 'sqlite';

  constructor(
    readonly db: Database,
    /** Where the audit trail finds the events' data and metadata: the store's own table, or `event_payloads` (see that projection). */
    private readonly eventsTable: 'events' | 'event_payloads' = 'events',
  ) {}

  assertAvailable(): void {}

  async searchCases(q: rm.CaseSearchQuery) {
    const where = [`agency_id IN (${list(q.agencies)})`];
    const params: (string | number)[] = [...q.agencies];
    const add = (sql: string, ...values: string[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (q.stage) add('stage = ?', q.stage);
    if (q.industry) add('industry = ?', q.industry);
    if (q.party) add('(instr(party_name, ?) > 0 OR party_code = upper(?))', q.party, q.party);
    if (q.officerId) add('instr(officer_ids, ?) > 0', `,${q.officerId},`);
    if (q.overdue) add('instr(overdue, ?) > 0', `,${q.overdue},`);
    if (q.flag === rm.FINE_IN_PLACE_OF_REFERRAL) where.push(FINE_IN_PLACE_OF_REFERRAL_SQL);
    else if (q.flag) add('instr(flags, ?) > 0', `,${q.flag},`);
    if (q.caseIds) add(`case_id IN (${list(q.caseIds)})`, ...q.caseIds);
    if (q.openedFrom) add('julianday(opened_at) >= julianday(?)', q.openedFrom);
    if (q.openedTo) add('julianday(opened_at) <= julianday(?)', q.openedTo);
    if (q.decidedFrom) add('julianday(decided_at) >= julianday(?)', q.decidedFrom);
    if (q.decidedTo) add('julianday(decided_at) <= julianday(?)', q.decidedTo);
    const sql = `FROM case_index WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * ${sql} ORDER BY ${SORT[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'}, case_id LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as rm.CaseIndexRow[];
    return { total, rows };
  }

  async auditTrail(q: rm.AuditQuery) {
    const where = [`a.case_id IN (SELECT case_id FROM audit_trail WHERE agency_id IN (${list(q.agencies)}))`, 'a.position > ?'];
    const params: (string | number)[] = [...q.agencies, q.after];
    const add = (sql: string, v: string | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      params.push(v);
    };
    add('a.case_id = ?', q.caseId);
    add('a.actor_id = ?', q.actorId);
    add('a.type = ?', q.type);
    add('a.recorded_at >= ?', q.from);
    add('a.recorded_at <= ?', q.to);
    // data and metadata come from the event itself (the projection keeps only the filter columns), with its hash links.
    return this.db
      .prepare(
        `SELECT ${AUDIT_COLUMNS}, e.data, e.metadata, e.prev_hash, e.hash
         FROM audit_trail a JOIN ${this.eventsTable} e ON e.position = a.position WHERE ${where.join(' AND ')} ORDER BY a.position LIMIT ?`,
      )
      .all(...params, q.limit) as rm.AuditTrailRow[];
  }

  async interferenceRegister(q: rm.InterferenceQuery) {
    const where = [`c.agency_id IN (${list(q.agencies)})`, '(c.approver_id IS NULL OR c.approver_id <> ?)'];
    const params: (string | number)[] = [...q.agencies, q.readerId];
    if (q.period) {
      where.push('julianday(r.occurred_at) >= julianday(?) AND julianday(r.occurred_at) < julianday(?)');
      params.push(...q.period);
    }
    if (q.caseId) {
      where.push('r.case_id = ?');
      params.push(q.caseId);
    }
    if (q.intervener) {
      where.push('r.intervener_name = ?');
      params.push(q.intervener);
    }
    return this.db
      .prepare(
        `SELECT r.record_id, r.case_id, c.case_no, c.agency_id, r.occurred_at, r.recorded_at, r.recorder_id, r.recorder_name, r.intervener_name,
                r.intervener_unit, r.intervener_post, r.relation, r.means, r.content, r.handling, r.corrects
         FROM interference_records r JOIN interference_cases c ON c.case_id = r.case_id WHERE ${where.join(' AND ')} ORDER BY r.position`,
      )
      .all(...params) as rm.InterferenceRecordRow[];
  }

  async interferenceCounts(q: { from: string; to: string; readerId: string }) {
    return this.db
      .prepare(
        `SELECT c.agency_id AS agencyId, COUNT(*) AS records FROM interference_records r JOIN interference_cases c ON c.case_id = r.case_id
         WHERE julianday(r.occurred_at) >= julianday(?) AND julianday(r.occurred_at) < julianday(?) AND (c.approver_id IS NULL OR c.approver_id <> ?) GROUP BY c.agency_id`,
      )
      .all(q.from, q.to, q.readerId) as { agencyId: string; records: number }[];
  }

  async publicDecisions(q: rm.PublicDecisionsQuery) {
    const where = ['published_at IS NOT NULL', 'revoked_at IS NULL', 'julianday(published_at) >= julianday(?)'];
    const params: (string | number)[] = [q.oldest];
    if (q.agencyId) {
      where.push('COALESCE(issuer_agency_id, agency_id) = ?');
      params.push(q.agencyId);
    }
    return this.db
      .prepare(`SELECT * FROM public_decisions WHERE ${where.join(' AND ')} ORDER BY published_at DESC, case_id LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as rm.PublicDecisionRow[];
  }

  async assessment(q: rm.AssessmentQuery): Promise<rm.AssessmentFacts> {
    const { agencies } = q;
    const inAgencies = `agency_id IN (${list(agencies)})`;
    const inPeriod = (column: string) => `julianday(${column}) >= julianday(@from) AND julianday(${column}) < julianday(@to)`;
    const named = { from: q.from, to: q.to, asOf: q.asOf, fromDay: q.fromDay, toDay: q.toDay };
    const rate = (sql: string) => this.db.prepare(sql).all(...agencies, named) as rm.RateRow[];
    const cases = (included: string, where: string) =>
      `SELECT case_id, agency_id, (${included}) AS included FROM assessment_case WHERE ${inAgencies} AND ${where} ORDER BY case_id`;
    const filed = this.db
      .prepare(
        `SELECT case_id, agency_id, industry FROM assessment_case WHERE ${inAgencies} AND filed_at IS NOT NULL AND ${inPeriod('filed_at')} ORDER BY case_id`,
      )
      .all(...agencies, named) as rm.AssessmentFacts['filed'];
    const rates = {
      handling: rate(
        cases(
          'concluded_at IS NOT NULL AND julianday(concluded_at) <= julianday(@asOf)',
          `filed_at IS NOT NULL AND ${inPeriod('filed_at')}`,
        ),
      ),
      legal_basis_accuracy: rate(
        cases('COALESCE(basis_correct, 0) = 1 AND overturned = 0', `decided_at IS NOT NULL AND ${inPeriod('decided_at')}`),
      ),
      timely_closure: rate(cases('COALESCE(timely, 0) = 1', `closed_at IS NOT NULL AND ${inPeriod('closed_at')}`)),
      execution: rate(
        cases(
          'executed_at IS NOT NULL AND julianday(executed_at) <= julianday(@asOf)',
          `decision_kind = 'penalty' AND ${inPeriod('decided_at')}`,
        ),
      ),
      reinspection: rate(
        `SELECT r.case_id, c.agency_id, (r.reinspected_at IS NOT NULL AND julianday(r.reinspected_at) <= julianday(COALESCE(r.reinspection_due_at, r.reinspected_at)) AND julianday(r.reinspected_at) <= julianday(@asOf)) AS included
         FROM assessment_rectification r JOIN assessment_case c ON c.case_id = r.case_id
         WHERE c.${inAgencies} AND r.due_date >= @fromDay AND r.due_date < @toDay ORDER BY r.case_id, r.order_id`,
      ),
    };
    // The order SQLite's plan gave when this query had no ORDER BY (the (agency_id, stage) index, then the key), now
    // stated, so that every implementation lists the overdue cases alike.
    const overdue = this.db
      .prepare(`SELECT case_id, overdue FROM case_index WHERE ${inAgencies} AND overdue <> ',' ORDER BY agency_id, stage, case_id`)
      .all(...agencies) as rm.AssessmentFacts['overdue'];
    return { filed, rates, overdue, interferenceByQuarter: this.interferenceByQuarter(q) };
  }

  async assessmentFigures(q: rm.AssessmentFiguresQuery): Promise<rm.AssessmentFigureCounts> {
    const [where, params] = this.figureScope(q);
    const counts = this.db
      .prepare(`SELECT agency_id, figure, SUM(n) AS n FROM assessment_figure_counts WHERE ${where} GROUP BY agency_id, figure`)
      .all(...params) as rm.AssessmentFigureCountRow[];
    const late = this.db
      .prepare(
        `SELECT agency_id, figure, COUNT(*) AS n FROM assessment_figure_cases
         WHERE ${where} AND figure IN (${list(AS_OF_FIGURES)}) AND at_ms > ? GROUP BY agency_id, figure`,
      )
      .all(...params, ...AS_OF_FIGURES, q.asOfMs) as rm.AssessmentFigureCountRow[];
    return { counts, late };
  }

  /**
   * A k-way merge of the agencies' own index ranges, read a few rows at a time: a row is placed once no agency still
   * being read can hold a smaller one, and only the agency that holds back the merge is read further. About a page
   * plus a few rows per agency, whatever the history.
   */
  async assessmentCases(q: rm.AssessmentCasesQuery): Promise<rm.AssessmentCaseRow[]> {
    const quarter = q.quarter ? ' AND quarter = ?' : '';
    const next = this.db.prepare(
      `SELECT case_id, order_id, agency_id FROM assessment_figure_cases
       WHERE agency_id = ? AND year = ? AND figure = ? AND (case_id, order_id) > (?, ?)${quarter} AND (at_ms IS NULL OR at_ms <= ?)
       ORDER BY case_id, order_id LIMIT ?`,
    );
    const batch = Math.max(4, Math.ceil((2 * q.limit) / Math.max(1, q.agencies.length)));
    const start: rm.AssessmentCaseRow = { case_id: q.after?.caseId ?? '', order_id: q.after?.orderId ?? '', agency_id: '' };
    const read = (agency: string, after: rm.AssessmentCaseRow) =>
      next.all(
        agency,
        q.year,
        q.figure,
        after.case_id,
        after.order_id,
        ...(q.quarter ? [q.quarter] : []),
        q.asOfMs,
        batch,
      ) as rm.AssessmentCaseRow[];
    const rows: rm.AssessmentCaseRow[] = [];
    // The agencies not read to their end, each with the last row read.
    let open: { agency: string; last: rm.AssessmentCaseRow }[] = [];
    const take = (agency: string, after: rm.AssessmentCaseRow) => {
      const got = read(agency, after);
      rows.push(...got);
      if (got.length === batch) open.push({ agency, last: got[got.length - 1] });
    };
    for (const agency of q.agencies) take(agency, start);
    for (;;) {
      if (!open.length) return rows.sort(rm.byCaseAndOrder).slice(0, q.limit);
      const least = open.reduce((a, b) => (rm.byCaseAndOrder(a.last, b.last) <= 0 ? a : b));
      const placed = rows.filter((r) => rm.byCaseAndOrder(r, least.last) <= 0);
      if (placed.length >= q.limit) return placed.sort(rm.byCaseAndOrder).slice(0, q.limit);
      open = open.filter((o) => o !== least);
      take(least.agency, least.last);
    }
  }

  async assessmentExtras(q: rm.AssessmentQuery) {
    const overdue = this.db
      .prepare(`SELECT overdue, COUNT(*) AS n FROM case_index WHERE agency_id IN (${list(q.agencies)}) AND overdue <> ',' GROUP BY overdue`)
      .all(...q.agencies) as { overdue: string; n: number }[];
    return { overdue, interferenceByQuarter: this.interferenceByQuarter(q) };
  }

  private figureScope(q: rm.AssessmentFiguresQuery): [string, (string | number)[]] {
    return [
      `agency_id IN (${list(q.agencies)}) AND year = ?${q.quarter ? ' AND quarter = ?' : ''}`,
      [...q.agencies, q.year, ...(q.quarter ? [q.quarter] : [])],
    ];
  }

  private interferenceByQuarter(q: rm.AssessmentQuery): rm.AssessmentFacts['interferenceByQuarter'] {
    return this.db
      .prepare(
        `SELECT CAST((CAST(strftime('%m', r.occurred_at, '+8 hours') AS INTEGER) + 2) / 3 AS INTEGER) AS quarter, COUNT(*) AS records
         FROM interference_records r JOIN interference_cases c ON c.case_id = r.case_id
         WHERE c.agency_id IN (${list(q.agencies)}) AND julianday(r.occurred_at) >= julianday(@yearFrom) AND julianday(r.occurred_at) < julianday(@yearTo) GROUP BY quarter`,
      )
      .all(...q.agencies, { yearFrom: q.yearFrom, yearTo: q.yearTo }) as rm.AssessmentFacts['interferenceByQuarter'];
  }

  /** Equal fines keep the order SQLite's plan gave them before the tie-breakers were stated (index order: agency, stage, key). */
  async consistencyDecisions(q: rm.ConsistencyQuery) {
    const params: (string | number)[] = [...q.agencies];
    let period = '';
    if (q.period) {
      period = ' AND julianday(decided_at) >= julianday(?) AND julianday(decided_at) < julianday(?)';
      params.push(...q.period);
    }
    return this.db
      .prepare(
        `SELECT case_id, agency_id, violation_code, discretion_level, fine_yuan, party_kind FROM case_index
         WHERE violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL
           AND agency_id IN (${list(q.agencies)})${period} ORDER BY violation_code, discretion_level, fine_yuan, agency_id, stage, case_id`,
      )
      .all(...params) as rm.DecisionRow[];
  }

  async openDeadlines(q: rm.OpenDeadlinesQuery) {
    // From the officer's cases (primary key range) or the agencies' deadlines by due day (index range): never history.
    const where: string[] = ["d.status <> 'paused'"];
    const params: (string | number)[] = [];
    let from = 'open_deadlines d';
    if (q.officerId !== undefined) {
      from = 'deadline_case_officers o JOIN open_deadlines d ON d.case_id = o.case_id';
      where.push('o.officer_id = ?');
      params.push(q.officerId);
    }
    if (q.agencies) {
      where.push(`d.agency_id IN (${list(q.agencies)})`);
      params.push(...q.agencies);
    }
    const add = (sql: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(sql);
      params.push(value);
    };
    add('d.due_date >= ?', q.dueFrom);
    add('d.due_date <= ?', q.dueTo);
    if (q.openOnly) where.push("d.status = 'open'");
    const sql = `FROM ${from} JOIN deadline_cases c ON c.case_id = d.case_id WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT d.case_id, d.kind, d.agency_id, d.due_date, d.due_at, d.basis, d.status, c.case_no, c.party_name, c.officer_ids
         ${sql} ORDER BY d.due_date, d.case_id, d.kind LIMIT ? OFFSET ?`,
      )
      .all(...params, q.limit, q.offset) as rm.OpenDeadlineRow[];
    return { total, rows };
  }

  async casesAwaiting(q: rm.AwaitingQuery) {
    if (!q.branches.length) return { total: 0, rows: [] };
    // Each branch is a range of the (agency_id, stage) index, the officer tested within it.
    const params: string[] = [];
    const branches = q.branches.map((b) => {
      params.push(...b.agencies, ...b.stages);
      const officer = b.officerId === undefined ? '' : ' AND instr(officer_ids, ?) > 0';
      if (b.officerId !== undefined) params.push(`,${b.officerId},`);
      return `(agency_id IN (${list(b.agencies)}) AND stage IN (${list(b.stages)})${officer})`;
    });
    const sql = `FROM case_index WHERE ${branches.join(' OR ')}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * ${sql} ORDER BY updated_at DESC, case_id LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as rm.CaseIndexRow[];
    return { total, rows };
  }

  async checkpoints(): Promise<rm.CheckpointRow[]> {
    try {
      return this.db.prepare('SELECT name, version, position FROM projection_checkpoints ORDER BY name').all() as rm.CheckpointRow[];
    } catch {
      // The projection thread has not created its checkpoints yet.
      return [];
    }
  }

  async close(): Promise<void> {
    // The store's own file: the event store closes the connection. A file of read models alone: closed here.
    if (this.eventsTable === 'event_payloads') this.db.close();
  }
}
