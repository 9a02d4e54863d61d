import type { Database, Statement } from 'better-sqlite3';
import { byType, deadlinesOf, evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { NUMERIC_TYPES, PgQueryable, PgRowBuffer, columnsOf, selectWhereIn, unique, recreateTables } from '../postgres/pg-sql';
import { FigureCase, FigureOrder, diffFigures } from './assessment-figures';
import { FIGURE_TABLES, figureTablesSql, pgFigures, sqliteFigures, writePgFigures, writeSqliteFigures } from './assessment-figures-store';

/**
 * The facts behind the six assessment rates (docs/supervision.md §4; 郴政办发〔2016〕19号 §3): per case when it was
 * filed, concluded, decided (and whether before its decision deadline, extensions and suspensions applied as the
 * events recorded them), what its last legality review said of the legal basis, whether a remedy overturned it,
 * when the penalty was fully executed and when it was closed; per rectification order when it fell due and
 * whether it was re-inspected within the re-inspection window. From these two tables the figures of the report are
 * kept as they change (assessment-figures.ts): counters per agency, year, quarter and figure, and the cases behind each.
 */
export type AssessmentChange =
  | { kind: 'opened'; caseId: string; agencyId: string; industry: string; position: bigint }
  | { kind: 'case'; caseId: string; column: CaseColumn; value: string | number; position: bigint }
  | { kind: 'concluded'; caseId: string; at: string; decision: 'penalty' | 'no_penalty' | null; position: bigint }
  | { kind: 'order'; caseId: string; orderId: string; dueDate: string; reinspectionDueAt: string | null; position: bigint }
  | { kind: 'order-update'; caseId: string; column: 'reinspection_due_at' | 'reinspected_at'; value: string; position: bigint };

type CaseColumn = 'filed_at' | 'decision_due_at' | 'basis_correct' | 'overturned' | 'executed_at' | 'closed_at';

/** What a change names besides the event: its case, when the event happened, and its position. */
interface At {
  caseId: string;
  at: string;
  position: bigint;
}

const set = ({ caseId, position }: At, column: CaseColumn, value: string | number): AssessmentChange => ({
  kind: 'case',
  caseId,
  column,
  value,
  position,
});
const concluded = ({ caseId, at, position }: At, decision: 'penalty' | 'no_penalty' | null): AssessmentChange => ({
  kind: 'concluded',
  caseId,
  at,
  decision,
  position,
});

/** What the events that matter contribute, besides their deadlines. */
const changesOf = byType<AssessmentChange[], At>({
  CaseOpened: (e, c) => [
    { kind: 'opened', caseId: c.caseId, agencyId: e.data.agencyId ?? '', industry: e.data.industry ?? '', position: c.position },
  ],
  CaseFiled: (_, c) => [set(c, 'filed_at', c.at)],
  PenaltyDecided: (_, c) => [concluded(c, 'penalty')],
  NoPenaltyDecided: (_, c) => [concluded(c, 'no_penalty')],
  CaseTransferredToPolice: (_, c) => [concluded(c, null)],
  // The last review counts: a new review is a new event, never an overwrite of the old one.
  LegalReviewCompleted: (e, c) => [set(c, 'basis_correct', e.data.legalBasisCorrect ? 1 : 0)],
  RemedyConcluded: (e, c) => (e.data.outcome === 'upheld' ? [] : [set(c, 'overturned', 1)]),
  PenaltyExecuted: (_, c) => [set(c, 'executed_at', c.at)],
  CaseClosed: (_, c) => [set(c, 'closed_at', c.at)],
  RectificationOrdered: (e, c) => {
    const reinspection = (e.data.deadlines ?? []).find((x) => x.kind === 'reinspection');
    return [
      {
        kind: 'order',
        caseId: c.caseId,
        orderId: e.data.orderId ?? '',
        dueDate: e.data.deadline ?? '',
        reinspectionDueAt: reinspection?.dueAt ?? null,
        position: c.position,
      },
    ];
  },
  ReinspectionRecorded: (_, c) => [{ kind: 'order-update', caseId: c.caseId, column: 'reinspected_at', value: c.at, position: c.position }],
});

/**
 * Pure: what one event contributes to the assessment facts — its deadlines' changes first (a conclusion is timely
 * against the deadline as the event leaves it), then its own.
 */
export const assessmentChanges = evolveCaseEvents<AssessmentChange>((e, caseId) => {
  const c: At = { caseId, at: e.metadata.occurredAt ?? '', position: e.position };
  const out: AssessmentChange[] = [];
  // Deadlines are data in the events that set or move them (filing, extension, resumption after 中止).
  for (const dl of deadlinesOf(e)) {
    if (dl.kind === 'decision') out.push(set(c, 'decision_due_at', dl.dueAt));
    if (dl.kind === 'reinspection' && e.type !== 'RectificationOrdered')
      out.push({ kind: 'order-update', caseId, column: 'reinspection_due_at', value: dl.dueAt, position: c.position });
  }
  const own = changesOf(e, c);
  return own ? [...out, ...own] : out;
});

const CASE_COLUMNS: CaseColumn[] = ['filed_at', 'decision_due_at', 'basis_correct', 'overturned', 'executed_at', 'closed_at'];
type Statements = {
  opened: Statement;
  concluded: Statement;
  order: Statement;
  set: Map<string, Statement>;
  orderSet: Map<string, Statement>;
};
const statements = new WeakMap<Database, Statements>();

function prepare(db: Database): Statements {
  return {
    opened: db.prepare(
      'INSERT OR REPLACE INTO assessment_case (case_id, agency_id, industry, overturned, position) VALUES (?, ?, ?, 0, ?)',
    ),
    // The first conclusion counts; timely means before the decision deadline as it stood then.
    concluded: db.prepare(
      `UPDATE assessment_case SET concluded_at = COALESCE(concluded_at, ?),
         decided_at = CASE WHEN ? IS NULL THEN decided_at ELSE COALESCE(decided_at, ?) END,
         decision_kind = COALESCE(decision_kind, ?),
         timely = COALESCE(timely, CASE WHEN decision_due_at IS NULL THEN NULL ELSE julianday(?) <= julianday(decision_due_at) END),
         position = ? WHERE case_id = ?`,
    ),
    order: db.prepare(
      'INSERT OR REPLACE INTO assessment_rectification (order_id, case_id, due_date, reinspection_due_at, reinspected_at, position) VALUES (?, ?, ?, ?, NULL, ?)',
    ),
    set: new Map(CASE_COLUMNS.map((c) => [c, db.prepare(`UPDATE assessment_case SET ${c} = ?, position = ? WHERE case_id = ?`)])),
    // A case has one open order at a time: re-inspection dates apply to the one not yet re-inspected.
    orderSet: new Map(
      ['reinspection_due_at', 'reinspected_at'].map((c) => [
        c,
        db.prepare(`UPDATE assessment_rectification SET ${c} = ?, position = ? WHERE case_id = ? AND reinspected_at IS NULL`),
      ]),
    ),
  };
}

/** assessment_case and assessment_rectification as stored: the columns the figures read, and the rest. */
interface CaseRecord extends FigureCase {
  decision_due_at: string | null;
  position: number;
}
interface OrderRecord extends FigureOrder {
  case_id: string;
  position: number;
}
const PG_CASE_COLUMNS = columnsOf<CaseRecord>({
  case_id: 'text',
  agency_id: 'text',
  industry: 'text',
  filed_at: 'text',
  decision_due_at: 'text',
  concluded_at: 'text',
  decided_at: 'text',
  decision_kind: 'text',
  timely: 'integer',
  basis_correct: 'integer',
  overturned: 'integer',
  executed_at: 'text',
  closed_at: 'text',
  position: 'bigint',
});
const PG_ORDER_COLUMNS = columnsOf<OrderRecord>({
  order_id: 'text',
  case_id: 'text',
  due_date: 'text',
  reinspection_due_at: 'text',
  reinspected_at: 'text',
  position: 'bigint',
});

export const assessmentProjection: Projection<AssessmentChange> = {
  name: 'assessment',
  // 2: the report's figures (counters and the cases behind them) kept beside the facts.
  version: 2,
  streamLocal: true,
  evolve: assessmentChanges,
  sqlite: {
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS assessment_case (
        case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, industry TEXT NOT NULL, filed_at TEXT, decision_due_at TEXT,
        concluded_at TEXT, decided_at TEXT, decision_kind TEXT, timely INTEGER, basis_correct INTEGER, overturned INTEGER NOT NULL,
        executed_at TEXT, closed_at TEXT, position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS assessment_case_agency ON assessment_case (agency_id);
      CREATE TABLE IF NOT EXISTS assessment_rectification (
        order_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, due_date TEXT NOT NULL, reinspection_due_at TEXT, reinspected_at TEXT, position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS assessment_rectification_case ON assessment_rectification (case_id);`);
      db.exec(figureTablesSql('', 'TEXT'));
    },
    clear(db) {
      db.exec('DELETE FROM assessment_case; DELETE FROM assessment_rectification;');
      for (const t of FIGURE_TABLES) db.exec(`DELETE FROM ${t}`);
    },
    write(db, changes) {
      let s = statements.get(db);
      if (!s) statements.set(db, (s = prepare(db)));
      const caseIds = unique(changes.map((c) => c.caseId));
      const before = sqliteFigures(db, caseIds);
      for (const c of changes) {
        const position = Number(c.position);
        if (c.kind === 'opened') s.opened.run(c.caseId, c.agencyId, c.industry, position);
        else if (c.kind === 'case') s.set.get(c.column)!.run(c.value, position, c.caseId);
        else if (c.kind === 'concluded') s.concluded.run(c.at, c.decision, c.at, c.decision, c.at, position, c.caseId);
        else if (c.kind === 'order') s.order.run(c.orderId, c.caseId, c.dueDate, c.reinspectionDueAt, position);
        else s.orderSet.get(c.column)!.run(c.value, position, c.caseId);
      }
      writeSqliteFigures(db, caseIds, before);
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.assessment_case (
        case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL, industry TEXT COLLATE "C" NOT NULL, filed_at TEXT COLLATE "C",
        decision_due_at TEXT COLLATE "C", concluded_at TEXT COLLATE "C", decided_at TEXT COLLATE "C", decision_kind TEXT COLLATE "C", timely INTEGER,
        basis_correct INTEGER, overturned INTEGER NOT NULL, executed_at TEXT COLLATE "C", closed_at TEXT COLLATE "C", position BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS assessment_case_agency ON ${s}.assessment_case (agency_id);
      CREATE TABLE IF NOT EXISTS ${s}.assessment_rectification (
        order_id TEXT COLLATE "C" PRIMARY KEY, case_id TEXT COLLATE "C" NOT NULL, due_date TEXT COLLATE "C" NOT NULL, reinspection_due_at TEXT COLLATE "C",
        reinspected_at TEXT COLLATE "C", position BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS assessment_rectification_case ON ${s}.assessment_rectification (case_id);`);
      await db.query(figureTablesSql(`${s}.`, 'TEXT COLLATE "C"'));
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['assessment_case', 'assessment_rectification', ...FIGURE_TABLES]);
    },
    async write(db, s, changes) {
      const [caseTable, orderTable] = [`${s}.assessment_case`, `${s}.assessment_rectification`];
      const caseIds = unique(changes.map((c) => c.caseId));
      const cases = new PgRowBuffer<CaseRecord>(await selectWhereIn(db, caseTable, 'case_id', caseIds), (r) => r.case_id);
      const orderIds = unique(changes.flatMap((c) => (c.kind === 'order' ? [c.orderId] : [])));
      const orders = new PgRowBuffer<OrderRecord>(
        await selectWhereIn(
          db,
          orderTable,
          'case_id',
          caseIds,
          orderIds.length ? ` OR order_id = ANY($2::text[])` : '',
          orderIds.length ? [orderIds] : [],
        ),
        (r) => r.order_id,
      );
      // The figures as they stood, taken before the page's changes touch the loaded rows.
      const before = pgFigures(cases.values(), orders.values());
      // Timeliness compares moments as SQLite's julianday() does; the moments this page can compare are parsed in one query.
      const moments = unique([
        ...changes.flatMap((c) =>
          c.kind === 'concluded' ? [c.at] : c.kind === 'case' && c.column === 'decision_due_at' ? [String(c.value)] : [],
        ),
        ...[...cases.values()].flatMap((r) => (r.decision_due_at === null ? [] : [r.decision_due_at])),
      ]);
      const ms = changes.some((c) => c.kind === 'concluded') ? await sqliteMs(db, s, moments) : new Map<string, number | null>();
      for (const c of changes) {
        const position = Number(c.position);
        if (c.kind === 'opened') {
          cases.replace({
            case_id: c.caseId,
            agency_id: c.agencyId,
            industry: c.industry,
            filed_at: null,
            decision_due_at: null,
            concluded_at: null,
            decided_at: null,
            decision_kind: null,
            timely: null,
            basis_correct: null,
            overturned: 0,
            executed_at: null,
            closed_at: null,
            position,
          });
        } else if (c.kind === 'case') cases.update(c.caseId, { [c.column]: c.value, position });
        else if (c.kind === 'concluded') {
          // The first conclusion counts; timely means before the decision deadline as it stood then.
          cases.update(c.caseId, (row) => {
            const [at, due] = [ms.get(c.at) ?? null, row.decision_due_at === null ? null : (ms.get(row.decision_due_at) ?? null)];
            const timely = row.decision_due_at === null || at === null || due === null ? null : at <= due ? 1 : 0;
            return {
              concluded_at: row.concluded_at ?? c.at,
              decided_at: c.decision === null ? row.decided_at : (row.decided_at ?? c.at),
              decision_kind: row.decision_kind ?? c.decision,
              timely: row.timely ?? timely,
              position,
            };
          });
        } else if (c.kind === 'order') {
          orders.replace({
            order_id: c.orderId,
            case_id: c.caseId,
            due_date: c.dueDate,
            reinspection_due_at: c.reinspectionDueAt,
            reinspected_at: null,
            position,
          });
        } else {
          // A case has one open order at a time: re-inspection dates apply to the one not yet re-inspected.
          for (const o of [...orders.values()])
            if (o.case_id === c.caseId && o.reinspected_at === null) orders.update(o.order_id, { [c.column]: c.value, position });
        }
      }
      await cases.flush(db, caseTable, 'case_id', PG_CASE_COLUMNS);
      await orders.flush(db, orderTable, 'order_id', PG_ORDER_COLUMNS);
      await writePgFigures(db, s, diffFigures(before, pgFigures(cases.values(), orders.values())));
    },
  },
};

/** SQLite's julianday() of each string, as epoch milliseconds (null where SQLite would give NULL). */
async function sqliteMs(db: PgQueryable, s: string, texts: string[]): Promise<Map<string, number | null>> {
  if (!texts.length) return new Map();
  const { rows } = await db.query({
    text: `SELECT t, ${s}.sqlite_ms(t) AS ms FROM unnest($1::text[]) AS t`,
    values: [texts],
    types: NUMERIC_TYPES,
  });
  return new Map((rows as { t: string; ms: number | null }[]).map((r) => [r.t, r.ms]));
}
