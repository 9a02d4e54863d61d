import { DiscretionLevel, Party } from '../case-types';

/**
 * 裁量基准 (docs/supervision.md §5, 一把尺子量到底): violation code → circumstance level → fine range by party kind.
 * The shipped table is sample data; a real provincial table is loaded from configuration.
 */
export interface DiscretionBenchmark {
  id: string;
  sample?: boolean;
  entries: {
    code: string;
    description: string;
    provision: string;
    ranges: Partial<Record<DiscretionLevel, Partial<Record<Party['kind'], [number, number]>>>>;
  }[];
}

/** The fine range for a code, level and party kind, or undefined when the benchmark has none. */
export function benchmarkRange(
  b: DiscretionBenchmark | undefined,
  code: string | undefined,
  level: DiscretionLevel | undefined,
  party: Party['kind'],
): [number, number] | undefined {
  if (!b || !code || !level) return undefined;
  return b.entries.find((e) => e.code === code)?.ranges[level]?.[party];
}

/** Checks a benchmark read from a file; returns every problem (empty when valid). */
export function validateBenchmark(raw: unknown): string[] {
  const b = raw as Partial<DiscretionBenchmark> | null;
  if (!b || typeof b.id !== 'string' || !Array.isArray(b.entries)) return ['needs "id" and an "entries" array'];
  const problems: string[] = [];
  b.entries.forEach((e, i) => {
    if (!e?.code) problems.push(`entries[${i}].code: required`);
    for (const [level, byParty] of Object.entries(e?.ranges ?? {}))
      for (const [kind, range] of Object.entries(byParty ?? {}))
        if (!Array.isArray(range) || range.length !== 2 || !(range[0] >= 0) || !(range[1] >= range[0]))
          problems.push(`entries[${i}].ranges.${level}.${kind}: needs [min, max] with 0 ≤ min ≤ max`);
  });
  return problems;
}
