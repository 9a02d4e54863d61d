import type { Database } from 'better-sqlite3';
import type { DueDeadlinesQuery } from '@app/case-engine';
import { AS_OF_FIGURES, codePointTokens, sqliteDueDeadlines } from '@app/projections';
import * as rm from './read-models';
import { CaseKey, inOrder, keysetPage, mergeKeys, segmentSql } from './case-search-keyset';

const FINE_IN_PLACE_OF_REFERRAL_SQL =
  "(instr(flags, ',criminal_indicators,') > 0 OR instr(flags, ',referral_rejected,') > 0) AND instr(flags, ',fine_only,') > 0";
/** A sort's key of a column or a value: julianday() for the moments (stored with offsets), the text itself otherwise. */
const sortKey = (sort: rm.CaseSort) => (sql: string) => (sort === 'openedAt' || sort === 'decidedAt' ? `julianday(${sql})` : sql);
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
/** Arms of one compound SELECT (SQLite's SQLITE_MAX_COMPOUND_SELECT is 500). */
const AUDIT_ARMS = 400;

/** The audit filters besides scope and case, as SQL appended to a WHERE clause and the values it binds, in order. */
function auditFilters(q: rm.AuditQuery): { filters: string; values: string[] } {
  let filters = '';
  const values: string[] = [];
  const add = (sql: string, v: string | undefined) => {
    if (v === undefined) return;
    filters += ` AND ${sql}`;
    values.push(v);
  };
  add('actor_id = ?', q.actorId);
  add('type = ?', q.type);
  add('recorded_at >= ?', q.from);
  add('recorded_at <= ?', q.to);
  return { filters, values };
}

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
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, ...values: string[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (q.stage) add('stage = ?', q.stage);
    if (q.industry) add('industry = ?', q.industry);
    if (q.party) {
      // The names that may contain it, from the party indexes, then exactly (instr: case-sensitive, % and _ as themselves).
      const [table, match] =
        Array.from(q.party).length >= 3
          ? ['case_party_trigrams', `name : "${q.party.replace(/"/g, '""')}"`]
          : ['case_party_chars', `chars : "${codePointTokens(q.party)}"`];
      add(
        `case_id IN (SELECT case_id FROM ${table} WHERE ${table} MATCH ? UNION SELECT case_id FROM case_index WHERE party_code = upper(?))
         AND (instr(party_name, ?) > 0 OR party_code = upper(?))`,
        match,
        q.party,
        q.party,
        q.party,
      );
    }
    if (q.officerId) add('instr(officer_ids, ?) > 0', `,${q.officerId},`);
    if (q.overdue) add('instr(overdue, ?) > 0', `,${q.overdue},`);
    if (q.flag === rm.FINE_IN_PLACE_OF_REFERRAL) where.push(FINE_IN_PLACE_OF_REFERRAL_SQL);
    else if (q.flag) add('instr(flags, ?) > 0', `,${q.flag},`);
    if (q.caseIds) add(`case_id IN (${list(q.caseIds)})`, ...q.caseIds);
    if (q.openedFrom) add('julianday(opened_at) >= julianday(?)', q.openedFrom);
    if (q.openedTo) add('julianday(opened_at) <= julianday(?)', q.openedTo);
    if (q.decidedFrom) add('julianday(decided_at) >= julianday(?)', q.decidedFrom);
    if (q.decidedTo) add('julianday(decided_at) <= julianday(?)', q.decidedTo);
    const filters = where.map((w) => ` AND ${w}`).join('');
    const total = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM case_index WHERE agency_id IN (${list(q.agencies)})${filters}`)
        .get(...q.agencies, ...params) as {
        n: number;
      }
    ).n;
    const key = sortKey(q.sort);
    const column = rm.CASE_SORT_COLUMNS[q.sort];
    const after = q.after;
    const cursor = after && { keyIsNull: (this.db.prepare(`SELECT ${key('?')} IS NULL AS n`).get(after.key) as { n: number }).n === 1 };
    // Each agency's cases are read from its own range of the (agency, [stage,] key, case id) index, in order.
    const { ids, more } = await keysetPage(q, cursor, async (seg, n) => {
      const cursorValues: (string | null)[] = [];
      const condition = segmentSql(
        seg,
        q.order,
        key(column),
        () => (cursorValues.push(after!.key), key('?')),
        () => (cursorValues.push(after!.caseId), '?'),
      );
      const statement = this.db.prepare(
        `SELECT case_id, ${key(column)} AS k FROM case_index WHERE agency_id = ?${filters} AND ${condition}
         ORDER BY ${seg.nullKeys ? '' : `${key(column)} ${q.order === 'asc' ? 'ASC' : 'DESC'}, `}case_id LIMIT ?`,
      );
      return mergeKeys(
        q.agencies.map((agency) => statement.all(agency, ...params, ...cursorValues, n) as CaseKey[]),
        q.order,
        n,
      );
    });
    const rows = this.db.prepare(`SELECT * FROM case_index WHERE case_id IN (${list(ids)})`).all(...ids) as rm.CaseIndexRow[];
    return { total, rows: inOrder(ids, rows), more };
  }

  async auditTrail(q: rm.AuditQuery) {
    const agencies = [...new Set(q.agencies)];
    if (!agencies.length) return [];
    // The page's positions: a range of the case's index, or a merge in position order of one index range per agency of
    // the scope (SQLite merges the ordered arms of a compound SELECT without sorting): as many index entries as the
    // page holds, however long the trail. SQLite allows up to 500 arms; larger scopes are merged here, chunk by chunk.
    const { filters, values } = auditFilters(q);
    let positions: number[];
    if (q.caseId !== undefined) {
      positions = this.positions(
        `SELECT position FROM audit_trail WHERE case_id = ? AND case_agency_id IN (${list(agencies)}) AND position > ?${filters} ORDER BY position LIMIT ?`,
        [q.caseId, ...agencies, q.after, ...values, q.limit],
      );
    } else {
      const arm = `SELECT position FROM audit_trail WHERE case_agency_id = ? AND position > ?${filters}`;
      positions = [];
      for (let i = 0; i < agencies.length; i += AUDIT_ARMS) {
        const chunk = agencies.slice(i, i + AUDIT_ARMS);
        const sql = `${chunk.map(() => arm).join(' UNION ALL ')} ORDER BY position LIMIT ?`;
        positions.push(...this.positions(sql, [...chunk.flatMap((a) => [a, q.after, ...values]), q.limit]));
      }
      if (agencies.length > AUDIT_ARMS) positions = positions.sort((a, b) => a - b).slice(0, q.limit);
    }
    if (!positions.length) return [];
    // data and metadata come from the event itself (the projection keeps only the filter columns), with its hash links.
    return this.db
      .prepare(
        `SELECT ${AUDIT_COLUMNS}, e.data, e.metadata, e.prev_hash, e.hash
         FROM audit_trail a JOIN ${this.eventsTable} e ON e.position = a.position WHERE a.position IN (${list(positions)}) ORDER BY a.position`,
      )
      .all(...positions) as rm.AuditTrailRow[];
  }

  /** The first column of every row, as numbers. */
  private positions(sql: string, params: unknown[]): number[] {
    return this.db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
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
    if (q.after !== undefined) {
      where.push('r.position > ?');
      params.push(q.after);
    }
    const limit = q.limit === undefined ? '' : ` LIMIT ${Number(q.limit)}`;
    return this.db
      .prepare(
        `SELECT r.record_id, r.case_id, c.case_no, c.agency_id, r.occurred_at, r.recorded_at, r.recorder_id, r.recorder_name, r.intervener_name,
                r.intervener_unit, r.intervener_post, r.relation, r.means, r.content, r.handling, r.corrects, r.position
         FROM interference_records r JOIN interference_cases c ON c.case_id = r.case_id WHERE ${where.join(' AND ')} ORDER BY r.position${limit}`,
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

  /** The decided fines in scope (and period): an index range per agency (case_index_decisions), never the whole index. */
  private decisionsInScope(q: rm.ConsistencyQuery): { where: string; params: (string | number)[] } {
    const params: (string | number)[] = [...q.agencies];
    let where = `violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL AND agency_id IN (${list(q.agencies)})`;
    if (q.period) {
      where += ' AND julianday(decided_at) >= julianday(?) AND julianday(decided_at) < julianday(?)';
      params.push(...q.period);
    }
    return { where, params };
  }

  async consistencyFineCounts(q: rm.ConsistencyQuery) {
    const { where, params } = this.decisionsInScope(q);
    const columns = 'violation_code, discretion_level, fine_yuan, agency_id, party_kind';
    return this.db
      .prepare(`SELECT ${columns}, COUNT(*) AS n FROM case_index WHERE ${where} GROUP BY ${columns} ORDER BY ${columns}`)
      .all(...params) as rm.FineCountRow[];
  }

  async consistencyOutliers(q: rm.FineOutliersQuery) {
    if (!q.bounds.length) return [];
    const { where, params } = this.decisionsInScope(q);
    const outside = q.bounds.map(() => '(party_kind = ? AND (fine_yuan < ? OR fine_yuan > ?))').join(' OR ');
    return this.db
      .prepare(
        `SELECT case_id, agency_id, violation_code, discretion_level, fine_yuan, party_kind FROM case_index
         WHERE ${where} AND violation_code = ? AND discretion_level = ? AND (${outside}) ORDER BY fine_yuan, agency_id, stage, case_id LIMIT ?`,
      )
      .all(
        ...params,
        q.violationCode,
        q.discretionLevel,
        ...q.bounds.flatMap((b) => [b.partyKind, b.lo, b.hi]),
        q.limit,
      ) as rm.DecisionRow[];
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

  async dueDeadlines(q: DueDeadlinesQuery) {
    return sqliteDueDeadlines(this.db, q);
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
