import type { Database, Statement } from 'better-sqlite3';
import { evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { PgColumn, recreateTables, unnestColumns } from '../postgres/pg-sql';

/**
 * One row per case event with the metadata a legal-affairs reviewer filters by (docs/supervision.md §1). The event's
 * data and full metadata are not copied: readers join the events table on `position` (same file) and take the rest
 * (the actor's agency, the command, when it occurred) from the metadata, which keeps the rebuild to the filter
 * columns plus the event's id and revision (the tables an EventStoreDB deployment joins have no such columns).
 */
export interface AuditRow {
  position: bigint;
  eventId: string;
  caseId: string;
  revision: number;
  type: string;
  actorId: string;
  recordedAt: string;
  /** The case's agency, on its opening event only: kept per case, and written on every row of the case. */
  agencyId: string | null;
}

/** Pure: a case event → its audit row; other streams (registry, counters) are not case history. */
export const auditRows = evolveCaseEvents<AuditRow>((e, caseId) => [
  {
    position: e.position,
    eventId: e.id,
    caseId,
    revision: e.revision,
    type: e.type,
    actorId: e.metadata.actor?.id ?? '',
    recordedAt: e.metadata.recordedAt ?? '',
    agencyId: e.type === 'CaseOpened' ? (e.data.agencyId ?? '') : null,
  },
]);

/**
 * Every row carries its case's agency (`case_agency_id`, from the case's opening event, kept in `audit_trail_cases`):
 * the scope filter is then an index range per agency in position order, so a page reads as many rows as it returns.
 */
const AUDIT_INSERT = `INSERT INTO audit_trail (position, event_id, case_id, revision, type, actor_id, recorded_at, case_agency_id) VALUES `;
const AUDIT_TUPLE = `(?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT agency_id FROM audit_trail_cases WHERE case_id = ?), ''))`;
/** Rows per multi-row INSERT: one statement step for many rows (a rebuild inserts a row per event). */
const BATCH = 32;
const inserts = new WeakMap<Database, { one: Statement; batch: Statement; opened: Statement }>();

/** A row's values in column order, appended to `out` (positional: binding by name costs a lookup per column). */
function pushValues(out: unknown[], r: AuditRow): void {
  out.push(r.position, r.eventId, r.caseId, r.revision, r.type, r.actorId, r.recordedAt, r.caseId);
}

/** The audit rows as batched columns for PostgreSQL. */
const PG_COLUMNS: PgColumn<AuditRow>[] = [
  { name: 'position', type: 'bigint', get: (r) => r.position },
  { name: 'event_id', type: 'text', get: (r) => r.eventId },
  { name: 'case_id', type: 'text', get: (r) => r.caseId },
  { name: 'revision', type: 'integer', get: (r) => r.revision },
  { name: 'type', type: 'text', get: (r) => r.type },
  { name: 'actor_id', type: 'text', get: (r) => r.actorId },
  { name: 'recorded_at', type: 'text', get: (r) => r.recordedAt },
];

/**
 * The indexes the audit queries page on, each ending in the position so that a page is a range read in trail order:
 * per agency of the scope (alone, by actor, by event type), and per case.
 */
const AUDIT_INDEXES = (s: string) => `
      CREATE INDEX IF NOT EXISTS audit_trail_scope ON ${s}audit_trail (case_agency_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_scope_actor ON ${s}audit_trail (case_agency_id, actor_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_scope_type ON ${s}audit_trail (case_agency_id, type, position);
      CREATE INDEX IF NOT EXISTS audit_trail_case ON ${s}audit_trail (case_id, position);`;

export const auditTrailProjection: Projection<AuditRow> = {
  name: 'audit-trail',
  // 3: the actor's agency, the command and the occurrence time are read from the joined event's metadata.
  // 4: the case's agency on every row, indexed with the position (the scope filter reads index ranges).
  version: 4,
  streamLocal: true,
  evolve: auditRows,
  sqlite: {
    setup(db: Database) {
      // A table of an older version (without the case's agency on every row) is dropped before its indexes are made;
      // the runner then sees the version change and rebuilds from zero.
      const columns = db.prepare('PRAGMA table_info(audit_trail)').all() as { name: string }[];
      if (columns.length && !columns.some((c) => c.name === 'case_agency_id')) db.exec('DROP TABLE audit_trail');
      db.exec(`CREATE TABLE IF NOT EXISTS audit_trail (
        position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
        actor_id TEXT NOT NULL, recorded_at TEXT NOT NULL, case_agency_id TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS audit_trail_cases (case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL) WITHOUT ROWID;
      ${AUDIT_INDEXES('')}`);
    },
    clear(db: Database) {
      // Versions 2 and 3 dropped copied columns, 4 added the case's agency: the rebuild starts from the new shape.
      db.exec('DROP TABLE IF EXISTS audit_trail; DROP TABLE IF EXISTS audit_trail_cases');
      inserts.delete(db);
      this.setup(db);
    },
    write(db: Database, rows: AuditRow[]) {
      if (!rows.length) return;
      let insert = inserts.get(db);
      if (!insert) {
        insert = {
          one: db.prepare(AUDIT_INSERT + AUDIT_TUPLE),
          batch: db.prepare(AUDIT_INSERT + Array(BATCH).fill(AUDIT_TUPLE).join(', ')),
          opened: db.prepare('INSERT OR IGNORE INTO audit_trail_cases (case_id, agency_id) VALUES (?, ?)'),
        };
        inserts.set(db, insert);
      }
      // The opening event is its stream's first: its case's agency is known before any row of the case looks it up.
      for (const r of rows) if (r.agencyId !== null) insert.opened.run(r.caseId, r.agencyId);
      let i = 0;
      const values: unknown[] = [];
      for (; i + BATCH <= rows.length; i += BATCH) {
        values.length = 0;
        for (let j = i; j < i + BATCH; j++) pushValues(values, rows[j]);
        insert.batch.run(values);
      }
      for (; i < rows.length; i++) {
        values.length = 0;
        pushValues(values, rows[i]);
        insert.one.run(values);
      }
    },
  },
  postgres: {
    async setup(db, s) {
      const old = await db.query(`SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'agency_id'`, [
        `${s}.audit_trail`,
      ]);
      if (old.rowCount) await db.query(`DROP TABLE ${s}.audit_trail`);
      // Text columns compare and sort byte-wise (COLLATE "C"), as SQLite's BINARY does, whatever the database's locale.
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.audit_trail (
        position BIGINT PRIMARY KEY, event_id TEXT COLLATE "C" NOT NULL, case_id TEXT COLLATE "C" NOT NULL, revision INTEGER NOT NULL,
        type TEXT COLLATE "C" NOT NULL, actor_id TEXT COLLATE "C" NOT NULL, recorded_at TEXT COLLATE "C" NOT NULL,
        case_agency_id TEXT COLLATE "C" NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.audit_trail_cases (case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL);
      ${AUDIT_INDEXES(`${s}.`)}`);
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['audit_trail', 'audit_trail_cases']);
    },
    async write(db, s, rows) {
      // Append-only: the page's opening events first (their cases' agencies), then the whole page in one INSERT.
      const opened = rows.filter((r) => r.agencyId !== null);
      if (opened.length)
        await db.query(
          `INSERT INTO ${s}.audit_trail_cases (case_id, agency_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (case_id) DO NOTHING`,
          [opened.map((r) => r.caseId), opened.map((r) => r.agencyId)],
        );
      const { values, unnest } = unnestColumns(PG_COLUMNS, rows);
      await db.query(
        `INSERT INTO ${s}.audit_trail (${PG_COLUMNS.map((c) => c.name).join(', ')}, case_agency_id)
         SELECT u.*, COALESCE(c.agency_id, '') FROM ${unnest} LEFT JOIN ${s}.audit_trail_cases c ON c.case_id = u.case_id`,
        values,
      );
    },
  },
};
