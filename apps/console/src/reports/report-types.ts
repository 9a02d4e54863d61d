// Answers of the report routes (apps/api/src/reports): the OpenAPI document describes requests only.

/** One agency of GET /reports/agencies. */
export interface ReportAgency {
  id: string;
  name: string;
  shortName: string;
  level: string;
  parentId: string | null;
}

export interface RateFigures {
  key: string;
  numerator: number;
  denominator: number;
  ratio: number | null;
  numeratorCaseIds: string[];
  denominatorCaseIds: string[];
}

/** GET /reports/assessment. */
export interface AssessmentReport {
  agencyId: string;
  agencies: string[];
  period: { year: number; quarter?: number; from: string; to: string };
  asOf: string;
  filed: { zh: string; en: string; count: number; caseIds: string[] };
  rates: (RateFigures & { zh: string; en: string })[];
  byAgency: {
    agencyId: string;
    name: string;
    parentId: string | null;
    filed: { count: number; caseIds: string[] };
    rates: RateFigures[];
  }[];
}

export interface FineSpread {
  count: number;
  min: number;
  median: number;
  max: number;
}

/** GET /reports/consistency. */
export interface ConsistencyReport {
  benchmark: { id: string; sample: boolean };
  groups: (FineSpread & {
    violationCode: string;
    discretionLevel: string;
    q1: number;
    q3: number;
    byAgency: (FineSpread & { agencyId: string })[];
    outliers: { caseId: string; agencyId: string; fineYuan: number; reason: string }[];
  })[];
}
