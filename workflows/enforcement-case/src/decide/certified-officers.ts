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
    const p = people.person(id);
    const cert = p?.certificate;
    if (!p) problems.push(`${id}: 不是登记的执法人员 (not a registered officer)`);
    else if (p.agencyId !== agencyId) problems.push(`${p.name} (${id}): 不属于本机关 (not of this agency)`);
    else if (!cert) problems.push(`${p.name} (${id}): 无执法证 (no enforcement certificate)`);
    else if (cert.status !== 'valid') problems.push(`${p.name} (${id}): 执法证 ${cert.number} 状态为 ${cert.status}`);
    else if (on < cert.validFrom || on > cert.validUntil)
      problems.push(`${p.name} (${id}): 执法证 ${cert.number} 在 ${on} 无效 (valid ${cert.validFrom}..${cert.validUntil})`);
  }
  if (distinct.length < 2) problems.push(`只有 ${distinct.length} 名执法人员 (only ${distinct.length} distinct officer(s))`);
  return problems.length ? violation('twoCertifiedOfficers', problems.join('; ')) : null;
}
