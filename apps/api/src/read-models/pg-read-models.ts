import { ClientConfig, Pool } from 'pg';
import {
  ALL_PROJECTIONS,
  AS_OF_FIGURES,
  NUMERIC_TYPES,
  Projection,
  codePointTokens,
  eventPayloadsProjection,
  pgDueDeadlines,
  quoteSchema,
  setupPgReadModels,
} from '@app/projections';
import type { DueDeadlinesQuery } from '@app/case-engine';
import * as rm from './read-models';
import { CaseKey, inOrder, keysetPage, mergeKeys, segmentSql } from './case-search-keyset';

export interface PgReadModelsOptions {
  /** A pool to share (e.g. the event store's); or a connection string to open one of its own. */
  pool?: Pool;
  connectionString?: string;
  /** Schema of the read-model tables. Default `casetrail`, the event store's own, as the SQLite file holds both. */
  schema?: string;
  /** Schema of the event store's `events` table, which the audit trail joins for data and metadata. Default: `schema`. */
  eventsSchema?: string;
  /**
   * The events live in another store (EventStoreDB): the read models keep the case events' payloads themselves
   * (the `event-payloads` projection, table `event_payloads`), and the audit trail joins that instead.
   */
  eventPayloads?: boolean;
  /** Connections of a pool opened here. Default 10. */
  poolSize?: number;
}

/**
 * The read models in PostgreSQL, shared by every instance. The queries are the SQLite ones translated so that they
 * answer the same: text columns compare byte-wise (the tables are COLLATE "C", as SQLite's BINARY), julianday() is
 * the schema's sqlite_ms(), instr() is strpos(), NULLs sort as in SQLite (first ascending, last descending), upper()
 * changes ASCII letters only (COLLATE "C"), comparisons that SQLite returns as 0/1 are cast to integers, and bigint
 * counts and positions come back as numbers.
 */
/** Above every store position (a bigint): the upper end of an index range on (…, position). */
const MAX_POSITION = '9223372036854775807';

export class PgReadModels implements rm.ReadModels {
  readonly kind = 'postgres';
  private readonly s: string;
  private readonly events: string;
  /** The projections these read models are built by (the event payloads too when the events live elsewhere). */
  projections: Projection[] = ALL_PROJECTIONS;

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    readonly schema: string,
    events: string,
    /** Where the pool connects: the projections' lease opens a connection of its own there. */
    readonly connection: string | ClientConfig,
  ) {
    this.s = quoteSchema(schema);
    this.events = events;
  }

  /** Connects and creates the read models' tables if missing (every instance does, so reads never miss a table). */
  static async open(options: PgReadModelsOptions): Promise<PgReadModels> {
    if (!options.pool && !options.connectionString) throw new TypeError('PgReadModels: give a pool or a connection string');
    const pool =
      options.pool ??
      new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, application_name: 'casetrail read models' });
    const schema = options.schema ?? 'casetrail';
    const events = options.eventPayloads
      ? `${quoteSchema(schema)}.event_payloads`
      : `${quoteSchema(options.eventsSchema ?? schema)}.events`;
    const models = new PgReadModels(pool, !options.pool, schema, events, options.connectionString ?? options.pool!.options);
    models.projections = options.eventPayloads ? [...ALL_PROJECTIONS, eventPayloadsProjection] : ALL_PROJECTIONS;
    if (models.ownsPool) pool.on('error', () => undefined); // an idle connection that dies is replaced on next use
    try {
      await setupPgReadModels(pool, schema, models.projections);
    } catch (error) {
      await models.close();
      throw error;
    }
    return models;
  }

  assertAvailable(): void {}

  private async rows<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ text, values, types: NUMERIC_TYPES })).rows as T[];
  }

  private ms(sql: string): string {
    return `${this.s}.sqlite_ms(${sql})`;
  }

  async searchCases(q: rm.CaseSearchQuery) {
    const values: unknown[] = [q.agencies];
    const p = (v: unknown) => `$${values.push(v)}`;
    const where: string[] = [];
    if (q.stage) where.push(`stage = ${p(q.stage)}`);
    if (q.industry) where.push(`industry = ${p(q.industry)}`);
    // LIKE '%…%' with %, _ and \ escaped is strpos() > 0 (byte-wise, COLLATE "C"), and the pg_trgm index serves it
    // from three characters; one or two are found first by the index of the name's characters (a phrase of them).
    if (q.party) {
      const chars =
        Array.from(q.party).length < 3
          ? `${this.s}.party_chars(party_name) @@ to_tsquery('simple', ${p(codePointTokens(q.party).replace(/ /g, ' <-> '))}) AND `
          : '';
      where.push(
        `(${chars}party_name LIKE ${p(`%${q.party.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR party_code = upper(${p(q.party)}::text COLLATE "C"))`,
      );
    }
    if (q.officerId) where.push(`strpos(officer_ids, ${p(`,${q.officerId},`)}) > 0`);
    if (q.overdue) where.push(`strpos(overdue, ${p(`,${q.overdue},`)}) > 0`);
    if (q.flag === rm.FINE_IN_PLACE_OF_REFERRAL)
      where.push(
        "(strpos(flags, ',criminal_indicators,') > 0 OR strpos(flags, ',referral_rejected,') > 0) AND strpos(flags, ',fine_only,') > 0",
      );
    else if (q.flag) where.push(`strpos(flags, ${p(`,${q.flag},`)}) > 0`);
    if (q.caseIds) where.push(`case_id = ANY(${p(q.caseIds)}::text[])`);
    if (q.openedFrom) where.push(`${this.ms('opened_at')} >= ${this.ms(p(q.openedFrom))}`);
    if (q.openedTo) where.push(`${this.ms('opened_at')} <= ${this.ms(p(q.openedTo))}`);
    if (q.decidedFrom) where.push(`${this.ms('decided_at')} >= ${this.ms(p(q.decidedFrom))}`);
    if (q.decidedTo) where.push(`${this.ms('decided_at')} <= ${this.ms(p(q.decidedTo))}`);
    const filters = where.map((w) => ` AND ${w}`).join('');
    const [{ n: total }] = await this.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${this.s}.case_index WHERE agency_id = ANY($1::text[])${filters}`,
      values,
    );
    const column = rm.CASE_SORT_COLUMNS[q.sort];
    const key = (sql: string) => (q.sort === 'openedAt' || q.sort === 'decidedAt' ? this.ms(sql) : sql);
    const after = q.after;
    const cursor = after && {
      keyIsNull: (await this.rows<{ n: boolean }>(`SELECT ${key('$1::text')} IS NULL AS n`, [after.key]))[0].n,
    };
    // Each agency's cases from its own range of the (agency, [stage,] key, case id) index, in order (one query for all).
    const { ids, more } = await keysetPage(q, cursor, async (seg, n) => {
      const own = [...values];
      const bind = (v: unknown) => `$${own.push(v)}`;
      const condition = segmentSql(
        seg,
        q.order,
        key(`t.${column}`),
        () => key(`${bind(after!.key)}::text`),
        () => bind(after!.caseId),
      );
      const order = q.order === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
      const keys = await this.rows<CaseKey>(
        `SELECT c.case_id, c.k FROM unnest($1::text[]) AS a(agency_id) CROSS JOIN LATERAL (
           SELECT t.case_id, ${key(`t.${column}`)} AS k FROM ${this.s}.case_index t
           WHERE t.agency_id = a.agency_id${filters} AND ${condition} ORDER BY ${seg.nullKeys ? '' : `${key(`t.${column}`)} ${order}, `}t.case_id LIMIT ${bind(n)}) c`,
        own,
      );
      return mergeKeys([keys], q.order, n);
    });
    const rows = await this.rows<rm.CaseIndexRow>(`SELECT * FROM ${this.s}.case_index WHERE case_id = ANY($1::text[])`, [ids]);
    return { total, rows: inOrder(ids, rows), more };
  }

  async auditTrail(q: rm.AuditQuery) {
    const values: unknown[] = [[...new Set(q.agencies)], q.after];
    const p = (v: unknown) => `$${values.push(v)}`;
    let filters = '';
    if (q.actorId !== undefined) filters += ` AND a.actor_id = ${p(q.actorId)}`;
    if (q.type !== undefined) filters += ` AND a.type = ${p(q.type)}`;
    if (q.from !== undefined) filters += ` AND a.recorded_at >= ${p(q.from)}`;
    if (q.to !== undefined) filters += ` AND a.recorded_at <= ${p(q.to)}`;
    // Per agency of the scope, a range of the index that serves the filter, in position order: (agency, actor, position)
    // or (agency, type, position) by equalities. The agency alone is a range of (agency, position) bounded by row
    // comparisons on that key: stated as an equality it would leave the order by position alone, which the primary key
    // also gives, and the planner would filter the primary key's order, reading the whole trail for a small agency.
    const range =
      q.actorId !== undefined || q.type !== undefined
        ? `a.case_agency_id = g.agency_id AND a.position > $2${filters} ORDER BY a.position`
        : `(a.case_agency_id, a.position) > (g.agency_id, $2) AND (a.case_agency_id, a.position) < (g.agency_id, ${MAX_POSITION})${filters}
             ORDER BY a.case_agency_id, a.position`;
    const limit = p(q.limit);
    // The page's positions: the case's index range, or the first `limit` of each agency's range of which the first
    // `limit` in position order are kept (a sort of at most agencies × limit entries, whatever the trail's length).
    const page =
      q.caseId !== undefined
        ? `SELECT a.position FROM ${this.s}.audit_trail a WHERE a.case_id = ${p(q.caseId)} AND a.case_agency_id = ANY($1::text[])
             AND a.position > $2${filters} ORDER BY a.position LIMIT ${limit}`
        : `SELECT r.position FROM unnest($1::text[]) AS g(agency_id) CROSS JOIN LATERAL (
             SELECT a.position FROM ${this.s}.audit_trail a WHERE ${range} LIMIT ${limit}) r ORDER BY r.position LIMIT ${limit}`;
    return this.rows<rm.AuditTrailRow>(
      // The actor's agency, the command and the occurrence time come from the event's metadata (text: parsed per row, a page at a time).
      `SELECT a.position, a.event_id, a.case_id, a.revision, a.type, a.actor_id,
              COALESCE(e.metadata::jsonb #>> '{actor,agencyId}', '') AS actor_agency_id, COALESCE(e.metadata::jsonb ->> 'command', '') AS command,
              COALESCE(e.metadata::jsonb ->> 'occurredAt', '') AS occurred_at, a.recorded_at,
              e.data, e.metadata, e.prev_hash, e.hash
       FROM (${page}) m JOIN ${this.s}.audit_trail a ON a.position = m.position JOIN ${this.events} e ON e.position = a.position ORDER BY a.position`,
      values,
    );
  }

  async interferenceRegister(q: rm.InterferenceQuery) {
    const values: unknown[] = [q.agencies, q.readerId];
    const p = (v: unknown) => `$${values.push(v)}`;
    const where = ['c.agency_id = ANY($1::text[])', '(c.approver_id IS NULL OR c.approver_id <> $2)'];
    if (q.period)
      where.push(`${this.ms('r.occurred_at')} >= ${this.ms(p(q.period[0]))} AND ${this.ms('r.occurred_at')} < ${this.ms(p(q.period[1]))}`);
    if (q.caseId) where.push(`r.case_id = ${p(q.caseId)}`);
    if (q.intervener) where.push(`r.intervener_name = ${p(q.intervener)}`);
    if (q.after !== undefined) where.push(`r.position > ${p(q.after)}`);
    const limit = q.limit === undefined ? '' : ` LIMIT ${p(q.limit)}`;
    return this.rows<rm.InterferenceRecordRow>(
      `SELECT r.record_id, r.case_id, c.case_no, c.agency_id, r.occurred_at, r.recorded_at, r.recorder_id, r.recorder_name, r.intervener_name,
              r.intervener_unit, r.intervener_post, r.relation, r.means, r.content, r.handling, r.corrects, r.position
       FROM ${this.s}.interference_records r JOIN ${this.s}.interference_cases c ON c.case_id = r.case_id WHERE ${where.join(' AND ')} ORDER BY r.position${limit}`,
      values,
    );
  }

  async interferenceCounts(q: { from: string; to: string; readerId: string }) {
    return this.rows<{ agencyId: string; records: number }>(
      `SELECT c.agency_id AS "agencyId", COUNT(*) AS records FROM ${this.s}.interference_records r JOIN ${this.s}.interference_cases c ON c.case_id = r.case_id
       WHERE ${this.ms('r.occurred_at')} >= ${this.ms('$1')} AND ${this.ms('r.occurred_at')} < ${this.ms('$2')} AND (c.approver_id IS NULL OR c.approver_id <> $3) GROUP BY c.agency_id`,
      [q.from, q.to, q.readerId],
    );
  }

  async publicDecisions(q: rm.PublicDecisionsQuery) {
    const values: unknown[] = [q.oldest];
    const p = (v: unknown) => `$${values.push(v)}`;
    const where = ['published_at IS NOT NULL', 'revoked_at IS NULL', `${this.ms('published_at')} >= ${this.ms('$1')}`];
    if (q.agencyId) where.push(`COALESCE(issuer_agency_id, agency_id) = ${p(q.agencyId)}`);
    return this.rows<rm.PublicDecisionRow>(
      `SELECT * FROM ${this.s}.public_decisions WHERE ${where.join(' AND ')} ORDER BY published_at DESC, case_id LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}`,
      values,
    );
  }

  async assessment(q: rm.AssessmentQuery): Promise<rm.AssessmentFacts> {
    const named = {
      agencies: q.agencies,
      from: q.from,
      to: q.to,
      asOf: q.asOf,
      fromDay: q.fromDay,
      toDay: q.toDay,
      yearFrom: q.yearFrom,
      yearTo: q.yearTo,
    };
    const query = <T>(sql: string) => this.rows<T>(...bind(sql, named));
    const ms = (sql: string) => this.ms(sql);
    const inPeriod = (column: string) => `${ms(column)} >= ${ms('@from')} AND ${ms(column)} < ${ms('@to')}`;
    const table = `${this.s}.assessment_case`;
    // Comparisons SQLite answers as 0/1 (or NULL) are cast to integers.
    const cases = (included: string, where: string) =>
      `SELECT case_id, agency_id, (${included})::int AS included FROM ${table} WHERE agency_id = ANY(@agencies::text[]) AND ${where} ORDER BY case_id`;
    const filed = await query<rm.AssessmentFacts['filed'][number]>(
      `SELECT case_id, agency_id, industry FROM ${table} WHERE agency_id = ANY(@agencies::text[]) AND filed_at IS NOT NULL AND ${inPeriod('filed_at')} ORDER BY case_id`,
    );
    const rates = {
      handling: await query<rm.RateRow>(
        cases(`concluded_at IS NOT NULL AND ${ms('concluded_at')} <= ${ms('@asOf')}`, `filed_at IS NOT NULL AND ${inPeriod('filed_at')}`),
      ),
      legal_basis_accuracy: await query<rm.RateRow>(
        cases('COALESCE(basis_correct, 0) = 1 AND overturned = 0', `decided_at IS NOT NULL AND ${inPeriod('decided_at')}`),
      ),
      timely_closure: await query<rm.RateRow>(cases('COALESCE(timely, 0) = 1', `closed_at IS NOT NULL AND ${inPeriod('closed_at')}`)),
      execution: await query<rm.RateRow>(
        cases(
          `executed_at IS NOT NULL AND ${ms('executed_at')} <= ${ms('@asOf')}`,
          `decision_kind = 'penalty' AND ${inPeriod('decided_at')}`,
        ),
      ),
      reinspection: await query<rm.RateRow>(
        `SELECT r.case_id, c.agency_id, (r.reinspected_at IS NOT NULL AND ${ms('r.reinspected_at')} <= ${ms('COALESCE(r.reinspection_due_at, r.reinspected_at)')} AND ${ms('r.reinspected_at')} <= ${ms('@asOf')})::int AS included
         FROM ${this.s}.assessment_rectification r JOIN ${table} c ON c.case_id = r.case_id
         WHERE c.agency_id = ANY(@agencies::text[]) AND r.due_date >= @fromDay AND r.due_date < @toDay ORDER BY r.case_id, r.order_id`,
      ),
    };
    const overdue = await query<rm.AssessmentFacts['overdue'][number]>(
      `SELECT case_id, overdue FROM ${this.s}.case_index WHERE agency_id = ANY(@agencies::text[]) AND overdue <> ',' ORDER BY agency_id, stage, case_id`,
    );
    return { filed, rates, overdue, interferenceByQuarter: await this.interferenceByQuarter(q) };
  }

  async assessmentFigures(q: rm.AssessmentFiguresQuery): Promise<rm.AssessmentFigureCounts> {
    const where = `agency_id = ANY($1::text[]) AND year = $2 AND ($3::int IS NULL OR quarter = $3)`;
    const scope = [q.agencies, q.year, q.quarter ?? null];
    const counts = await this.rows<rm.AssessmentFigureCountRow>(
      `SELECT agency_id, figure, SUM(n)::int AS n FROM ${this.s}.assessment_figure_counts WHERE ${where} GROUP BY agency_id, figure`,
      scope,
    );
    const late = await this.rows<rm.AssessmentFigureCountRow>(
      `SELECT agency_id, figure, COUNT(*)::int AS n FROM ${this.s}.assessment_figure_cases
       WHERE ${where} AND figure = ANY($4::text[]) AND at_ms > $5 GROUP BY agency_id, figure`,
      [...scope, AS_OF_FIGURES, q.asOfMs],
    );
    return { counts, late };
  }

  /** Each agency's page from its own index range (LATERAL), merged in case order. */
  async assessmentCases(q: rm.AssessmentCasesQuery): Promise<rm.AssessmentCaseRow[]> {
    const after = q.after ?? { caseId: '', orderId: '' };
    const rows = await this.rows<rm.AssessmentCaseRow>(
      `SELECT e.case_id, e.order_id, e.agency_id FROM unnest($1::text[]) AS a(id) CROSS JOIN LATERAL (
         SELECT case_id, order_id, agency_id FROM ${this.s}.assessment_figure_cases
         WHERE agency_id = a.id AND year = $2 AND figure = $3 AND (case_id, order_id) > ($4, $5)
           AND ($6::int IS NULL OR quarter = $6) AND (at_ms IS NULL OR at_ms <= $7)
         ORDER BY case_id, order_id LIMIT $8) e`,
      [q.agencies, q.year, q.figure, after.caseId, after.orderId, q.quarter ?? null, q.asOfMs, q.limit],
    );
    return rows.sort(rm.byCaseAndOrder).slice(0, q.limit);
  }

  async assessmentExtras(q: rm.AssessmentQuery) {
    const overdue = await this.rows<{ overdue: string; n: number }>(
      `SELECT overdue, COUNT(*)::int AS n FROM ${this.s}.case_index WHERE agency_id = ANY($1::text[]) AND overdue <> ',' GROUP BY overdue`,
      [q.agencies],
    );
    return { overdue, interferenceByQuarter: await this.interferenceByQuarter(q) };
  }

  // strftime('%m', t, '+8 hours'): the month of the moment in UTC+8.
  private interferenceByQuarter(q: rm.AssessmentQuery) {
    const ms = (sql: string) => this.ms(sql);
    return this.rows<rm.AssessmentFacts['interferenceByQuarter'][number]>(
      ...bind(
        `SELECT ((extract(month FROM to_timestamp((${ms('r.occurred_at')} + 28800000) / 1000.0) AT TIME ZONE 'UTC')::int + 2) / 3) AS quarter, COUNT(*) AS records
       FROM ${this.s}.interference_records r JOIN ${this.s}.interference_cases c ON c.case_id = r.case_id
       WHERE c.agency_id = ANY(@agencies::text[]) AND ${ms('r.occurred_at')} >= ${ms('@yearFrom')} AND ${ms('r.occurred_at')} < ${ms('@yearTo')} GROUP BY 1`,
        { agencies: q.agencies, yearFrom: q.yearFrom, yearTo: q.yearTo },
      ),
    );
  }

  async consistencyDecisions(q: rm.ConsistencyQuery) {
    const values: unknown[] = [q.agencies, ...(q.period ?? [])];
    const period = q.period ? ` AND ${this.ms('decided_at')} >= ${this.ms('$2')} AND ${this.ms('decided_at')} < ${this.ms('$3')}` : '';
    return this.rows<rm.DecisionRow>(
      `SELECT case_id, agency_id, violation_code, discretion_level, fine_yuan, party_kind FROM ${this.s}.case_index
       WHERE violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL
         AND agency_id = ANY($1::text[])${period} ORDER BY violation_code, discretion_level, fine_yuan, agency_id, stage, case_id`,
      values,
    );
  }

  /** The decided fines in scope (and period), as the SQLite read models select them; values from `$1` on. */
  private decisionsInScope(q: rm.ConsistencyQuery): { where: string; values: unknown[] } {
    const values: unknown[] = [q.agencies, ...(q.period ?? [])];
    const period = q.period ? ` AND ${this.ms('decided_at')} >= ${this.ms('$2')} AND ${this.ms('decided_at')} < ${this.ms('$3')}` : '';
    return {
      where: `violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL AND agency_id = ANY($1::text[])${period}`,
      values,
    };
  }

  async consistencyFineCounts(q: rm.ConsistencyQuery) {
    const { where, values } = this.decisionsInScope(q);
    const columns = 'violation_code, discretion_level, fine_yuan, agency_id, party_kind';
    return this.rows<rm.FineCountRow>(
      `SELECT ${columns}, COUNT(*)::int AS n FROM ${this.s}.case_index WHERE ${where} GROUP BY ${columns} ORDER BY ${columns}`,
      values,
    );
  }

  async consistencyOutliers(q: rm.FineOutliersQuery) {
    if (!q.bounds.length) return [];
    const { where, values } = this.decisionsInScope(q);
    const p = (v: unknown) => `$${values.push(v)}`;
    const group = `violation_code = ${p(q.violationCode)} AND discretion_level = ${p(q.discretionLevel)}`;
    const outside = q.bounds
      .map((b) => `(party_kind = ${p(b.partyKind)} AND (fine_yuan < ${p(b.lo)} OR fine_yuan > ${p(b.hi)}))`)
      .join(' OR ');
    return this.rows<rm.DecisionRow>(
      `SELECT case_id, agency_id, violation_code, discretion_level, fine_yuan, party_kind FROM ${this.s}.case_index
       WHERE ${where} AND ${group} AND (${outside}) ORDER BY fine_yuan, agency_id, stage, case_id LIMIT ${p(q.limit)}`,
      values,
    );
  }

  async openDeadlines(q: rm.OpenDeadlinesQuery) {
    const values: unknown[] = [];
    const p = (v: unknown) => `$${values.push(v)}`;
    const where: string[] = ["d.status <> 'paused'"];
    let from = `${this.s}.open_deadlines d`;
    if (q.officerId !== undefined) {
      from = `${this.s}.deadline_case_officers o JOIN ${this.s}.open_deadlines d ON d.case_id = o.case_id`;
      where.push(`o.officer_id = ${p(q.officerId)}`);
    }
    if (q.agencies) where.push(`d.agency_id = ANY(${p(q.agencies)}::text[])`);
    if (q.dueFrom !== undefined) where.push(`d.due_date >= ${p(q.dueFrom)}`);
    if (q.dueTo !== undefined) where.push(`d.due_date <= ${p(q.dueTo)}`);
    if (q.openOnly) where.push("d.status = 'open'");
    const sql = `FROM ${from} JOIN ${this.s}.deadline_cases c ON c.case_id = d.case_id WHERE ${where.join(' AND ')}`;
    const [{ n: total }] = await this.rows<{ n: number }>(`SELECT COUNT(*) AS n ${sql}`, values);
    const rows = await this.rows<rm.OpenDeadlineRow>(
      `SELECT d.case_id, d.kind, d.agency_id, d.due_date, d.due_at, d.basis, d.status, c.case_no, c.party_name, c.officer_ids
       ${sql} ORDER BY d.due_date, d.case_id, d.kind LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}`,
      values,
    );
    return { total, rows };
  }

  async casesAwaiting(q: rm.AwaitingQuery) {
    if (!q.branches.length) return { total: 0, rows: [] };
    const values: unknown[] = [];
    const p = (v: unknown) => `$${values.push(v)}`;
    const branches = q.branches.map((b) => {
      const officer = b.officerId === undefined ? '' : ` AND strpos(officer_ids, ${p(`,${b.officerId},`)}) > 0`;
      return `(agency_id = ANY(${p(b.agencies)}::text[]) AND stage = ANY(${p(b.stages)}::text[])${officer})`;
    });
    const sql = `FROM ${this.s}.case_index WHERE ${branches.join(' OR ')}`;
    const [{ n: total }] = await this.rows<{ n: number }>(`SELECT COUNT(*) AS n ${sql}`, values);
    const rows = await this.rows<rm.CaseIndexRow>(
      `SELECT * ${sql} ORDER BY updated_at DESC, case_id LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}`,
      values,
    );
    return { total, rows };
  }

  async dueDeadlines(q: DueDeadlinesQuery) {
    return pgDueDeadlines(this.pool, this.s, q);
  }

  async checkpoints(): Promise<rm.CheckpointRow[]> {
    return this.rows<rm.CheckpointRow>(`SELECT name, version, position FROM ${this.s}.projection_checkpoints ORDER BY name`, []);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

/** `@name` placeholders to `$n`, with the values of only the names used (PostgreSQL refuses a parameter it cannot type). */
function bind(sql: string, named: Record<string, unknown>): [string, unknown[]] {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/@([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in named)) throw new Error(`no value for @${name}`);
    if (!index.has(name)) index.set(name, values.push(named[name]));
    return `$${index.get(name)}`;
  });
  return [text, values];
}
