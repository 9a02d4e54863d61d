import type { Database, Statement } from 'better-sqlite3';
import { StoredCaseEvent } from '@app/case-engine';
import { byType, evolveCaseEvents } from '../case-events';
import { Projection } from '../projection';
import { PgRowBuffer, columnsOf, selectWhereIn, unique, recreateTables } from '../postgres/pg-sql';
import { CASE_SORT_KEYS_SQLITE, caseSortIndexesSql, caseSortKeysPg, codePointTokens } from './case-search-indexes';

/**
 * 案件检索: one row per case for the officers' search. The stage comes from each event's `stageAfter` (decided by
 * the machine when the event was appended), so this projection never re-runs the procedure.
 */
export type CaseIndexChange =
  | {
      kind: 'opened';
      caseId: string;
      agencyId: string;
      industry: string;
      partyKind: string;
      partyName: string;
      partyCode: string;
      officerIds: string;
      openedAt: string;
      flags: string;
      stage: string;
      position: bigint;
      updatedAt: string;
    }
  | {
      kind: 'update';
      caseId: string;
      stage: string | null;
      position: bigint;
      updatedAt: string;
      set: Partial<Record<'case_no' | 'filed_at' | 'decision_no' | 'decided_at' | 'violation_code' | 'discretion_level', string>> & {
        fine_yuan?: number;
      };
      addFlag: string | null;
      addOverdue: string | null;
    };

type Update = Extract<CaseIndexChange, { kind: 'update' }>;

/** An event's change of its case's row: its stage after the event, and what the event sets or adds (nothing, by default). */
function update(e: StoredCaseEvent, caseId: string, change: Partial<Pick<Update, 'set' | 'addFlag' | 'addOverdue'>> = {}): Update {
  const m = e.metadata;
  return {
    kind: 'update',
    caseId,
    stage: m.stageAfter ?? null,
    position: e.position,
    updatedAt: m.recordedAt ?? '',
    set: change.set ?? {},
    addFlag: change.addFlag ?? null,
    addOverdue: change.addOverdue ?? null,
  };
}

/** The events that do more than move the row's stage. */
const changeOf = byType<CaseIndexChange, string>({
  CaseOpened: (e, caseId) => {
    const { data: d, metadata: m } = e;
    // Either code, whichever the party has (an organisation's credit code, an individual's identity number).
    const party: { creditCode?: string; idNumber?: string } | undefined = d.party;
    const flags = [
      d.major ? 'major' : '',
      Object.values(d.criminalIndicators ?? {}).some((v) => (v ?? 0) > 0) ? 'criminal_indicators' : '',
    ].filter(Boolean);
    return {
      kind: 'opened',
      caseId,
      position: e.position,
      updatedAt: m.recordedAt ?? '',
      stage: m.stageAfter ?? 'filing',
      agencyId: d.agencyId ?? '',
      industry: d.industry ?? '',
      partyKind: d.party?.kind ?? '',
      partyName: d.party?.name ?? '',
      partyCode: party?.creditCode ?? party?.idNumber ?? '',
      officerIds: `,${(d.handlingOfficerIds ?? []).join(',')},`,
      openedAt: m.occurredAt ?? '',
      flags: `,${flags.join(',')}${flags.length ? ',' : ''}`,
    };
  },
  CaseFiled: (e, caseId) => update(e, caseId, { set: { case_no: e.data.caseNo ?? '', filed_at: e.metadata.occurredAt ?? '' } }),
  PenaltyDecided: (e, caseId) => {
    const d = e.data;
    const penalties = d.penalties ?? [];
    const fine = penalties.filter((p) => p.kind === 'fine').reduce((sum, p) => sum + (p.amountYuan ?? 0), 0);
    // A fine and nothing else: with criminal indicators, the 以罚代刑 review flag (行政处罚法第八十二条).
    const fineOnly = penalties.length > 0 && penalties.every((p) => p.kind === 'fine');
    const set = {
      decision_no: d.decisionNo ?? '',
      decided_at: e.metadata.occurredAt ?? '',
      fine_yuan: fine,
      ...(d.violationCode ? { violation_code: d.violationCode } : {}),
      ...(d.discretionLevel ? { discretion_level: d.discretionLevel } : {}),
    };
    return update(e, caseId, { set, addFlag: fineOnly ? 'fine_only' : null });
  },
  NoPenaltyDecided: (e, caseId) =>
    update(e, caseId, { set: { decision_no: e.data.decisionNo ?? '', decided_at: e.metadata.occurredAt ?? '' } }),
  ReferralProposed: (e, caseId) => update(e, caseId, { addFlag: 'referral_proposed' }),
  InterferenceRecorded: (e, caseId) => update(e, caseId, { addFlag: 'interference_recorded' }),
  ReferralRejected: (e, caseId) => update(e, caseId, { addFlag: 'referral_rejected' }),
  DeadlineMissed: (e, caseId) => update(e, caseId, { addOverdue: e.data.kind ?? null }),
});

/** Pure: how one event changes its case's row. */
export const caseIndexChanges = evolveCaseEvents<CaseIndexChange>((e, caseId) => [changeOf(e, caseId) ?? update(e, caseId)]);

const statements = new WeakMap<Database, { opened: Statement; update: Statement; trigrams: Statement; chars: Statement }>();

/** case_index as stored (the read models' queries return it with `position` as a number). */
export interface CaseIndexRecord {
  case_id: string;
  agency_id: string;
  stage: string;
  industry: string;
  party_kind: string;
  party_name: string;
  party_code: string;
  officer_ids: string;
  opened_at: string;
  case_no: string | null;
  filed_at: string | null;
  decision_no: string | null;
  decided_at: string | null;
  violation_code: string | null;
  discretion_level: string | null;
  fine_yuan: number | null;
  flags: string;
  overdue: string;
  position: number | bigint;
  updated_at: string;
}
const PG_COLUMNS = columnsOf<CaseIndexRecord>({
  case_id: 'text',
  agency_id: 'text',
  stage: 'text',
  industry: 'text',
  party_kind: 'text',
  party_name: 'text',
  party_code: 'text',
  officer_ids: 'text',
  opened_at: 'text',
  case_no: 'text',
  filed_at: 'text',
  decision_no: 'text',
  decided_at: 'text',
  violation_code: 'text',
  discretion_level: 'text',
  fine_yuan: 'float8',
  flags: 'text',
  overdue: 'text',
  position: 'bigint',
  updated_at: 'text',
});
/** `list || token || ','` unless `,token,` is in it already (the SQLite statement's instr test). */
const addToken = (list: string, token: string | null) => (token === null || list.includes(`,${token},`) ? list : `${list}${token},`);

export const caseIndexProjection: Projection<CaseIndexChange> = {
  name: 'case-index',
  // Version 3: the sort indexes and the party-name indexes (a store of version 2 rebuilds the table with them).
  version: 3,
  streamLocal: true,
  evolve: caseIndexChanges,
  sqlite: {
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS case_index (
        case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, stage TEXT NOT NULL, industry TEXT NOT NULL, party_kind TEXT NOT NULL,
        party_name TEXT NOT NULL, party_code TEXT NOT NULL, officer_ids TEXT NOT NULL, opened_at TEXT NOT NULL, case_no TEXT, filed_at TEXT,
        decision_no TEXT, decided_at TEXT, violation_code TEXT, discretion_level TEXT, fine_yuan REAL, flags TEXT NOT NULL, overdue TEXT NOT NULL DEFAULT ',', position INTEGER NOT NULL, updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS case_index_agency ON case_index (agency_id, stage);
      CREATE INDEX IF NOT EXISTS case_index_opened ON case_index (opened_at);
      CREATE INDEX IF NOT EXISTS case_index_decisions ON case_index (agency_id, julianday(decided_at), violation_code, discretion_level, fine_yuan, party_kind)
        WHERE violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL;
      CREATE INDEX IF NOT EXISTS case_index_party_code ON case_index (party_code);
      ${caseSortIndexesSql('case_index', CASE_SORT_KEYS_SQLITE, 'DESC')}
      CREATE VIRTUAL TABLE IF NOT EXISTS case_party_trigrams USING fts5(case_id UNINDEXED, name, tokenize = 'trigram case_sensitive 1');
      CREATE VIRTUAL TABLE IF NOT EXISTS case_party_chars USING fts5(case_id UNINDEXED, chars, tokenize = 'ascii');`);
    },
    clear(db) {
      // Version 2 added columns: the rebuild starts from the new shape.
      db.exec('DROP TABLE IF EXISTS case_index; DROP TABLE IF EXISTS case_party_trigrams; DROP TABLE IF EXISTS case_party_chars');
      this.setup(db);
    },
    write(db, changes) {
      let s = statements.get(db);
      if (!s) {
        s = {
          opened:
            db.prepare(`INSERT INTO case_index (case_id, agency_id, stage, industry, party_kind, party_name, party_code, officer_ids, opened_at, flags, position, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
          update: db.prepare(`UPDATE case_index SET
              stage = COALESCE(?, stage), position = ?, updated_at = ?,
              case_no = COALESCE(?, case_no), filed_at = COALESCE(?, filed_at),
              decision_no = COALESCE(?, decision_no), decided_at = COALESCE(?, decided_at),
              violation_code = COALESCE(?, violation_code), discretion_level = COALESCE(?, discretion_level),
              fine_yuan = COALESCE(?, fine_yuan),
              flags = CASE WHEN ? IS NULL OR instr(flags, ',' || ? || ',') > 0 THEN flags ELSE flags || ? || ',' END,
              overdue = CASE WHEN ? IS NULL OR instr(overdue, ',' || ? || ',') > 0 THEN overdue ELSE overdue || ? || ',' END
            WHERE case_id = ?`),
          // A party's name is set when the case is opened and never changes: its index rows are written once.
          trigrams: db.prepare('INSERT INTO case_party_trigrams (case_id, name) VALUES (?, ?)'),
          chars: db.prepare('INSERT INTO case_party_chars (case_id, chars) VALUES (?, ?)'),
        };
        statements.set(db, s);
      }
      // Positional parameters (better-sqlite3 binds no numbered ones, so the flag and the overdue kind go in three
      // times each): binding by name costs a property lookup per column, once per event in a rebuild.
      const run = (c: Update) =>
        s.update.run(
          c.stage,
          c.position,
          c.updatedAt,
          c.set.case_no ?? null,
          c.set.filed_at ?? null,
          c.set.decision_no ?? null,
          c.set.decided_at ?? null,
          c.set.violation_code ?? null,
          c.set.discretion_level ?? null,
          c.set.fine_yuan ?? null,
          c.addFlag,
          c.addFlag,
          c.addFlag,
          c.addOverdue,
          c.addOverdue,
          c.addOverdue,
          c.caseId,
        );
      // Hot path of a rebuild: a page holds many events of each case, so consecutive updates of a case are merged
      // into one UPDATE (later values win, as they would row by row), unless both add a flag or an overdue kind.
      const pending = new Map<string, Update>();
      for (const c of changes) {
        if (c.kind === 'opened') {
          s.opened.run(
            c.caseId,
            c.agencyId,
            c.stage,
            c.industry,
            c.partyKind,
            c.partyName,
            c.partyCode,
            c.officerIds,
            c.openedAt,
            c.flags,
            c.position,
            c.updatedAt,
          );
          s.trigrams.run(c.caseId, c.partyName);
          s.chars.run(c.caseId, codePointTokens(c.partyName));
          continue;
        }
        const prev = pending.get(c.caseId);
        if (prev && !(prev.addFlag && c.addFlag) && !(prev.addOverdue && c.addOverdue)) {
          pending.set(c.caseId, {
            ...c,
            stage: c.stage ?? prev.stage,
            set: { ...prev.set, ...c.set },
            addFlag: c.addFlag ?? prev.addFlag,
            addOverdue: c.addOverdue ?? prev.addOverdue,
          });
        } else {
          if (prev) run(prev);
          pending.set(c.caseId, c);
        }
      }
      for (const c of pending.values()) run(c);
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.case_index (
        case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL, stage TEXT COLLATE "C" NOT NULL, industry TEXT COLLATE "C" NOT NULL,
        party_kind TEXT COLLATE "C" NOT NULL, party_name TEXT COLLATE "C" NOT NULL, party_code TEXT COLLATE "C" NOT NULL, officer_ids TEXT COLLATE "C" NOT NULL,
        opened_at TEXT COLLATE "C" NOT NULL, case_no TEXT COLLATE "C", filed_at TEXT COLLATE "C", decision_no TEXT COLLATE "C", decided_at TEXT COLLATE "C",
        violation_code TEXT COLLATE "C", discretion_level TEXT COLLATE "C", fine_yuan DOUBLE PRECISION, flags TEXT COLLATE "C" NOT NULL,
        overdue TEXT COLLATE "C" NOT NULL DEFAULT ',', position BIGINT NOT NULL, updated_at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX IF NOT EXISTS case_index_agency ON ${s}.case_index (agency_id, stage);
      CREATE INDEX IF NOT EXISTS case_index_opened ON ${s}.case_index (opened_at);
      CREATE INDEX IF NOT EXISTS case_index_decisions ON ${s}.case_index (agency_id, ${s}.sqlite_ms(decided_at), violation_code, discretion_level, fine_yuan, party_kind)
        WHERE violation_code IS NOT NULL AND discretion_level IS NOT NULL AND fine_yuan IS NOT NULL;
      CREATE INDEX IF NOT EXISTS case_index_party_code ON ${s}.case_index (party_code);
      ${caseSortIndexesSql(`${s}.case_index`, caseSortKeysPg(s), 'DESC NULLS LAST')}`);
      // One or two characters are too short for trigrams: the name's characters as tokens (codePointTokens), in order,
      // so a phrase of them finds the names where they stand side by side.
      await db.query(`CREATE OR REPLACE FUNCTION ${s}.party_chars(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
          SELECT to_tsvector('simple'::regconfig, COALESCE(string_agg('u' || to_hex(ascii(c)), ' ' ORDER BY i), ''))
          FROM regexp_split_to_table(t, '') WITH ORDINALITY AS x(c, i)
        $fn$;
        CREATE INDEX IF NOT EXISTS case_index_party_chars ON ${s}.case_index USING gin (${s}.party_chars(party_name));`);
      // pg_trgm serves "name contains" (LIKE '%…%'). It is a trusted extension: a role that may create objects in the
      // database installs it; where the role may not and nobody has, the search still answers, by reading the names.
      await db.query(`DO $$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN insufficient_privilege OR unique_violation OR duplicate_object THEN NULL;
      END $$;
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops') THEN
          EXECUTE 'CREATE INDEX IF NOT EXISTS case_index_party_trgm ON ${s.replace(/'/g, "''")}.case_index USING gin (party_name gin_trgm_ops)';
        END IF;
      END $$;`);
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['case_index']);
    },
    async write(db, s, changes) {
      const table = `${s}.case_index`;
      const keys = unique(changes.filter((c) => c.kind === 'update').map((c) => c.caseId));
      const buffer = new PgRowBuffer<CaseIndexRecord>(await selectWhereIn(db, table, 'case_id', keys), (r) => r.case_id);
      for (const c of changes) {
        if (c.kind === 'opened') {
          buffer.insert({
            case_id: c.caseId,
            agency_id: c.agencyId,
            stage: c.stage,
            industry: c.industry,
            party_kind: c.partyKind,
            party_name: c.partyName,
            party_code: c.partyCode,
            officer_ids: c.officerIds,
            opened_at: c.openedAt,
            case_no: null,
            filed_at: null,
            decision_no: null,
            decided_at: null,
            violation_code: null,
            discretion_level: null,
            fine_yuan: null,
            flags: c.flags,
            overdue: ',',
            position: c.position,
            updated_at: c.updatedAt,
          });
          continue;
        }
        // The SQLite statement, one change at a time: COALESCE keeps a column where the change has none.
        buffer.update(c.caseId, (row) => {
          const set: Partial<CaseIndexRecord> = { stage: c.stage ?? row.stage, position: c.position, updated_at: c.updatedAt };
          for (const [column, value] of Object.entries(c.set))
            if (value !== undefined && value !== null) Object.assign(set, { [column]: value });
          return { ...set, flags: addToken(row.flags, c.addFlag), overdue: addToken(row.overdue, c.addOverdue) };
        });
      }
      await buffer.flush(db, table, 'case_id', PG_COLUMNS);
    },
  },
};
