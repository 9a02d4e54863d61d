import type { Database, Statement } from 'better-sqlite3';
import { DeadlineChange, DeadlineKind, deadlineChangeOf, expiryRecord } from '@workflows/enforcement-case';
import { byType, evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { type PgQueryable, numberedPlaceholders, recreateTables } from '../postgres/pg-sql';

/**
 * 期限预警: one row per (case, deadline kind) the agency still owes — open, or missed and not yet made good — with its
 * due day, the case's agency and, through the case's row, its number, party and handling officers. Met deadlines
 * drop out, as do every deadline of a case once it is closed or not filed. Only the agency's own obligations are
 * kept: the party's periods (陈述申辩、听证申请, 行政处罚法第四十四条、第六十四条) simply end, and the windows for
 * reconsideration and litigation are the party's rights, not the agency's deadlines.
 *
 * The changes come from the same table the case's fold applies (deadlineChangeOf), so a row is open exactly when the
 * case view says the deadline is open. Indexed for the questions asked: an agency's deadlines by due day, and an
 * officer's cases.
 */
export type OpenDeadlineChange =
  | { kind: 'case'; caseId: string; agencyId: string; officerIds: string[]; partyName: string }
  | { kind: 'caseNo'; caseId: string; caseNo: string }
  | { kind: 'deadlines'; caseId: string; change: DeadlineChange }
  | { kind: 'drop'; caseId: string };

/** The deadlines whose passing the agency answers for (the scheduler records them missed). */
export const isAgencyDeadline = (kind: DeadlineKind): boolean => {
  const record = expiryRecord(kind);
  return record === 'DeadlineMissed' || record === 'SeizureTermExpired';
};

const caseChange = byType<OpenDeadlineChange, string>({
  CaseOpened: (e, caseId) => ({
    kind: 'case',
    caseId,
    agencyId: e.data.agencyId ?? '',
    officerIds: e.data.handlingOfficerIds ?? [],
    partyName: e.data.party?.name ?? '',
  }),
  CaseFiled: (e, caseId) => ({ kind: 'caseNo', caseId, caseNo: e.data.caseNo ?? '' }),
  CaseClosed: (_e, caseId) => ({ kind: 'drop', caseId }),
  FilingRejected: (_e, caseId) => ({ kind: 'drop', caseId }),
});

/** Pure: how one event changes the open deadlines of its case. */
export const openDeadlineChanges = evolveCaseEvents<OpenDeadlineChange>((e, caseId) => {
  const out: OpenDeadlineChange[] = [];
  const own = caseChange(e, caseId);
  if (own) out.push(own);
  if (own?.kind === 'drop') return out;
  const change = deadlineChangeOf(e);
  const set = change.set.filter((d) => isAgencyDeadline(d.kind));
  if (change.met.length || set.length || change.missed || change.clock) out.push({ kind: 'deadlines', caseId, change: { ...change, set } });
  return out;
});

/** open_deadlines as stored. */
export interface OpenDeadlineRecord {
  case_id: string;
  kind: string;
  agency_id: string;
  due_date: string;
  due_at: string;
  basis: string;
  status: 'open' | 'missed' | 'paused';
}

/**
 * The statements, written once with `?` for both dialects (PostgreSQL numbers them): each change is applied in event
 * order, as the fold applies them (met, set, missed, then the clock).
 */
const SQL = {
  case: (s: string) =>
    `INSERT INTO ${s}deadline_cases (case_id, agency_id, officer_ids, party_name) VALUES (?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING`,
  officer: (s: string) => `INSERT INTO ${s}deadline_case_officers (officer_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
  caseNo: (s: string) => `UPDATE ${s}deadline_cases SET case_no = ? WHERE case_id = ?`,
  dropDeadlines: (s: string) => `DELETE FROM ${s}open_deadlines WHERE case_id = ?`,
  dropOfficers: (s: string) => `DELETE FROM ${s}deadline_case_officers WHERE case_id = ?`,
  dropCase: (s: string) => `DELETE FROM ${s}deadline_cases WHERE case_id = ?`,
  // A missed deadline made good late is no longer owed either: it leaves the list too.
  met: (s: string) => `DELETE FROM ${s}open_deadlines WHERE case_id = ? AND kind = ? AND status <> 'paused'`,
  set: (s: string) =>
    `INSERT INTO ${s}open_deadlines (case_id, kind, agency_id, due_date, due_at, basis, status)
     SELECT case_id, ?, agency_id, ?, ?, ?, 'open' FROM ${s}deadline_cases WHERE case_id = ?
     ON CONFLICT (case_id, kind) DO UPDATE SET due_date = excluded.due_date, due_at = excluded.due_at, basis = excluded.basis, status = 'open'`,
  missed: (s: string) => `UPDATE ${s}open_deadlines SET status = 'missed' WHERE case_id = ? AND kind = ? AND status = 'open'`,
  pause: (s: string) => `UPDATE ${s}open_deadlines SET status = 'paused' WHERE case_id = ? AND kind = ? AND status = 'open'`,
  resume: (s: string) => `UPDATE ${s}open_deadlines SET status = 'open' WHERE case_id = ? AND status = 'paused'`,
};
type Statements = { [K in keyof typeof SQL]: (...params: (string | null)[]) => unknown };

/** Every statement a change runs, in order. */
function apply(run: Statements, c: OpenDeadlineChange): void {
  switch (c.kind) {
    case 'case':
      run.case(c.caseId, c.agencyId, `,${c.officerIds.join(',')},`, c.partyName);
      for (const officerId of c.officerIds) run.officer(officerId, c.caseId);
      return;
    case 'caseNo':
      run.caseNo(c.caseNo, c.caseId);
      return;
    case 'drop':
      run.dropDeadlines(c.caseId);
      run.dropOfficers(c.caseId);
      run.dropCase(c.caseId);
      return;
    case 'deadlines': {
      const { met, set, missed, clock, pauses } = c.change;
      for (const kind of met) run.met(c.caseId, kind);
      for (const d of set) run.set(d.kind, d.dueDate, d.dueAt, d.basis, c.caseId);
      if (missed) run.missed(c.caseId, missed);
      if (clock === 'pause') for (const kind of pauses) run.pause(c.caseId, kind);
      if (clock === 'resume') run.resume(c.caseId);
    }
  }
}

const TABLES = {
  sqlite: `CREATE TABLE IF NOT EXISTS deadline_cases (
      case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, officer_ids TEXT NOT NULL, party_name TEXT NOT NULL, case_no TEXT
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS deadline_case_officers (officer_id TEXT NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (officer_id, case_id)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS deadline_case_officers_case ON deadline_case_officers (case_id);
    CREATE TABLE IF NOT EXISTS open_deadlines (
      case_id TEXT NOT NULL, kind TEXT NOT NULL, agency_id TEXT NOT NULL, due_date TEXT NOT NULL, due_at TEXT NOT NULL, basis TEXT NOT NULL,
      status TEXT NOT NULL, PRIMARY KEY (case_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS open_deadlines_agency_due ON open_deadlines (agency_id, due_date);`,
  postgres: (s: string) => `CREATE TABLE IF NOT EXISTS ${s}.deadline_cases (
      case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL, officer_ids TEXT COLLATE "C" NOT NULL,
      party_name TEXT COLLATE "C" NOT NULL, case_no TEXT COLLATE "C"
    );
    CREATE TABLE IF NOT EXISTS ${s}.deadline_case_officers (
      officer_id TEXT COLLATE "C" NOT NULL, case_id TEXT COLLATE "C" NOT NULL, PRIMARY KEY (officer_id, case_id)
    );
    CREATE INDEX IF NOT EXISTS deadline_case_officers_case ON ${s}.deadline_case_officers (case_id);
    CREATE TABLE IF NOT EXISTS ${s}.open_deadlines (
      case_id TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, agency_id TEXT COLLATE "C" NOT NULL, due_date TEXT COLLATE "C" NOT NULL,
      due_at TEXT COLLATE "C" NOT NULL, basis TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, PRIMARY KEY (case_id, kind)
    );
    CREATE INDEX IF NOT EXISTS open_deadlines_agency_due ON ${s}.open_deadlines (agency_id, due_date);`,
};

const statements = new WeakMap<Database, Record<keyof typeof SQL, Statement>>();

export const openDeadlinesProjection: Projection<OpenDeadlineChange> = {
  name: 'open-deadlines',
  version: 1,
  streamLocal: true,
  evolve: openDeadlineChanges,
  sqlite: {
    setup(db) {
      db.exec(TABLES.sqlite);
    },
    clear(db) {
      db.exec('DELETE FROM deadline_cases; DELETE FROM deadline_case_officers; DELETE FROM open_deadlines;');
    },
    write(db, changes) {
      let s = statements.get(db);
      if (!s) {
        s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql(''))])) as Record<keyof typeof SQL, Statement>;
        statements.set(db, s);
      }
      const prepared = s;
      const run = Object.fromEntries(
        Object.keys(SQL).map((k) => [k, (...params: (string | null)[]) => prepared[k as keyof typeof SQL].run(...params)]),
      ) as Statements;
      for (const c of changes) apply(run, c);
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(TABLES.postgres(s));
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['deadline_cases', 'deadline_case_officers', 'open_deadlines']);
    },
    async write(db: PgQueryable, s, changes) {
      // Statement by statement, in event order: each depends on the rows the ones before it left.
      const queued: [string, (string | null)[]][] = [];
      const run = Object.fromEntries(
        Object.entries(SQL).map(([k, sql]) => [
          k,
          (...params: (string | null)[]) => queued.push([numberedPlaceholders(sql(`${s}.`)), params]),
        ]),
      ) as Statements;
      for (const c of changes) apply(run, c);
      for (const [text, values] of queued) await db.query(text, values);
    },
  },
};
