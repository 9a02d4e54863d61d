import { addDays, compareDates, yearOf } from '@app/calendar';
import { Directory, User } from '@app/directory';
import { IsoDate, RulesVersion, StaffingRules, certificateOn, certificateStatusOn, certificateValidOn } from '@workflows/enforcement-case';

export interface ExpiringCertificate {
  userId: string;
  name: string;
  certificateNumber: string;
  validUntil: IsoDate;
  /** Calendar days from asOf to the last valid day (0: it ends on asOf). */
  daysLeft: number;
}

export interface InvalidCertificate {
  userId: string;
  name: string;
  certificateNumber: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** Why it does not count on asOf. */
  state: 'expired' | 'suspended' | 'revoked' | 'not_yet_valid';
  /** Since when (the suspension's or revocation's effective date, the first day after the term, or the first day of it). */
  since: IsoDate;
}

export interface TrainingLine {
  userId: string;
  name: string;
  hours: number;
  met: boolean;
}

export interface AgencyStaffing {
  agencyId: string;
  name: string;
  level: string;
  /** 在职人员: the agency's active users. */
  onDuty: number;
  onDutyUserIds: string[];
  /** 专业监管执法人员: on-duty users whose enforcement certificate is valid on asOf. */
  certified: number;
  certifiedUserIds: string[];
  /** certified / onDuty (null without staff). */
  certifiedShare: number | null;
  /** The target where it applies at this agency's level, else null. */
  target: number | null;
  /** certifiedShare ≥ target (以上 includes the target itself); null where no target applies or nobody is on duty. */
  targetMet: boolean | null;
  expiringSoon: ExpiringCertificate[];
  notValid: InvalidCertificate[];
  training: { year: number; minimumHours: number; users: TrainingLine[]; below: (TrainingLine & { shortfall: number })[] };
}

const byId = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);

function invalidState(u: User, asOf: IsoDate): InvalidCertificate | undefined {
  const cert = certificateOn(u, asOf);
  if (!cert || certificateValidOn(cert, asOf)) return undefined;
  const base = { userId: u.id, name: u.name, certificateNumber: cert.number, validFrom: cert.validFrom, validUntil: cert.validUntil };
  const status = certificateStatusOn(cert, asOf);
  if (status.status !== 'valid') return { ...base, state: status.status, since: status.from ?? cert.validFrom };
  if (asOf < cert.validFrom) return { ...base, state: 'not_yet_valid', since: cert.validFrom };
  return { ...base, state: 'expired', since: addDays(cert.validUntil, 1) };
}

/**
 * 执法人员配备与培训 (郴政办发〔2016〕19号 §16) for each agency, as of a date, with the parameters of the rules version in
 * force then: who is on duty, who holds a certificate valid that day and their share against the target, whose
 * certificate ends within the warning window, whose does not count (expired, suspended, revoked), and each person's
 * training hours of that year against the yearly minimum.
 *
 * On-duty staff are the registry's active users now (the registry keeps no dated headcount); certificates and
 * training are judged as of `asOf`.
 */
export function staffingReport(
  dir: Directory,
  agencyIds: string[],
  asOf: IsoDate,
  rules: RulesVersion & { staffing: StaffingRules },
): AgencyStaffing[] {
  const s = rules.staffing;
  const year = yearOf(asOf);
  return agencyIds.map((agencyId) => {
    const agency = dir.agency(agencyId)!;
    const staff = dir
      .listUsers()
      .filter((u) => u.agencyId === agencyId && u.active)
      .sort((a, b) => a.id.localeCompare(b.id));
    const certified = staff.filter((u) => {
      const c = certificateOn(u, asOf);
      return !!c && certificateValidOn(c, asOf);
    });
    const share = staff.length ? certified.length / staff.length : null;
    const target = s.certifiedShare.levels.includes(agency.level) ? s.certifiedShare.target : null;
    const expiringSoon = certified
      .map((u): ExpiringCertificate => {
        const c = certificateOn(u, asOf)!;
        return {
          userId: u.id,
          name: u.name,
          certificateNumber: c.number,
          validUntil: c.validUntil,
          daysLeft: compareDates(c.validUntil, asOf),
        };
      })
      .filter((e) => e.daysLeft <= s.certificateExpiryWarningDays.days)
      .sort((a, b) => a.daysLeft - b.daysLeft || byId(a, b));
    const training = staff.map((u): TrainingLine => {
      const hours = u.trainingHoursByYear[String(year)] ?? 0;
      return { userId: u.id, name: u.name, hours, met: hours >= s.trainingHoursPerYear.hours };
    });
    return {
      agencyId,
      name: agency.name,
      level: agency.level,
      onDuty: staff.length,
      onDutyUserIds: staff.map((u) => u.id),
      certified: certified.length,
      certifiedUserIds: certified.map((u) => u.id),
      certifiedShare: share,
      target,
      // Compared as counts (certified ≥ target × on duty), so 6 of 8 meets 75% without floating-point doubt.
      targetMet: target === null || share === null ? null : certified.length >= target * staff.length - 1e-9,
      expiringSoon,
      notValid: staff.map((u) => invalidState(u, asOf)).filter((x): x is InvalidCertificate => !!x),
      training: {
        year,
        minimumHours: s.trainingHoursPerYear.hours,
        users: training,
        below: training.filter((t) => !t.met).map((t) => ({ ...t, shortfall: s.trainingHoursPerYear.hours - t.hours })),
      },
    };
  });
}
