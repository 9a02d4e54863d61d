import type { AuditTrailColumns } from '../audit/audit-item';
import type { CaseIndexRecord, OpenDeadlineRecord, PublicDecisionRecord } from '@app/projections';
import type { DueDeadline, DueDeadlinesQuery } from '@app/case-engine';
/**
 * The queries the API runs against the read models, one method per question, with a SQLite implementation (the
 * embedded file) and a PostgreSQL one (shared by every instance). Callers resolve scope and access first and pass
 * the agencies in scope; the implementations answer with the same rows, columns and JS types, so the controllers
 * shape the same responses whichever answers (test/read-models checks every query on both).
 */
export const READ_MODELS = Symbol('READ_MODELS');

/** 以罚代刑 (docs/supervision.md §6; 行政处罚法 Art. 82): a derived case-search flag, computed from the stored ones. */
export const FINE_IN_PLACE_OF_REFERRAL = 'fine_in_place_of_referral';

export type CaseSort = 'openedAt' | 'updatedAt' | 'caseNo' | 'decidedAt';

export interface CaseSearchQuery {
  agencies: string[];
  stage?: string;
  industry?: string;
  /** Part of the party's name, or its whole credit code / identity number (any case of its letters). */
  party?: string;
  officerId?: string;
  overdue?: string;
  flag?: string;
  /** These cases only (a bounded list, e.g. the cases behind a report's rate). */
  caseIds?: string[];
  /** Bounds as moments with offset (inclusive). */
  openedFrom?: string;
  openedTo?: string;
  decidedFrom?: string;
  decidedTo?: string;
  sort: CaseSort;
  order: 'asc' | 'desc';
  /** Only the cases after this one in the order: its sort column's stored value and its id (the last row of a page). */
  after?: { key: string | null; caseId: string };
  limit: number;
  offset: number;
}

/** The case_index column each sort orders by. */
export const CASE_SORT_COLUMNS = { openedAt: 'opened_at', updatedAt: 'updated_at', caseNo: 'case_no', decidedAt: 'decided_at' } as const;

/** A case_index row. */
export type CaseIndexRow = Omit<CaseIndexRecord, 'position'> & { position: number };

export interface AuditQuery {
  /** Cases opened by these agencies. */
  agencies: string[];
  after: number;
  caseId?: string;
  actorId?: string;
  type?: string;
  /** Recorded-at bounds as ISO instants (UTC, as recorded). */
  from?: string;
  to?: string;
  limit: number;
}

/** An audit-trail row joined with its event's data, metadata and hash links (all as stored). */
export interface AuditTrailRow extends AuditTrailColumns {
  position: number;
  data: string;
  metadata: string;
  prev_hash: string | null;
  hash: string | null;
}

export interface InterferenceQuery {
  agencies: string[];
  /** The reader: a case's approving head never sees its records. */
  readerId: string;
  /** [from, to) as moments with offset. */
  period?: [string, string];
  caseId?: string;
  intervener?: string;
  /** Keyset paging: only records after this position (the previous page's last), at most `limit` of them. */
  after?: number;
  limit?: number;
}

export interface InterferenceRecordRow {
  record_id: string;
  case_id: string;
  case_no: string | null;
  agency_id: string;
  occurred_at: string;
  recorded_at: string;
  recorder_id: string;
  recorder_name: string;
  intervener_name: string;
  intervener_unit: string;
  intervener_post: string;
  relation: string;
  means: string;
  content: string;
  handling: string;
  corrects: string | null;
  /** The record's place in the log: the register's paging cursor (not part of the record). */
  position?: number;
}

export interface PublicDecisionsQuery {
  /** Published at or after this instant. */
  oldest: string;
  agencyId?: string;
  limit: number;
  offset: number;
}

export type PublicDecisionRow = PublicDecisionRecord;

export interface AssessmentQuery {
  agencies: string[];
  /** The period as moments with offset, [from, to), and as calendar days for due dates. */
  from: string;
  to: string;
  fromDay: string;
  toDay: string;
  asOf: string;
  /** The year of the interference counts per quarter, as [from, to) moments. */
  yearFrom: string;
  yearTo: string;
}

export type AssessmentRateKey = 'handling' | 'legal_basis_accuracy' | 'timely_closure' | 'execution' | 'reinspection';

/** A denominator case of a rate, its agency, and whether the numerator counts it (1; 0 or null when not). */
export interface RateRow {
  case_id: string;
  agency_id: string;
  included: number | null;
}

export interface AssessmentFacts {
  filed: { case_id: string; agency_id: string; industry: string }[];
  rates: Record<AssessmentRateKey, RateRow[]>;
  overdue: { case_id: string; overdue: string }[];
  interferenceByQuarter: { quarter: number; records: number }[];
}

/** The assessment figures of a year (or one quarter) per agency, kept by the projection (assessment-figures.ts). */
export interface AssessmentFiguresQuery {
  agencies: string[];
  year: number;
  quarter?: number;
  /** The report date, epoch ms: numerators reached after it are counted in `late`. */
  asOfMs: number;
}

export interface AssessmentFigureCountRow {
  agency_id: string;
  figure: string;
  n: number;
}

/** The counters summed per agency and figure, and the entries of the report-date numerators reached after the report date. */
export interface AssessmentFigureCounts {
  counts: AssessmentFigureCountRow[];
  late: AssessmentFigureCountRow[];
}

/** A page of the cases behind one figure, in (case, order) order after the cursor. */
export interface AssessmentCasesQuery extends AssessmentFiguresQuery {
  figure: string;
  after?: { caseId: string; orderId: string };
  limit: number;
}

export interface AssessmentCaseRow {
  case_id: string;
  order_id: string;
  agency_id: string;
}

/** The drill-down's order: by case, then by rectification order (every implementation merges agencies alike). */
export const byCaseAndOrder = (a: AssessmentCaseRow, b: AssessmentCaseRow): number =>
  a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0;

export interface ConsistencyQuery {
  agencies: string[];
  /** Decided in [from, to), moments with offset; all years when absent. */
  period?: [string, string];
}

/** Decided fines counted by group, fine, agency and kind of party (what the consistency report's statistics need). */
export interface FineCountRow {
  violation_code: string;
  discretion_level: string;
  agency_id: string;
  party_kind: string;
  fine_yuan: number;
  n: number;
}

/** The decided cases of one group whose fine lies outside the bounds given for their kind of party. */
export interface FineOutliersQuery extends ConsistencyQuery {
  violationCode: string;
  discretionLevel: string;
  /** Per kind of party: fines below `lo` or above `hi` are outliers. */
  bounds: { partyKind: string; lo: number; hi: number }[];
  limit: number;
}

export interface DecisionRow {
  case_id: string;
  agency_id: string;
  violation_code: string;
  discretion_level: string;
  fine_yuan: number;
  party_kind: string;
}

/**
 * Deadlines still owed (the open-deadlines read model): of the agencies in scope, or of the cases an officer handles;
 * due on calendar days in [dueFrom, dueTo] (either bound optional); paused ones never; missed ones unless `openOnly`.
 */
export interface OpenDeadlinesQuery {
  agencies?: string[];
  officerId?: string;
  dueFrom?: string;
  dueTo?: string;
  openOnly?: boolean;
  limit: number;
  offset: number;
}

/** An open or missed deadline (paused ones are not listed) with its case's number, party and officers. */
export interface OpenDeadlineRow extends Omit<OpenDeadlineRecord, 'status'> {
  status: 'open' | 'missed';
  case_no: string | null;
  party_name: string;
  officer_ids: string;
}

/**
 * Cases awaiting someone: a case matches when it matches one branch — its agency among the branch's, its stage among
 * the branch's stages and, when the branch names one, the officer among its handling officers.
 */
export interface AwaitingQuery {
  branches: { agencies: string[]; stages: string[]; officerId?: string }[];
  limit: number;
  offset: number;
}

export interface CheckpointRow {
  name: string;
  version: number;
  position: number;
}

export interface ReadModels {
  /** 'none': no read models for this store (every query answers 501). */
  readonly kind: 'sqlite' | 'postgres' | 'none';
  /** Throws the 501 problem when there are no read models. */
  assertAvailable(): void;
  /** `more`: cases follow the page in the order. */
  searchCases(q: CaseSearchQuery): Promise<{ total: number; rows: CaseIndexRow[]; more: boolean }>;
  auditTrail(q: AuditQuery): Promise<AuditTrailRow[]>;
  interferenceRegister(q: InterferenceQuery): Promise<InterferenceRecordRow[]>;
  /** Records per agency of the case in [from, to), hiding the reader's own cases as approving head. */
  interferenceCounts(q: { from: string; to: string; readerId: string }): Promise<{ agencyId: string; records: number }[]>;
  publicDecisions(q: PublicDecisionsQuery): Promise<PublicDecisionRow[]>;
  assessment(q: AssessmentQuery): Promise<AssessmentFacts>;
  /** The report's counts, from the counters (a few rows per agency, whatever the history). */
  assessmentFigures(q: AssessmentFiguresQuery): Promise<AssessmentFigureCounts>;
  /** Keyset page of the cases behind one figure. */
  assessmentCases(q: AssessmentCasesQuery): Promise<AssessmentCaseRow[]>;
  /** The overdue cases per combination of kinds, and the interference records per quarter of the year. */
  assessmentExtras(
    q: AssessmentQuery,
  ): Promise<Pick<AssessmentFacts, 'interferenceByQuarter'> & { overdue: { overdue: string; n: number }[] }>;
  consistencyDecisions(q: ConsistencyQuery): Promise<DecisionRow[]>;
  /** Ordered by violation code, level, fine, agency, kind of party: one row per distinct fine, not per case. */
  consistencyFineCounts(q: ConsistencyQuery): Promise<FineCountRow[]>;
  /** Ordered by fine, agency, stage, case id (as consistencyDecisions orders a group), at most `limit`. */
  consistencyOutliers(q: FineOutliersQuery): Promise<DecisionRow[]>;
  openDeadlines(q: OpenDeadlinesQuery): Promise<{ total: number; rows: OpenDeadlineRow[] }>;
  /** Newest activity first. */
  casesAwaiting(q: AwaitingQuery): Promise<{ total: number; rows: CaseIndexRow[] }>;
  /** The projections' checkpoints, by name ([] before the first has been made). */
  checkpoints(): Promise<CheckpointRow[]>;
  /** The deadline scheduler's due deadlines (the deadline-watch read model): an index range on their end. */
  dueDeadlines(q: DueDeadlinesQuery): Promise<DueDeadline[]>;
  close(): Promise<void>;
}
