import type { operations } from '../api/schema';

/** GET /interference filters, as the API declares them. */
export type InterferenceQuery = NonNullable<operations['InterferenceController_register']['parameters']['query']>;

/** One row of GET /interference (apps/api/src/read-models/read-models.ts InterferenceRecordRow). */
export interface InterferenceRecord {
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
}

/** GET /interference/quarterly-report: every agency in scope, zero reports included. */
export interface QuarterlyReport {
  year: number;
  quarter: number;
  agencies: { agencyId: string; agencyName?: string; records: number; zeroReport: boolean }[];
}

/** The quarter a moment falls in, in China Standard Time (the statutory calendar's). */
export function quarterOf(date: Date): { year: number; quarter: number } {
  const shanghai = new Date(date.getTime() + 8 * 3600_000);
  return { year: shanghai.getUTCFullYear(), quarter: Math.floor(shanghai.getUTCMonth() / 3) + 1 };
}

/** The last ten years, newest first: the periods a register is asked about. */
export function recentYears(now: number): { value: number; label: string }[] {
  return Array.from({ length: 10 }, (_, i) => ({ value: now - i, label: `${now - i} 年` }));
}

export const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }));
