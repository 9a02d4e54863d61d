import type { Database, Statement } from 'better-sqlite3';
import type { DueDeadline, DueDeadlinesQuery } from '@app/case-engine';
import { DeadlineChange, deadlineChangeOf, expiryRecord } from '@workflows/enforcement-case';
import { evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { type PgQueryable, numberedPlaceholders, recreateTables } from '../postgres/pg-sql';

/**
 * The deadline scheduler's watch list: one row per (case, deadline kind) whose passing the scheduler records — the
 * agency's obligations (DeadlineMissed, SeizureTermExpired) and the party's own periods, which simply end
 * (陈述申辩、听证申请, 行政处罚法第四十四条、第六十四条) — while it is open or paused. A deadline met, recorded as passed,
 * or of a case closed or not filed leaves the list. The changes are the fold's own (deadlineChangeOf), so a row is
 * open exactly when the case view says the deadline is open.
 *
 * Kept as a read model with its own checkpoint, so a restart follows only what was appended since, and a tick reads
 * the open deadlines that have passed by an index range on their end (`due_ms`), never a scan of the list.
 */
export type DeadlineWatchChange = { kind: 'drop'; caseId: string } | { kind: 'deadlines'; caseId: string; change: DeadlineChange };

/** Pure: how one event changes its case's watched deadlines. */
export const deadlineWatchChanges = evolveCaseEvents<DeadlineWatchChange>((e, caseId) => {
  if (e.type === 'CaseClosed' || e.type === 'FilingRejected') return [{ kind: 'drop', caseId }];
  const change = deadlineChangeOf(e);
  const set = change.set.filter((d) => expiryRecord(d.kind) !== null);
  if (!change.met.length && !set.length && !change.missed && !change.clock) return [];
  return [{ kind: 'deadlines', caseId, change: { ...change, set } }];
});

/** Each change's statements, written once with `?` for both dialects (PostgreSQL numbers them). */
const SQL = {
  drop: (s: string) => `DELETE FROM ${s}deadline_watch WHERE case_id = ?`,
  // Met or recorded as passed: no longer watched. A paused deadline is neither met nor missed (as in the fold).
  done: (s: string) => `DELETE FROM ${s}deadline_watch WHERE case_id = ? AND kind = ? AND status = 'open'`,
  set: (s: string) =>
    `INSERT INTO ${s}deadline_watch (case_id, kind, due_at, due_ms, status) VALUES (?, ?, ?, ?, 'open')
     ON CONFLICT (case_id, kind) DO UPDATE SET due_at = excluded.due_at, due_ms = excluded.due_ms, status = 'open'`,
  pause: (s: string) => `UPDATE ${s}deadline_watch SET status = 'paused' WHERE case_id = ? AND kind = ? AND status = 'open'`,
  resume: (s: string) => `UPDATE ${s}deadline_watch SET status = 'open' WHERE case_id = ? AND status = 'paused'`,
};
type Run = (sql: keyof typeof SQL, ...params: (string | number)[]) => unknown;

/** Every statement a change runs, in the fold's order: met, set, missed, then the clock. */
function apply(run: Run, c: DeadlineWatchChange): void {
  if (c.kind === 'drop') return void run('drop', c.caseId);
  const { met, set, missed, clock, pauses } = c.change;
  for (const kind of met) run('done', c.caseId, kind);
  for (const d of set) run('set', c.caseId, d.kind, d.dueAt, Date.parse(d.dueAt));
  if (missed) run('done', c.caseId, missed);
  if (clock === 'pause') for (const kind of pauses) run('pause', c.caseId, kind);
  if (clock === 'resume') run('resume', c.caseId);
}

/** Only open rows are ever asked for by their end: a partial index holds just those. */
const TABLES = {
  sqlite: `CREATE TABLE IF NOT EXISTS deadline_watch (
      case_id TEXT NOT NULL, kind TEXT NOT NULL, due_at TEXT NOT NULL, due_ms INTEGER NOT NULL, status TEXT NOT NULL,
      PRIMARY KEY (case_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS deadline_watch_due ON deadline_watch (due_ms, case_id, kind) WHERE status = 'open';`,
  postgres: (s: string) => `CREATE TABLE IF NOT EXISTS ${s}.deadline_watch (
      case_id TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, due_at TEXT COLLATE "C" NOT NULL, due_ms BIGINT NOT NULL,
      status TEXT COLLATE "C" NOT NULL, PRIMARY KEY (case_id, kind)
    );
    CREATE INDEX IF NOT EXISTS deadline_watch_due ON ${s}.deadline_watch (due_ms, case_id, kind) WHERE status = 'open';`,
};

/**
 * The due query (the one place it is written): an index range on the partial index, from the key after the last row
 * read (a row-value comparison, which both dialects seek to). `?` placeholders: beforeMs, then (when keyed) the key's
 * dueMs, caseId and kind, then limit.
 */
function dueSql(s: string, keyed: boolean): string {
  const after = keyed ? `AND (due_ms, case_id, kind) > (?, ?, ?)` : '';
  return `SELECT case_id AS "caseId", kind, due_at AS "dueAt", due_ms AS "dueMs" FROM ${s}deadline_watch
    WHERE status = 'open' AND due_ms < ? ${after} ORDER BY due_ms, case_id, kind LIMIT ?`;
}

function dueParams(q: DueDeadlinesQuery): (string | number)[] {
  const a = q.after;
  return a ? [q.beforeMs, a.dueMs, a.caseId, a.kind, q.limit] : [q.beforeMs, q.limit];
}

/** The due deadlines of a SQLite file of read models. */
export function sqliteDueDeadlines(db: Database, q: DueDeadlinesQuery): DueDeadline[] {
  return db.prepare(dueSql('', q.after !== null)).all(...dueParams(q)) as DueDeadline[];
}

/** The due deadlines of a PostgreSQL schema of read models (`schema` quoted). */
export async function pgDueDeadlines(db: PgQueryable, schema: string, q: DueDeadlinesQuery): Promise<DueDeadline[]> {
  const rows = (await db.query(numberedPlaceholders(dueSql(`${schema}.`, q.after !== null)), dueParams(q))).rows as DueDeadline[];
  return rows.map((r) => ({ ...r, dueMs: Number(r.dueMs) }));
}

type Statements = Record<keyof typeof SQL, Statement<(string | number)[]>>;
const statements = new WeakMap<Database, Statements>();

export const deadlineWatchProjection: Projection<DeadlineWatchChange> = {
  name: 'deadline-watch',
  version: 1,
  streamLocal: true,
  evolve: deadlineWatchChanges,
  sqlite: {
    setup(db) {
      db.exec(TABLES.sqlite);
    },
    clear(db) {
      db.exec('DELETE FROM deadline_watch;');
    },
    write(db, changes) {
      let prepared = statements.get(db);
      if (!prepared) {
        prepared = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql(''))])) as Statements;
        statements.set(db, prepared);
      }
      for (const c of changes) apply((sql, ...params) => prepared[sql].run(...params), c);
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(TABLES.postgres(s));
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['deadline_watch']);
    },
    async write(db: PgQueryable, s, changes) {
      // Statement by statement, in event order: each depends on the rows the ones before it left.
      const queued: [string, (string | number)[]][] = [];
      for (const c of changes) apply((sql, ...params) => queued.push([numberedPlaceholders(SQL[sql](`${s}.`)), params]), c);
      for (const [text, values] of queued) await db.query(text, values);
    },
  },
};
