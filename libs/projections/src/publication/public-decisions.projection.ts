import type { Database, Statement } from 'better-sqlite3';
import { StoredCaseEvent } from '@app/case-engine';
import { CaseEventHandlers, rowPerHandledEvent } from '../case-events';
import { Projection } from '../projection';
import { PgRowBuffer, columnsOf, selectWhereIn, unique, recreateTables } from '../postgres/pg-sql';

/**
 * 行政处罚决定公示 (安全生产法 Art. 78; docs/supervision.md §7): the decisions officers published, withdrawn as soon as a
 * remedy revokes them (行政处罚法 Art. 48 — so always within the 3 working days).
 */
export type PublicDecisionRow =
  | { kind: 'case'; caseId: string; agencyId: string; partyKind: string; partyName: string; creditCode: string | null; violations: string }
  | {
      kind: 'decided';
      caseId: string;
      decisionNo: string;
      decidedAt: string;
      penalties: string;
      legalBasis: string;
      issuerAgencyId: string | null;
    }
  | { kind: 'published'; caseId: string; publishedAt: string; channel: string }
  | { kind: 'revoked'; caseId: string; revokedAt: string };

/** When the event happened (the published dates). */
const occurredAt = (e: StoredCaseEvent) => String(e.metadata.occurredAt ?? '');

/** The events the register of public decisions reads; every other contributes nothing. */
const ROWS: CaseEventHandlers<PublicDecisionRow> = {
  CaseOpened: ({ data: d }, caseId) => ({
    kind: 'case',
    caseId,
    agencyId: d.agencyId ?? '',
    partyKind: d.party?.kind ?? '',
    partyName: d.party?.name ?? '',
    // An individual's identity number is never kept here at all: a published decision names no one's identity number.
    creditCode: d.party?.kind === 'organization' ? (d.party.creditCode ?? null) : null,
    violations: JSON.stringify((d.violations ?? []).map((v) => v.description)),
  }),
  PenaltyDecided: (e, caseId) => ({
    kind: 'decided',
    caseId,
    decisionNo: e.data.decisionNo ?? '',
    decidedAt: occurredAt(e),
    penalties: JSON.stringify(e.data.penalties ?? []),
    legalBasis: JSON.stringify(e.data.legalBasis ?? []),
    // An entrusted organisation's decision is published as the entrusting agency's (policy §6).
    issuerAgencyId: e.data.issuerAgencyId ?? null,
  }),
  DecisionPublished: (e, caseId) => ({ kind: 'published', caseId, publishedAt: occurredAt(e), channel: e.data.channel ?? '' }),
  DecisionRevoked: (e, caseId) => ({ kind: 'revoked', caseId, revokedAt: occurredAt(e) }),
};

export const publicDecisionRows = rowPerHandledEvent(ROWS);

const statements = new WeakMap<Database, Record<PublicDecisionRow['kind'], Statement>>();

/** public_decisions as stored (and as the read models' queries return it). */
export interface PublicDecisionRecord {
  case_id: string;
  agency_id: string;
  party_kind: string;
  party_name: string;
  credit_code: string | null;
  violations: string;
  decision_no: string | null;
  decided_at: string | null;
  penalties: string | null;
  legal_basis: string | null;
  published_at: string | null;
  channel: string | null;
  revoked_at: string | null;
  issuer_agency_id: string | null;
}
const PG_COLUMNS = columnsOf<PublicDecisionRecord>({
  case_id: 'text',
  agency_id: 'text',
  party_kind: 'text',
  party_name: 'text',
  credit_code: 'text',
  violations: 'text',
  decision_no: 'text',
  decided_at: 'text',
  penalties: 'text',
  legal_basis: 'text',
  published_at: 'text',
  channel: 'text',
  revoked_at: 'text',
  issuer_agency_id: 'text',
});

export const publicDecisionsProjection: Projection<PublicDecisionRow> = {
  name: 'public-decisions',
  version: 2,
  streamLocal: true,
  evolve: publicDecisionRows,
  sqlite: {
    setup(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS public_decisions (
        case_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, party_kind TEXT NOT NULL, party_name TEXT NOT NULL, credit_code TEXT,
        violations TEXT NOT NULL, decision_no TEXT, decided_at TEXT, penalties TEXT, legal_basis TEXT,
        published_at TEXT, channel TEXT, revoked_at TEXT, issuer_agency_id TEXT
      ) WITHOUT ROWID;`);
      // Version 1 tables lack the issuer; the version change empties and refills the table.
      const columns = (db.prepare('PRAGMA table_info(public_decisions)').all() as { name: string }[]).map((c) => c.name);
      if (!columns.includes('issuer_agency_id')) db.exec('ALTER TABLE public_decisions ADD COLUMN issuer_agency_id TEXT');
      // The public list, newest first, all agencies or one: read in index order, stopping at the page.
      db.exec(`CREATE INDEX IF NOT EXISTS public_decisions_listed ON public_decisions (published_at DESC, case_id)
          WHERE published_at IS NOT NULL AND revoked_at IS NULL;
        CREATE INDEX IF NOT EXISTS public_decisions_listed_by_agency
          ON public_decisions (COALESCE(issuer_agency_id, agency_id), published_at DESC, case_id) WHERE published_at IS NOT NULL AND revoked_at IS NULL;`);
    },
    clear(db) {
      db.exec('DELETE FROM public_decisions');
    },
    write(db, rows) {
      let s = statements.get(db);
      if (!s) {
        s = {
          case: db.prepare(`INSERT INTO public_decisions (case_id, agency_id, party_kind, party_name, credit_code, violations)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING`),
          decided: db.prepare(
            'UPDATE public_decisions SET decision_no = ?, decided_at = ?, penalties = ?, legal_basis = ?, issuer_agency_id = ? WHERE case_id = ?',
          ),
          published: db.prepare('UPDATE public_decisions SET published_at = ?, channel = ? WHERE case_id = ?'),
          revoked: db.prepare('UPDATE public_decisions SET revoked_at = ? WHERE case_id = ?'),
        };
        statements.set(db, s);
      }
      // Positional parameters: a rebuild runs these once per decision event, and binding by name costs a lookup per column.
      for (const r of rows) {
        if (r.kind === 'case') s.case.run(r.caseId, r.agencyId, r.partyKind, r.partyName, r.creditCode, r.violations);
        else if (r.kind === 'decided') s.decided.run(r.decisionNo, r.decidedAt, r.penalties, r.legalBasis, r.issuerAgencyId, r.caseId);
        else if (r.kind === 'published') s.published.run(r.publishedAt, r.channel, r.caseId);
        else s.revoked.run(r.revokedAt, r.caseId);
      }
    },
  },
  postgres: {
    async setup(db, s) {
      await db.query(`CREATE TABLE IF NOT EXISTS ${s}.public_decisions (
        case_id TEXT COLLATE "C" PRIMARY KEY, agency_id TEXT COLLATE "C" NOT NULL, party_kind TEXT COLLATE "C" NOT NULL, party_name TEXT COLLATE "C" NOT NULL,
        credit_code TEXT COLLATE "C", violations TEXT COLLATE "C" NOT NULL, decision_no TEXT COLLATE "C", decided_at TEXT COLLATE "C", penalties TEXT COLLATE "C",
        legal_basis TEXT COLLATE "C", published_at TEXT COLLATE "C", channel TEXT COLLATE "C", revoked_at TEXT COLLATE "C", issuer_agency_id TEXT COLLATE "C"
      );
      CREATE INDEX IF NOT EXISTS public_decisions_listed ON ${s}.public_decisions (published_at DESC, case_id)
        WHERE published_at IS NOT NULL AND revoked_at IS NULL;
      CREATE INDEX IF NOT EXISTS public_decisions_listed_by_agency
        ON ${s}.public_decisions (COALESCE(issuer_agency_id, agency_id), published_at DESC, case_id) WHERE published_at IS NOT NULL AND revoked_at IS NULL`);
    },
    clear(db, s) {
      return recreateTables(this, db, s, ['public_decisions']);
    },
    async write(db, s, rows) {
      const table = `${s}.public_decisions`;
      const buffer = new PgRowBuffer<PublicDecisionRecord>(
        await selectWhereIn(db, table, 'case_id', unique(rows.map((r) => r.caseId))),
        (r) => r.case_id,
      );
      for (const r of rows) {
        if (r.kind === 'case') {
          if (!buffer.get(r.caseId))
            buffer.insert({
              case_id: r.caseId,
              agency_id: r.agencyId,
              party_kind: r.partyKind,
              party_name: r.partyName,
              credit_code: r.creditCode,
              violations: r.violations,
              decision_no: null,
              decided_at: null,
              penalties: null,
              legal_basis: null,
              published_at: null,
              channel: null,
              revoked_at: null,
              issuer_agency_id: null,
            });
        } else if (r.kind === 'decided') {
          buffer.update(r.caseId, {
            decision_no: r.decisionNo,
            decided_at: r.decidedAt,
            penalties: r.penalties,
            legal_basis: r.legalBasis,
            issuer_agency_id: r.issuerAgencyId,
          });
        } else if (r.kind === 'published') buffer.update(r.caseId, { published_at: r.publishedAt, channel: r.channel });
        else buffer.update(r.caseId, { revoked_at: r.revokedAt });
      }
      await buffer.flush(db, table, 'case_id', PG_COLUMNS);
    },
  },
};
