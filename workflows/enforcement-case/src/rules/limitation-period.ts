import type { CriminalIndicators, IsoDate, Violation } from '../case-types';
import type { RulesVersion } from './rules-version';

function addYears(date: IsoDate, years: number): IsoDate {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/**
 * 行政处罚法第三十六条: the limitation period is two years, five where citizens' life or health safety is involved and
 * there were harmful consequences (deaths or serious injuries), in the years the rules version in force sets.
 */
export function limitationYears(limitation: RulesVersion['limitationYears'], indicators?: CriminalIndicators): number {
  const lifeOrHealth = (indicators?.deaths ?? 0) > 0 || (indicators?.seriousInjuries ?? 0) > 0;
  return lifeOrHealth ? limitation.lifeOrHealth : limitation.general;
}

/** The violations discovered only after the limitation period had run out since they were committed, as "what: from → to". */
export function violationsPastLimitation(violations: readonly Partial<Violation>[], discoveredAt: IsoDate, years: number): string[] {
  return violations
    .filter((v) => v.committedOn && addYears(v.committedOn, years) < discoveredAt)
    .map((v) => `${v.description ?? ''}: ${v.committedOn} → ${discoveredAt}`);
}
