import { shanghaiPeriod, shanghaiYearOf } from '@app/calendar';
import { AS_OF_FIGURES, AssessmentFigure, momentMs } from '@app/projections';
import { ProblemException, problem } from '../problem/problem';
import { AssessmentCaseRow, AssessmentRateKey, ReadModels } from '../read-models/read-models';

/** The rates after 立案数量, in the order of the policy's list, with their names (the one source for readers). */
export const RATES: [AssessmentRateKey, string, string][] = [
  ['handling', '查处率', 'handling rate'],
  ['legal_basis_accuracy', '法律适用准确率', 'legal-basis accuracy'],
  ['timely_closure', '及时结案率', 'timely closure'],
  ['execution', '执行到位率', 'execution rate'],
  ['reinspection', '整改复查率', 're-inspection rate'],
];

/** 立案数量 is 查处率's denominator: the cases filed in the period. */
export const FILED_FIGURE: AssessmentFigure = 'handling.denominator';

/** Whose figures, of which period, as of when: what the report and its drill-down both resolve from a query. */
export interface FigureScope {
  agencies: string[];
  year: number;
  quarter?: number;
  asOf: string;
}

export function figureScope(agencies: string[], q: { year?: number; quarter?: number; asOf?: string }, now: string): FigureScope {
  const asOf = q.asOf ?? now;
  return { agencies, year: q.year ?? shanghaiYearOf(asOf), ...(q.quarter ? { quarter: q.quarter } : {}), asOf };
}

/** The period's bounds as the older report queries take them. */
export function periodOf(s: FigureScope) {
  const { from, to, fromDay, toDay } = shanghaiPeriod(s.year, s.quarter);
  const wholeYear = shanghaiPeriod(s.year);
  return { from, to, fromDay, toDay, asOf: s.asOf, yearFrom: wholeYear.from, yearTo: wholeYear.to };
}

/**
 * Each agency's figures from the counters: the period's counts, less the report-date numerators reached after the
 * report date. A few rows per agency, whatever the history.
 */
/** The report date as the projection reads moments (julianday's reading: no offset is UTC). */
export const asOfMs = (s: FigureScope) => momentMs(s.asOf) ?? Date.parse(s.asOf);

export async function countFigures(readModels: ReadModels, s: FigureScope): Promise<(agencyId: string, figure: string) => number> {
  const { counts, late } = await readModels.assessmentFigures({ ...s, asOfMs: asOfMs(s) });
  const n = new Map<string, number>();
  for (const r of counts) n.set(`${r.agency_id}\u0000${r.figure}`, (n.get(`${r.agency_id}\u0000${r.figure}`) ?? 0) + r.n);
  for (const r of late) n.set(`${r.agency_id}\u0000${r.figure}`, (n.get(`${r.agency_id}\u0000${r.figure}`) ?? 0) - r.n);
  return (agencyId, figure) => n.get(`${agencyId}\u0000${figure}`) ?? 0;
}

export const isAsOfFigure = (figure: string) => (AS_OF_FIGURES as string[]).includes(figure);

/** An opaque keyset cursor: the last (case, order) of the page before. */
export const encodeCursor = (row: AssessmentCaseRow) => Buffer.from(JSON.stringify([row.case_id, row.order_id])).toString('base64url');

export function decodeCursor(after: string): { caseId: string; orderId: string } {
  try {
    const [caseId, orderId] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof caseId === 'string' && typeof orderId === 'string') return { caseId, orderId };
  } catch {
    // fall through to the 400 below
  }
  const detail = '游标无效：请使用上一页返回的 next (not a cursor this report returned)';
  throw new ProblemException(
    problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
      detail,
      errors: [{ field: 'after', message: detail, constraints: {} }],
    }),
  );
}

/** The drill-down link of a figure, for the same scope, period and report date. */
export function casesHref(figure: AssessmentFigure, agencyId: string, includeSubordinates: boolean, s: FigureScope): string {
  const q = new URLSearchParams({
    figure,
    agencyId,
    ...(includeSubordinates ? { includeSubordinates: 'true' } : {}),
    year: String(s.year),
  });
  if (s.quarter) q.set('quarter', String(s.quarter));
  q.set('asOf', s.asOf);
  return `/api/v1/reports/assessment/cases?${q.toString()}`;
}
