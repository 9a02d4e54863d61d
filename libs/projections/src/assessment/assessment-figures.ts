/**
 * The assessment report's figures kept as they change (docs/supervision.md §4): which numerators and denominators of
 * the six rates a case (and each of its rectification orders) counts in, and in which Shanghai year and quarter. The
 * report sums counters per agency, year and quarter; the drill-down pages the cases behind one figure by keyset.
 */

export const ASSESSMENT_RATE_KEYS = ['handling', 'legal_basis_accuracy', 'timely_closure', 'execution', 'reinspection'] as const;
export type AssessmentRate = (typeof ASSESSMENT_RATE_KEYS)[number];

/** One figure of the report: a rate's numerator or denominator. 立案数量 is 查处率's denominator (cases filed in the period). */
export type AssessmentFigure = `${AssessmentRate}.${'numerator' | 'denominator'}`;
export const ASSESSMENT_FIGURES = ASSESSMENT_RATE_KEYS.flatMap((r) => [`${r}.numerator`, `${r}.denominator`]) as AssessmentFigure[];

/** The numerators that count a case only when it got there by the report date (查处率, 执行到位率, 整改复查率). */
export const AS_OF_FIGURES: AssessmentFigure[] = ['handling.numerator', 'execution.numerator', 'reinspection.numerator'];

/** A case (or one of its orders, `orderId`) behind a figure; `atMs` is when it reached the numerator, for the report date. */
export interface FigureEntry {
  agencyId: string;
  year: number;
  quarter: number;
  figure: AssessmentFigure | `industry:${string}`;
  caseId: string;
  orderId: string;
  atMs: number | null;
}

/** The assessment_case columns the figures read. */
export interface FigureCase {
  case_id: string;
  agency_id: string;
  industry: string;
  filed_at: string | null;
  concluded_at: string | null;
  decided_at: string | null;
  decision_kind: string | null;
  timely: number | null;
  basis_correct: number | null;
  overturned: number;
  executed_at: string | null;
  closed_at: string | null;
}

/** The assessment_rectification columns the figures read. */
export interface FigureOrder {
  order_id: string;
  due_date: string;
  reinspection_due_at: string | null;
  reinspected_at: string | null;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A moment as SQLite's julianday() reads it (no offset: UTC), in epoch milliseconds; null where it reads NULL. */
export function momentMs(text: string | null): number | null {
  const m = text === null ? null : MOMENT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0${frac || '.0'}`) * 1000));
  if (zone.toUpperCase() === 'Z') return utc;
  const digits = zone.replace(':', '');
  const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  return digits[0] === '+' ? utc - offset : utc + offset;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai (UTC+8) year and quarter of a moment, as the report's periods bound it. */
function periodOf(ms: number | null): { year: number; quarter: number } | null {
  if (ms === null) return null;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

/** The year and quarter of a due date (a calendar day, compared as text with the period's days). */
function periodOfDay(day: string): { year: number; quarter: number } | null {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(day);
  return m ? { year: +m[1], quarter: Math.floor((+m[2] - 1) / 3) + 1 } : null;
}

/** Every figure a case and its orders count in, as the report's questions ask them of the assessment tables. */
export function figureEntries(c: FigureCase, orders: FigureOrder[]): FigureEntry[] {
  const out: FigureEntry[] = [];
  const add = (
    period: { year: number; quarter: number } | null,
    figure: FigureEntry['figure'],
    atMs: number | null = null,
    orderId = '',
  ) => {
    if (period) out.push({ agencyId: c.agency_id, ...period, figure, caseId: c.case_id, orderId, atMs });
  };
  const filed = periodOf(momentMs(c.filed_at));
  add(filed, 'handling.denominator');
  add(filed, `industry:${c.industry}`);
  const concluded = momentMs(c.concluded_at);
  if (concluded !== null) add(filed, 'handling.numerator', concluded);
  const decided = periodOf(momentMs(c.decided_at));
  add(decided, 'legal_basis_accuracy.denominator');
  if ((c.basis_correct ?? 0) === 1 && c.overturned === 0) add(decided, 'legal_basis_accuracy.numerator');
  const closed = periodOf(momentMs(c.closed_at));
  add(closed, 'timely_closure.denominator');
  if ((c.timely ?? 0) === 1) add(closed, 'timely_closure.numerator');
  if (c.decision_kind === 'penalty') {
    add(decided, 'execution.denominator');
    const executed = momentMs(c.executed_at);
    if (executed !== null) add(decided, 'execution.numerator', executed);
  }
  for (const o of orders) {
    const due = periodOfDay(o.due_date);
    add(due, 'reinspection.denominator', null, o.order_id);
    const reinspected = momentMs(o.reinspected_at);
    const window = o.reinspection_due_at === null ? reinspected : momentMs(o.reinspection_due_at);
    if (reinspected !== null && window !== null && reinspected <= window) add(due, 'reinspection.numerator', reinspected, o.order_id);
  }
  return out;
}

/** An entry's identity in the drill-down index (its primary key). */
export const entryKey = (e: FigureEntry) => `${e.agencyId}\u0000${e.year}\u0000${e.figure}\u0000${e.caseId}\u0000${e.orderId}`;
/** The counter an entry adds one to. */
export const counterKey = (e: FigureEntry) => `${e.agencyId}\u0000${e.year}\u0000${e.quarter}\u0000${e.figure}`;

/** What changed between a batch's figures before and after: index entries to delete and insert, and counter deltas. */
export interface FigureDiff {
  removed: FigureEntry[];
  added: FigureEntry[];
  /** Per counter key: the entry that names it, the delta, and the smallest case id that moved it (a new row's seed). */
  counters: Map<string, { entry: FigureEntry; delta: number; seed: string }>;
}

export function diffFigures(before: FigureEntry[], after: FigureEntry[]): FigureDiff {
  const old = new Map(before.map((e) => [entryKey(e), e]));
  const now = new Map(after.map((e) => [entryKey(e), e]));
  const same = (a: FigureEntry, b: FigureEntry) => a.quarter === b.quarter && a.atMs === b.atMs;
  const removed = [...old].filter(([k, e]) => !now.has(k) || !same(e, now.get(k)!)).map(([, e]) => e);
  const added = [...now].filter(([k, e]) => !old.has(k) || !same(e, old.get(k)!)).map(([, e]) => e);
  const counters = new Map<string, { entry: FigureEntry; delta: number; seed: string }>();
  const count = (e: FigureEntry, delta: number) => {
    const k = counterKey(e);
    const c = counters.get(k);
    if (c) {
      c.delta += delta;
      if (e.caseId < c.seed) c.seed = e.caseId;
    } else counters.set(k, { entry: e, delta, seed: e.caseId });
  };
  for (const e of removed) count(e, -1);
  for (const e of added) count(e, +1);
  for (const [k, c] of counters) if (c.delta === 0) counters.delete(k);
  // Industry figures are counted only: the drill-down index holds the rates' cases.
  const indexed = (entries: FigureEntry[]) => entries.filter((e) => !e.figure.startsWith('industry:'));
  return { removed: indexed(removed), added: indexed(added), counters };
}
