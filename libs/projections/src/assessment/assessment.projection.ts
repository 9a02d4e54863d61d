import type { Database, Statement } from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';
import { Projection } from '../projection';

/**
 * The facts behind the six assessment rates (supervision.md §4; 郴政办发〔2016〕19号 §3): per case when it was
 * filed, concluded, decided (and whether before its decision deadline, extensions and suspensions applied as the
 * events recorded them), what its last legality review said of the legal basis, whether a remedy overturned it,
 * when the penalty was fully executed and when it was closed; per rectification order when it fell due and
 * whether it was re-inspected within the re-inspection window. The report counts rows of these two tables.
 */
export type AssessmentChange =
  | { kind: 'opened'; caseId: string; agencyId: string; industry: string; position: bigint }
  | { kind: 'case'; caseId: string; column: CaseColumn; value: string | number; position: bigint }
  | { kind: 'concluded'; caseId: string; at: string; decision: 'penalty' | 'no_penalty' | null; position: bigint }
  | { kind: 'order'; caseId: string; orderId: string; dueDate: string; reinspectionDueAt: string | null; position: bigint }
  | { kind: 'order-update'; caseId: string; column: 'reinspection_due_at' | 'reinspected_at'; value: string; position: bigint };

type CaseColumn = 'filed_at' | 'decision_due_at' | 'basis_correct' | 'overturned' | 'executed_at' | 'closed_at';

interface Data {
  agencyId?: string;
  industry?: string;
  orderId?: string;
  deadline?: string;
  legalBasisCorrect?: boolean;
  outcome?: string;
  deadlines?: { kind: string; dueAt: string }[];
}

/** Pure: what one event contributes to the assessment facts. */
export function assessmentChanges(e: StoredEvent): AssessmentChange[] {
  if (!e.streamId.startsWith('case-')) return [];
  const caseId = e.streamId.slice(5);
  const d = e.data as Data;
  const at = (e.metadata as { occurredAt?: string }).occurredAt ?? '';
  const position = e.position;
  const set = (column: CaseColumn, value: string | number): AssessmentChange => ({ kind: 'case', caseId, column, value, position });
  const out: AssessmentChange[] = [];
  // Deadlines are data in the events that set or move them (filing, extension, resumption after 中止).
  for (const dl of d.deadlines ?? []) {
    if (dl.kind === 'decision') out.push(set('decision_due_at', dl.dueAt));
    if (dl.kind === 'reinspection' && e.type !== 'RectificationOrdered') out.push({ kind: 'order-update', caseId, column: 'reinspection_due_at', value: dl.dueAt, position });
  }
  switch (e.type) {
    case 'CaseOpened':
      return [{ kind: 'opened', caseId, agencyId: d.agencyId ?? '', industry: d.industry ?? '', position }, ...out];
    case 'CaseFiled':
      return [set('filed_at', at), ...out];
    case 'PenaltyDecided':
      return [...out, { kind: 'concluded', caseId, at, decision: 'penalty', position }];
    case 'NoPenaltyDecided':
      return [...out, { kind: 'concluded', caseId, at, decision: 'no_penalty', position }];
    case 'CaseTransferredToPolice':
      return [...out, { kind: 'concluded', caseId, at, decision: null, position }];
    case 'LegalReviewCompleted':
      // The last review counts (supervision.md §3: a new review is a new event).
      return [...out, set('basis_correct', d.legalBasisCorrect ? 1 : 0)];
    case 'RemedyConcluded':
      return d.outcome === 'upheld' ? out : [...out, set('overturned', 1)];
    case 'PenaltyExecuted':
      return [...out, set('executed_at', at)];
    case 'CaseClosed':
      return [...out, set('closed_at', at)];
    case 'RectificationOrdered': {
      const reinspection = (d.deadlines ?? []).find((x) => x.kind === 'reinspection');
      return [...out, { kind: 'order', caseId, orderId: d.orderId ?? '', dueDate: d.deadline ?? '', reinspectionDueAt: reinspection?.dueAt ?? null, position }];
    }
    case 'ReinspectionRecorded':
      return [...out, { kind: 'order-update', caseId, column: 'reinspected_at', value: at, position }];
    default:
      return out;
  }
}

const CASE_COLUMNS: CaseColumn[] = ['filed_at', 'decision_due_at', 'basis_correct', 'overturned', 'executed_at', 'closed_at'];
type Statements = { opened: Statement; concluded: Statement; order: Statement; set: Map<string, Statement>; orderSet: Map<string, Statement> };
const statements = new WeakMap<Database, Statements>();

function prepare(db: Database): Statements {
  return {
    opened: db.prepare('INSERT OR REPLACE INTO assessment_case (case_id, agency_id, industry, overturned, position) VALUES (?, ?, ?, 0, ?)'),
    // The first conclusion counts; timely means before the decision deadline as it stood then.
    concluded: db.prepare(
      `UPDATE assessment_case SET concluded_at = COALESCE(concluded_at, @at),
         decided_at = CASE WHEN @decision IS NULL THEN decided_at ELSE COALESCE(decided_at, @at) END,
         decision_kind = COALESCE(decision_kind, @decision),
         timely = COALESCE(timely, CASE WHEN decision_due_at IS NULL THEN NULL ELSE julianday(@at) <= julianday(decision_due_at) END),
         position = @position WHERE case_id = @caseId`,
    ),
    order: db.prepare('INSERT OR REPLACE INTO assessment_rectification (order_id, case_id, due_date, reinspection_due_at, reinspected_at, position) VALUES (?, ?, ?, ?, NULL, ?)'),
    set: new Map(CASE_COLUMNS.map((c) => [c, db.prepare(`UPDATE assessment_case SET ${c} = ?, position = ? WHERE case_id = ?`)])),
    // A case has one open order at a time: re-inspection dates apply to the one not yet re-inspected.
    orderSet: new Map(
      ['reinspection_due_at', 'reinspected_at'].map((c) => [c, db.prepare(`UPDATE assessment_rectification SET ${c} = ?, position = ? WHERE case_id = ? AND reinspected_at IS NULL`)]),
    ),
  };
}

export const assessmentProjection: Projection<AssessmentChange> = {
  name: 'assessment',
  version: 1,
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
  },
  clear(db) {
    db.exec('DELETE FROM assessment_case; DELETE FROM assessment_rectification;');
  },
  evolve: assessmentChanges,
  write(db, changes) {
    let s = statements.get(db);
    if (!s) statements.set(db, (s = prepare(db)));
    for (const c of changes) {
      const position = Number(c.position);
      if (c.kind === 'opened') s.opened.run(c.caseId, c.agencyId, c.industry, position);
      else if (c.kind === 'case') s.set.get(c.column)!.run(c.value, position, c.caseId);
      else if (c.kind === 'concluded') s.concluded.run({ at: c.at, decision: c.decision, position, caseId: c.caseId });
      else if (c.kind === 'order') s.order.run(c.orderId, c.caseId, c.dueDate, c.reinspectionDueAt, position);
      else s.orderSet.get(c.column)!.run(c.value, position, c.caseId);
    }
  },
};
