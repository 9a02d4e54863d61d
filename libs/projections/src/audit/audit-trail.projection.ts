import type { Database, Statement } from 'better-sqlite3';
import { evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { PgColumn, insertRows, recreateTables } from '../postgres/pg-sql';

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
  /** The case's agency, on its opening event only: the audit scope filter looks it up there. */
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

const AUDIT_INSERT = `INSERT INTO audit_trail (position, event_id, case_id, revision, type, actor_id, recorded_at, agency_id) VALUES `;
/** Rows per multi-row INSERT: one statement step for many rows (a rebuild inserts a row per event). */
const BATCH = 32;
const inserts = new WeakMap<Database, { one: Statement; batch: Statement }>();

/** A row's values in column order, appended to `out` (positional: binding by name costs a lookup per column). */
function pushValues(out: unknown[], r: AuditRow): void {
  out.push(r.position, r.eventId, r.caseId, r.revision, r.type, r.actorId, r.recordedAt, r.agencyId);
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
  { name: 'agency_id', type: 'text', get: (r) => r.agencyId },
];

export const auditTrailProjection: Projection<AuditRow> = {
  name: 'audit-trail',
  // 3: the actor's agency, the command and the occurrence time are read from the joined event's metadata.
  version: 3,
  streamLocal: true,
  evolve: auditRows,
  sqlite: {
    setup(db: Database) {
      // A version-1 table (with copied data) is dropped before its indexes are made; the runner then sees the version
      // change and rebuilds from zero.
      const columns = db.prepare('PRAGMA table_info(audit_trail)').all() as { name: string }[];
      if (columns.length && !columns.some((c) => c.name === 'agency_id')) db.exec('DROP TABLE audit_trail');
      db.exec(`CREATE TABLE IF NOT EXISTS audit_trail (
        position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
        actor_id TEXT NOT NULL, recorded_at TEXT NOT NULL, agency_id TEXT
      );
      CREATE INDEX IF NOT EXISTS audit_trail_case ON audit_trail (case_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_actor ON audit_trail (actor_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_opened ON audit_trail (agency_id) WHERE agency_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS audit_trail_type ON audit_trail (type, position);
      CREATE INDEX IF NOT EXISTS audit_trail_recorded ON audit_trail (recorded_at);`);
    },
    clear(db: Database) {
      // Versions 2 and 3 dropped copied columns: the rebuild starts from the new shape.
      db.exec('DROP TABLE IF EXISTS audit_trail');
      inserts.delete(db);
      this.setup(db);
    },
    write(db: Database, rows: AuditRow[]) {
      if (!rows.length) return;
      let insert = inserts.get(db);
      if (!insert) {
        const tuple = `(${Array(8).fill('?').join(', ')})`;
        insert = { one: db.prepare(AUDIT_INSERT + tuple), batch: db.prepare(AUDIT_INSERT + Array(BATCH).fill(tuple).join(', ')) };
        inserts.set(db, insert);
      }
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
      // Text columns compare and sort byte-wise (COLLATE "C"), as SQLite's BINARY does, whatever the database's locale.
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.audit_trail (
        position BIGINT PRIMARY KEY, event_id TEXT COLLATE "C" NOT NULL, case_id TEXT COLLATE "C" NOT NULL, revision INTEGER NOT NULL,
        type TEXT COLLATE "C" NOT NULL, actor_id TEXT COLLATE "C" NOT NULL, recorded_at TEXT COLLATE "C" NOT NULL, agency_id TEXT COLLATE "C"
      );
      CREATE INDEX IF NOT EXISTS audit_trail_case ON ${s}.audit_trail (case_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_actor ON ${s}.audit_trail (actor_id, position);
      CREATE INDEX IF NOT EXISTS audit_trail_opened ON ${s}.audit_trail (agency_id) WHERE agency_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS audit_trail_type ON ${s}.audit_trail (type, position);
      CREATE INDEX IF NOT EXISTS audit_trail_recorded ON ${s}.audit_trail (recorded_at);`);
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['audit_trail']);
    },
    async write(db, s, rows) {
      // Append-only: the whole page in one INSERT.
      await insertRows(db, `${s}.audit_trail`, PG_COLUMNS, rows);
    },
  },
};
