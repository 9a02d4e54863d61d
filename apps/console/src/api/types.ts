import type { components, operations, paths } from './schema';
// Response bodies: the OpenAPI document describes requests only, so answers are typed from the engine's own types.
export type { CaseView } from '../../../../libs/case-engine/src/case-view';
export type { Deadline } from '@workflows/enforcement-case/deadlines/deadline';
export type { RuleViolation } from '@workflows/enforcement-case/legal-conditions/legal-rules';

export type Schemas = components['schemas'];

/** Every command route of the document: `/api/v1/cases/{caseId}/commands/<name>`. */
type CommandPath = Extract<keyof paths, `/api/v1/cases/{caseId}/commands/${string}`>;
export type CommandName = CommandPath extends `/api/v1/cases/{caseId}/commands/${infer C}` ? C : never;
export type CommandBody<C extends CommandName> = paths[`/api/v1/cases/{caseId}/commands/${C}`]['post']['requestBody'] extends infer B
  ? B extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

/** `GET /cases` filters, sorting and paging, exactly as the API declares them. */
export type CaseSearchQuery = NonNullable<operations['CasesController_search']['parameters']['query']>;
export type OpenCaseBody = Schemas['OpenCaseDto'];
export type DevTokenBody = Schemas['DevTokenDto'];
/** `GET /cases/filing-help`: the agency's officers and the limitation period the 立案 form checks against. */
export type FilingHelp = Schemas['FilingHelpDto'];
export type PublicDecisionsQuery = NonNullable<operations['PublicDecisionsController_list']['parameters']['query']>;

/** One row of `GET /cases` (apps/api/src/cases/case-search.service.ts). */
export interface CaseSearchItem {
  caseId: string;
  caseNo: string | null;
  agencyId: string;
  stage: string;
  industry: string;
  party: { kind: string; name: string };
  handlingOfficerIds: string[];
  openedAt: string;
  filedAt: string | null;
  decisionNo: string | null;
  decidedAt: string | null;
  flags: string[];
  overdue: string[];
  updatedAt: string;
}
export interface CaseSearchPage {
  total: number;
  page: number;
  pageSize: number;
  items: CaseSearchItem[];
}

/** One user of `GET /auth/dev-users`. */
export interface DevUser {
  id: string;
  name: string;
  roles: string[];
  agencyId: string;
  agencyName?: string;
}

/** One row of `GET /public/decisions` (already masked by the API). */
export interface PublicDecision {
  decisionNo: string;
  agencyId: string;
  party: { kind: string; name: string; creditCode?: string };
  violations: { description?: string; provisions?: string[] }[];
  penalties: { kind: string; amountYuan?: number; days?: number }[];
  legalBasis: string[];
  decidedAt: string;
  publishedAt: string;
  channel: string | null;
}

export interface Health {
  status: string;
  authMode: 'dev' | 'jwt' | 'oidc';
}

/** One row of `GET /deadlines` (apps/api/src/desk/deadlines.service.ts). */
export interface DeadlineItem {
  caseId: string;
  caseNo: string | null;
  agencyId: string;
  party: { name: string };
  handlingOfficerIds: string[];
  kind: string;
  name: { zh: string; en: string };
  basis: string;
  dueDate: string;
  dueAt: string;
  status: 'overdue' | 'soon';
  /** Working days on the statutory calendar: ≤ 0 once missed; null beyond the holiday calendar's years. */
  workingDaysLeft: number | null;
}
export interface DeadlinePage {
  total: number;
  page: number;
  pageSize: number;
  today: string;
  dueWithinWorkingDays: number;
  items: DeadlineItem[];
}
export type DeadlinesQuery = NonNullable<operations['DeskController_list']['parameters']['query']>;

/** One row of `GET /cases/awaiting-me` (apps/api/src/desk/awaiting.service.ts). */
export interface AwaitingItem {
  caseId: string;
  caseNo: string | null;
  agencyId: string;
  stage: string;
  party: { kind: string; name: string };
  handlingOfficerIds: string[];
  updatedAt: string;
}
export interface AwaitingPage {
  total: number;
  page: number;
  pageSize: number;
  items: AwaitingItem[];
}
