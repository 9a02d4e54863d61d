import { IsoDate } from '../case-types';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { CertificateStatus, EnforcementCertificate, PeopleLookup, PersonRecord } from './decision-env';

const STATUS_ZH: Record<CertificateStatus, string> = { valid: '有效', suspended: '暂扣', revoked: '吊销' };

/**
 * The status a certificate had on a date: the latest status period that began on or before it. Suspension and
 * revocation take effect from the date their decision names, so before that date the certificate counted as valid.
 */
export function certificateStatusOn(cert: EnforcementCertificate, on: IsoDate): { status: CertificateStatus; from?: IsoDate } {
  let found: { status: CertificateStatus; from?: IsoDate } = { status: 'valid' };
  for (const p of cert.statusHistory ?? []) if (p.from <= on) found = p;
  if (cert.statusFrom === undefined || cert.statusFrom <= on) found = { status: cert.status, from: cert.statusFrom };
  return found;
}

/**
 * The certificate that governs a date: the current one from its validFrom on; before that, the latest earlier
 * certificate (a renewal replaces the old one only from the new one's first day). Falls back to the current one.
 */
export function certificateOn(
  person: Pick<PersonRecord, 'certificate' | 'certificateHistory'>,
  on: IsoDate,
): EnforcementCertificate | undefined {
  const current = person.certificate;
  if (!current || on >= current.validFrom) return current;
  const earlier = [...(person.certificateHistory ?? [])].reverse().find((c) => c.validFrom <= on);
  return earlier ?? current;
}

/** True when the certificate counted as valid on the date (within its term and not suspended or revoked then). */
export function certificateValidOn(cert: EnforcementCertificate, on: IsoDate): boolean {
  return on >= cert.validFrom && on <= cert.validUntil && certificateStatusOn(cert, on).status === 'valid';
}

/**
 * 两人以上执法 (行政处罚法 Art. 42, 55): at least two distinct officers, each holding an enforcement certificate
 * of the agency that is valid on the day the step happened. Names every officer who does not qualify.
 */
export function twoCertifiedOfficers(officerIds: string[], agencyId: string, on: IsoDate, people: PeopleLookup): RuleViolation | null {
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
 * 具有行政执法资格), or null when they may: registered, of the agency, not deactivated by then, holding a certificate
 * that was in its term and neither suspended nor revoked on that day (a later suspension does not reach back).
 */
export function certificateProblem(id: string, agencyId: string, on: IsoDate, people: PeopleLookup): string | null {
  const p = people.person(id);
  if (!p) return `${id}: 不是登记的执法人员 (not a registered officer)`;
  if (p.agencyId !== agencyId) return `${p.name} (${id}): 不属于本机关 (not of this agency)`;
  if (p.inactiveFrom && on >= p.inactiveFrom)
    return `${p.name} (${id}): 自 ${p.inactiveFrom} 起已停用 (deactivated from ${p.inactiveFrom})`;
  const cert = certificateOn(p, on);
  if (!cert) return `${p.name} (${id}): 无执法证 (no enforcement certificate)`;
  const status = certificateStatusOn(cert, on);
  if (status.status !== 'valid')
    return status.from
      ? `${p.name} (${id}): 执法证 ${cert.number} 自 ${status.from} 起${STATUS_ZH[status.status]} (${status.status} from ${status.from})`
      : `${p.name} (${id}): 执法证 ${cert.number} 状态为 ${status.status}`;
  if (on < cert.validFrom || on > cert.validUntil)
    return `${p.name} (${id}): 执法证 ${cert.number} 在 ${on} 无效 (valid ${cert.validFrom}..${cert.validUntil})`;
  return null;
}
