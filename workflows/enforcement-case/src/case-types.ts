/** Shared value types of an enforcement case (names and enumerations fixed by the officers' API contract). */

export type IsoDate = string; // YYYY-MM-DD, Asia/Shanghai
export type IsoDateTime = string; // ISO-8601 with offset

export const CASE_SOURCES = ['inspection', 'complaint', 'referral', 'accident', 'other'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Key industries of policy §5 (重点行业领域). */
export const INDUSTRIES = [
  'mining',
  'hazardous_chemicals',
  'fireworks',
  'construction',
  'gas',
  'crowded_places_fire',
  'school_safety',
  'environment',
  'special_equipment',
  'food_drug',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** 当事人: an organisation (统一社会信用代码) or an individual (居民身份证号). */
export type Party =
  | { kind: 'organization'; name: string; creditCode: string; legalRepresentative?: string; address?: string }
  | { kind: 'individual'; name: string; idNumber: string; address?: string };

export interface Violation {
  code?: string;
  description: string;
  provisions: string[];
  /** When the violation was committed, for the limitation period (行政处罚法 Art. 36). */
  committedOn?: IsoDate;
}

export interface CriminalIndicators {
  deaths?: number;
  seriousInjuries?: number;
  directLossYuan?: number;
}

export const PENALTY_KINDS = [
  'warning',
  'fine',
  'confiscation',
  'suspend_production',
  'revoke_license',
  'close',
  'restrict_practice',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export interface Penalty {
  kind: PenaltyKind;
  amountYuan?: number;
  days?: number;
}

export const EVIDENCE_KINDS = ['inquiry', 'inspection', 'sampling', 'photo', 'audio_video', 'document', 'appraisal'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const OUTCOMES = ['penalty', 'no_penalty_minor', 'no_penalty_unproven', 'transfer'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DISCRETION_LEVELS = ['slight', 'general', 'serious', 'very_serious'] as const;
export type DiscretionLevel = (typeof DISCRETION_LEVELS)[number];

export const SERVICE_METHODS = ['direct', 'left_at_address', 'post', 'electronic', 'entrusted', 'public_notice'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const WAIVABLE_RIGHTS = ['statement', 'hearing'] as const;
export type WaivableRight = (typeof WAIVABLE_RIGHTS)[number];

export const INTERVENER_RELATIONS = ['leading_cadre', 'internal_staff', 'relative_or_staff_of_cadre', 'other'] as const;
export const INTERFERENCE_MEANS = ['in_person', 'phone', 'text_message', 'letter', 'through_another_person', 'other'] as const;

/** The crimes of a work-safety case referred to the police (刑法第一百三十四条至第一百三十九条之一), or another. */
export const OFFENSES = [
  'major_liability_accident',
  'forced_risky_operation',
  'major_labor_safety_accident',
  'dangerous_goods_accident',
  'fire_liability_accident',
  'failure_to_report_accident',
  'other',
] as const;
export type Offense = (typeof OFFENSES)[number];

export interface Intervener {
  name: string;
  unit: string;
  post: string;
  relation: (typeof INTERVENER_RELATIONS)[number];
}

/** Sum of the fines in a list of penalties, in yuan. */
export function totalFineYuan(penalties: readonly Penalty[] | undefined): number {
  return (penalties ?? []).filter((p) => p.kind === 'fine').reduce((sum, p) => sum + (p.amountYuan ?? 0), 0);
}

/** What an officer states when opening a case (open-case), and what CaseOpened records of it. */
export interface CaseFacts {
  agencyId: string;
  source: CaseSource;
  industry: Industry;
  party: Party;
  violations: Violation[];
  discoveredAt: IsoDate;
  handlingOfficerIds: string[];
  summary: string;
  criminalIndicators?: CriminalIndicators;
}
