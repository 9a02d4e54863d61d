import type { components, operations, paths } from './schema';
// A problem's unmet conditions: problem bodies have no schema in the document, so they keep the engine's type.
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

/** One user of `GET /auth/dev-users`. */
export interface DevUser {
  id: string;
  name: string;
  roles: string[];
  agencyId: string;
  agencyName?: string;
}

export interface Health {
  status: string;
  authMode: 'dev' | 'jwt' | 'oidc';
}

export type DeadlinesQuery = NonNullable<operations['DeskController_list']['parameters']['query']>;

// Answers, as the API's OpenAPI document declares them: a change of an answer that breaks the console breaks the build.
/** `GET /cases/{caseId}`: the case as it now stands. */
export type CaseView = Schemas['CaseViewResponse'];
export type Deadline = Schemas['DeadlineView'];
/** What a command answers: the case and the events it wrote. */
export type CommandAnswer = Schemas['CommandResponseDto'];
/** One stored case event (interference entries redacted by the API where the reader may not see them). */
export type CaseEvent = Schemas['CaseEventView'];
/** `GET /cases/{caseId}/timeline` at one point, and between two revisions. */
export type TimelineAt = Schemas['TimelineAtResponse'];
export type TimelineBetween = Schemas['TimelineBetweenResponse'];
export type CaseSearchItem = Schemas['CaseSearchItemResponse'];
export type CaseSearchPage = Schemas['CaseSearchPageResponse'];
export type AwaitingItem = Schemas['AwaitingItemResponse'];
export type AwaitingPage = Schemas['AwaitingPageResponse'];
export type DeadlineItem = Schemas['DeadlineItemResponse'];
export type DeadlinePage = Schemas['DeadlinePageResponse'];
export type AuditItem = Schemas['AuditItemResponse'];
export type AuditPage = Schemas['AuditPageResponse'];
/** One row of `GET /public/decisions` (already masked by the API). */
export type PublicDecision = Schemas['PublicDecisionResponse'];
export type PublicDecisionsPage = Schemas['PublicDecisionsResponse'];
export type ReportAgency = Schemas['ReportAgencyResponse'];
export type RateFigures = Schemas['RateFiguresView'];
export type AssessmentReport = Schemas['AssessmentReportResponse'];
/** `GET /reports/assessment/cases`: a keyset page of the cases behind one figure of the report. */
export type AssessmentCasesPage = Schemas['AssessmentCasesPageResponse'];
export type FineSpread = Pick<Schemas['FineGroupView'], 'count' | 'min' | 'median' | 'max'>;
export type ConsistencyReport = Schemas['ConsistencyReportResponse'];
export type StaffingReport = Schemas['StaffingReportResponse'];
export type InterferenceRegister = Schemas['InterferenceRegisterResponse'];
export type InterferenceRecord = Schemas['InterferenceRecordResponse'];
export type InterferenceQuarterlyReport = Schemas['InterferenceQuarterlyReportResponse'];
export type RegistryAgency = Schemas['AgencyResponse'];
export type RegistryUser = Schemas['UserResponse'];
/** `GET /cases/{caseId}/documents`: the documents the case has produced (with any missing data) and those it issued. */
export type CaseDocuments = Schemas['CaseDocumentsView'];
export type ProducedDocument = Schemas['ProducedDocumentView'];
export type IssuedDocument = Schemas['IssuedDocumentView'];
