import { IsoDate } from '../case-types';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { PeopleLookup } from './decision-env';

/**
 * 两人以上执法 (行政处罚法 Art. 42, 55): at least two distinct officers, each holding an enforcement certificate
 * of the agency that is valid on the day the step happened. Names every officer who does not qualify.
 */
export function twoCertifiedOfficers(
  officerIds: string[],
  agencyId: string,
  on: IsoDate,
  people: PeopleLookup,
): RuleViolation | null {
  const problems: string[] = [];
  const distinct = [...new Set(officerIds)];
  for (const id of distinct) {
    const problem = certificateProblem(id, agencyId, on, people);
    if (problem) problems.push(problem);
  }
  if (distinct.length < 2) problems.push(`只有 ${distinct.length} 名执法人员 (only ${distinct.length} distinct officer(s))`);
  return problems.length ? violation('twoCertifiedOfficers', problems.join('; ')) : null;
}

/**
 * Why this person may not act as an enforcement officer of the agency on that day (行政处罚法 Art. 42: 执法人员应当
 * 具有行政执法资格), or null when they may: registered, of the agency, holding a certificate valid that day.
 */
export function certificateProblem(id: string, agencyId: string, on: IsoDate, people: PeopleLookup): string | null {
  const p = people.person(id);
  const cert = p?.certificate;
  if (!p) return `${id}: 不是登记的执法人员 (not a registered officer)`;
  if (p.agencyId !== agencyId) return `${p.name} (${id}): 不属于本机关 (not of this agency)`;
  if (!cert) return `${p.name} (${id}): 无执法证 (no enforcement certificate)`;
  if (cert.status !== 'valid') return `${p.name} (${id}): 执法证 ${cert.number} 状态为 ${cert.status}`;
  if (on < cert.validFrom || on > cert.validUntil) return `${p.name} (${id}): 执法证 ${cert.number} 在 ${on} 无效 (valid ${cert.validFrom}..${cert.validUntil})`;
  return null;
}
