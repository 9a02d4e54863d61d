import type { Database, Statement } from 'better-sqlite3';
import { CaseEventHandlers, rowPerHandledEvent } from '../case-events';
import { Projection } from '../projection';
import { PgColumn, PgRowBuffer, columnsOf, insertRows, selectWhereIn, unique, recreateTables } from '../postgres/pg-sql';

/**
 * 干预记录登记 (docs/supervision.md §2): every interference record with the facts of its case the readers' rules need
 * (the case's agency, and its approving head, who must not read them).
 */
export type InterferenceRow =
  | { kind: 'case'; caseId: string; agencyId: string; caseNo: string | null }
  | { kind: 'approver'; caseId: string; approverId: string; caseNo: string }
  | {
      kind: 'record';
      position: bigint;
      recordId: string;
      caseId: string;
      recordedAt: string;
      occurredAt: string;
      recorderId: string;
      recorderName: string;
      intervenerName: string;
      intervenerUnit: string;
      intervenerPost: string;
      relation: string;
      means: string;
      content: string;
      handling: string;
      corrects: string | null;
    };

/** The events the register reads; every other contributes nothing. */
const ROWS: CaseEventHandlers<InterferenceRow> = {
  CaseOpened: (e, caseId) => ({ kind: 'case', caseId, agencyId: e.data.agencyId ?? '', caseNo: null }),
  CaseFiled: (e, caseId) => ({ kind: 'approver', caseId, approverId: e.metadata.actor?.id ?? '', caseNo: e.data.caseNo ?? '' }),
  InterferenceRecorded: (e, caseId) => {
    const { data: d, metadata: m } = e;
    return {
      kind: 'record',
      position: e.position,
      recordId: d.recordId ?? e.id,
      caseId,
      recordedAt: m.recordedAt ?? '',
      occurredAt: m.occurredAt ?? '',
      recorderId: m.actor?.id ?? '',
      recorderName: m.actor?.name ?? '',
      intervenerName: d.intervener?.name ?? '',
      intervenerUnit: d.intervener?.unit ?? '',
      intervenerPost: d.intervener?.post ?? '',
      relation: d.intervener?.relation ?? '',
      means: d.means ?? '',
      content: d.content ?? '',
      handling: d.handling ?? '',
      corrects: d.corrects ?? null,
    };
  },
};

/** Pure: the rows an event contributes. */
export const interferenceRows = rowPerHandledEvent(ROWS);

const statements = new WeakMap<Database, Record<InterferenceRow['kind'], Statement>>();

/** interference_cases as stored. */
interface CaseRecord {
  case_id: string;
  agency_id: string;
  case_no: string | null;
  approver_id: string | null;
}
const PG_CASE_COLUMNS = columnsOf<CaseRecord>({ case_id: 'text', agency_id: 'text', case_no: 'text', approver_id: 'text' });
type Record_ = Extract<InterferenceRow, { kind: 'record' }>;
const PG_RECORD_COLUMNS: PgColumn<Record_>[] = [
  { name: 'position', type: 'bigint', get: (r) => r.position },
  { name: 'record_id', type: 'text', get: (r) => r.recordId },
  { name: 'case_id', type: 'text', get: (r) => r.caseId },
  { name: 'recorded_at', type: 'text', get: (r) => r.recordedAt },
  { name: 'occurred_at', type: 'text', get: (r) => r.occurredAt },
  { name: 'recorder_id', type: 'text', get: (r) => r.recorderId },
  { name: 'recorder_name', type: 'text', get: (r) => r.recorderName },
  { name: 'intervener_name', type: 'text', get: (r) => r.intervenerName },
  { name: 'intervener_unit', type: 'text', get: (r) => r.intervenerUnit },
  { name: 'intervener_post', type: 'text', get: (r) => r.intervenerPost },
  { name: 'relation', type: 'text', get: (r) => r.relation },
  { name: 'means', type: 'text', get: (r) => r.means },
  { name: 'content', type: 'text', get: (r) => r.content },
  { name: 'handling', type: 'text', get: (r) => r.handling },
  { name: 'corrects', type: 'text', get: (r) => r.corrects },
];

export const interferenceRegisterProjection: Projection<InterferenceRow> = {
  name: 'interference-register',
  version: 1,
  streamLocal: true,
  evolve: interferenceRows,
  sqlite: {
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS interference_cases (
        case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, case_no TEXT, approver_id TEXT
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS interference_records (
        position INTEGER PRIMARY KEY, record_id TEXT NOT NULL, case_id TEXT NOT NULL, recorded_at TEXT NOT NULL, occurred_at TEXT NOT NULL,
        recorder_id TEXT NOT NULL, recorder_name TEXT NOT NULL, intervener_name TEXT NOT NULL, intervener_unit TEXT NOT NULL,
        intervener_post TEXT NOT NULL, relation TEXT NOT NULL, means TEXT NOT NULL, content TEXT NOT NULL, handling TEXT NOT NULL, corrects TEXT
      );
      CREATE INDEX IF NOT EXISTS interference_records_case ON interference_records (case_id);`);
    },
    clear(db) {
      db.exec('DELETE FROM interference_cases; DELETE FROM interference_records;');
    },
    write(db, rows) {
      let s = statements.get(db);
      if (!s) {
        s = {
          case: db.prepare(
            'INSERT INTO interference_cases (case_id, agency_id, case_no) VALUES (?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET agency_id = excluded.agency_id',
          ),
          approver: db.prepare('UPDATE interference_cases SET approver_id = ?, case_no = ? WHERE case_id = ?'),
          record:
            db.prepare(`INSERT INTO interference_records (position, record_id, case_id, recorded_at, occurred_at, recorder_id, recorder_name, intervener_name, intervener_unit, intervener_post, relation, means, content, handling, corrects)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
        };
        statements.set(db, s);
      }
      // Positional parameters: binding by name costs a property lookup per column, on the rebuild's hot path.
      for (const r of rows) {
        if (r.kind === 'case') s.case.run(r.caseId, r.agencyId, r.caseNo);
        else if (r.kind === 'approver') s.approver.run(r.approverId, r.caseNo, r.caseId);
        else {
          s.record.run(
            r.position,
            r.recordId,
            r.caseId,
            r.recordedAt,
            r.occurredAt,
            r.recorderId,
            r.recorderName,
            r.intervenerName,
            r.intervenerUnit,
            r.intervenerPost,
            r.relation,
            r.means,
            r.content,
            r.handling,
            r.corrects,
          );
        }
      }
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.interference_cases (
        case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL, case_no TEXT COLLATE "C", approver_id TEXT COLLATE "C"
      );
      CREATE TABLE IF NOT EXISTS ${s}.interference_records (
        position BIGINT PRIMARY KEY, record_id TEXT COLLATE "C" NOT NULL, case_id TEXT COLLATE "C" NOT NULL, recorded_at TEXT COLLATE "C" NOT NULL,
        occurred_at TEXT COLLATE "C" NOT NULL, recorder_id TEXT COLLATE "C" NOT NULL, recorder_name TEXT COLLATE "C" NOT NULL,
        intervener_name TEXT COLLATE "C" NOT NULL, intervener_unit TEXT COLLATE "C" NOT NULL, intervener_post TEXT COLLATE "C" NOT NULL,
        relation TEXT COLLATE "C" NOT NULL, means TEXT COLLATE "C" NOT NULL, content TEXT COLLATE "C" NOT NULL, handling TEXT COLLATE "C" NOT NULL,
        corrects TEXT COLLATE "C"
      );
      CREATE INDEX IF NOT EXISTS interference_records_case ON ${s}.interference_records (case_id);`);
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['interference_cases', 'interference_records']);
    },
    async write(db, s, rows) {
      const table = `${s}.interference_cases`;
      const keys = unique(rows.flatMap((r) => (r.kind === 'record' ? [] : [r.caseId])));
      const cases = new PgRowBuffer<CaseRecord>(await selectWhereIn(db, table, 'case_id', keys), (r) => r.case_id);
      const records: Record_[] = [];
      for (const r of rows) {
        if (r.kind === 'record') records.push(r);
        else if (r.kind === 'approver') cases.update(r.caseId, { approver_id: r.approverId, case_no: r.caseNo });
        else if (cases.get(r.caseId)) cases.update(r.caseId, { agency_id: r.agencyId });
        else cases.insert({ case_id: r.caseId, agency_id: r.agencyId, case_no: r.caseNo, approver_id: null });
      }
      await cases.flush(db, table, 'case_id', PG_CASE_COLUMNS);
      await insertRows(db, `${s}.interference_records`, PG_RECORD_COLUMNS, records);
    },
  },
};
