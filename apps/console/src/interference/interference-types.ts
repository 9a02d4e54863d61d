import type { operations } from '../api/schema';

/** GET /interference filters, as the API declares them. */
export type InterferenceQuery = NonNullable<operations['InterferenceController_register']['parameters']['query']>;

/** GET /interference and its quarterly report, as the API's OpenAPI document declares them. */
export type { InterferenceRecord, InterferenceQuarterlyReport as QuarterlyReport } from '../api/types';

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
