import { IsoDate } from '../case-types';

/** How a statutory period is counted (docs/procedure.md §1). */
export interface PeriodRule {
  unit: 'working_days' | 'calendar_days' | 'months';
  n: number;
  /** The law that sets it, quoted into the deadline so a reader can check it. */
  source: string;
}

export const PERIOD_NAMES = [
  'decisionFromFiling',
  'handlingPeriod',
  'statement',
  'hearingRequest',
  'hearingNotice',
  'service',
  'publication',
  'payment',
  'reconsiderationWindow',
  'litigationWindow',
  'seizureTerm',
  'seizureExtension',
  'enforcementUrge',
  'courtApplicationWindow',
  'reinspection',
  'referralApproval',
  'policeDecision',
  'policeReconsiderationRequest',
  'handover',
  'handlingExtensionHead',
  'handlingExtensionUpper',
] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

export const AGENCY_LEVELS = ['city', 'county', 'township'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/**
 * Staffing parameters of the enforcement agencies (郴政办发〔2016〕19号 §16), read by the staffing report. Each value
 * carries the text it comes from, so a reader can check it.
 */
export interface StaffingRules {
  /** Share of on-duty staff who must hold a valid enforcement certificate, at the agency levels it applies to. */
  certifiedShare: { target: number; levels: AgencyLevel[]; source: string };
  /** Minimum professional training per on-duty person per calendar year, in hours. */
  trainingHoursPerYear: { hours: number; source: string };
  /** How many days ahead of a certificate's end the report warns (time to arrange renewal). */
  certificateExpiryWarningDays: { days: number; source: string };
}

/** One version of the legal parameters that vary by province or year (docs/procedure.md §2). */
export interface RulesVersion {
  id: string;
  effectiveFrom: IsoDate;
  /** When true, cases filed before effectiveFrom switch to this version too. */
  appliesToPendingCases: boolean;
  periods: Record<PeriodName, PeriodRule>;
  hearingThresholdYuan: { organization: number; individual: number; source: string };
  limitationYears: { general: number; lifeOrHealth: number; source: string };
  /** Optional: a version without it has no staffing report parameters (the report then refuses, 422). */
  staffing?: StaffingRules;
}

export interface RulesBook {
  versions: RulesVersion[];
}

export class NoRulesVersionError extends Error {
  constructor(readonly date: IsoDate) {
    super(`没有在 ${date} 生效的规则版本 (no rules version in force on ${date})`);
    this.name = 'NoRulesVersionError';
  }
}

/** The version in force on a date: the latest effectiveFrom not after it. */
export function rulesInForce(book: RulesBook, date: IsoDate): RulesVersion {
  let found: RulesVersion | undefined;
  for (const v of book.versions) {
    if (v.effectiveFrom <= date && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  }
  if (!found) throw new NoRulesVersionError(date);
  return found;
}

/**
 * The version a case applies: the one in force on its filing date, unless a later version in force
 * today says it applies to pending cases.
 */
export function rulesForCase(book: RulesBook, filingDate: IsoDate, today: IsoDate): RulesVersion {
  const atFiling = rulesInForce(book, filingDate);
  const current = rulesInForce(book, today);
  return current.appliesToPendingCases && current.effectiveFrom > atFiling.effectiveFrom ? current : atFiling;
}

export function findRulesVersion(book: RulesBook, id: string): RulesVersion | undefined {
  return book.versions.find((v) => v.id === id);
}

/** Checks a rules book read from a file; returns every problem found (empty when valid). */
export function validateRulesBook(raw: unknown): string[] {
  const problems: string[] = [];
  const book = raw as Partial<RulesBook> | null;
  if (!book || !Array.isArray(book.versions) || book.versions.length === 0) return ['versions: must be a non-empty array'];
  const ids = new Set<string>();
  book.versions.forEach((v, i) => {
    const at = `versions[${i}]`;
    if (!v || typeof v.id !== 'string' || !v.id) problems.push(`${at}.id: required`);
    else if (ids.has(v.id)) problems.push(`${at}.id: duplicate "${v.id}"`);
    else ids.add(v.id);
    if (!v || typeof v.effectiveFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom))
      problems.push(`${at}.effectiveFrom: must be YYYY-MM-DD`);
    for (const name of PERIOD_NAMES) {
      const p = v?.periods?.[name];
      if (!p || !['working_days', 'calendar_days', 'months'].includes(p.unit) || !Number.isInteger(p.n) || p.n <= 0)
        problems.push(`${at}.periods.${name}: needs unit (working_days|calendar_days|months) and a positive integer n`);
    }
    const t = v?.hearingThresholdYuan;
    if (!t || !(t.organization > 0) || !(t.individual > 0))
      problems.push(`${at}.hearingThresholdYuan: organization and individual must be > 0`);
    const l = v?.limitationYears;
    if (!l || !(l.general > 0) || !(l.lifeOrHealth > 0)) problems.push(`${at}.limitationYears: general and lifeOrHealth must be > 0`);
    if (v?.staffing !== undefined) problems.push(...staffingProblems(v.staffing, `${at}.staffing`));
  });
  return problems;
}

const hasSource = (x: { source?: unknown } | undefined) => typeof x?.source === 'string' && x.source.trim() !== '';

function staffingProblems(raw: unknown, at: string): string[] {
  const s = raw as Partial<StaffingRules> | null;
  if (!s || typeof s !== 'object') return [`${at}: must be an object`];
  const problems: string[] = [];
  const share = s.certifiedShare;
  if (!share || typeof share.target !== 'number' || !(share.target > 0 && share.target <= 1))
    problems.push(`${at}.certifiedShare.target: must be a number in (0, 1]`);
  if (!share || !Array.isArray(share.levels) || !share.levels.length || !share.levels.every((l) => AGENCY_LEVELS.includes(l)))
    problems.push(`${at}.certifiedShare.levels: a non-empty list of ${AGENCY_LEVELS.join('|')}`);
  if (!hasSource(share)) problems.push(`${at}.certifiedShare.source: required`);
  const training = s.trainingHoursPerYear;
  if (!training || typeof training.hours !== 'number' || !(training.hours > 0))
    problems.push(`${at}.trainingHoursPerYear.hours: must be > 0`);
  if (!hasSource(training)) problems.push(`${at}.trainingHoursPerYear.source: required`);
  const warning = s.certificateExpiryWarningDays;
  if (!warning || !Number.isInteger(warning.days) || warning.days < 0)
    problems.push(`${at}.certificateExpiryWarningDays.days: must be an integer ≥ 0`);
  if (!hasSource(warning)) problems.push(`${at}.certificateExpiryWarningDays.source: required`);
  return problems;
}
