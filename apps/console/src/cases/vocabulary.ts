import { CASE_SOURCE_NAMES, INDUSTRY_NAMES } from '@workflows/enforcement-case/vocabulary/industries';
import { DEADLINE_KIND_NAMES } from '@workflows/enforcement-case/vocabulary/deadline-kinds';
import { EVENT_TYPE_NAMES } from '@workflows/enforcement-case/vocabulary/event-types';
import { type TermName, zhName } from '@workflows/enforcement-case/vocabulary/name';
import { ROLE_NAMES } from '@workflows/enforcement-case/vocabulary/roles';
import { STAGES } from '@workflows/enforcement-case/stage';

/** Chinese names for the engine's codes, from the workflow's own vocabulary (the API uses the same tables). */
export const industryName = (code: string) => zhName(INDUSTRY_NAMES, code);
export const caseSourceName = (code: string) => zhName(CASE_SOURCE_NAMES, code);
export const deadlineKindName = (code: string) => zhName(DEADLINE_KIND_NAMES, code);
export const eventTypeName = (code: string) => zhName(EVENT_TYPE_NAMES, code);
export const roleName = (code: string) => zhName(ROLE_NAMES, code);

const VOCABULARIES: Readonly<Record<string, TermName>>[] = [INDUSTRY_NAMES, CASE_SOURCE_NAMES, DEADLINE_KIND_NAMES, STAGES, ROLE_NAMES];

/**
 * Options for an enum of the OpenAPI document, labelled in Chinese when one vocabulary names every value (the
 * industries of `open-case`, the deadline kinds of `GET /cases`); otherwise the values as they are.
 */
export function enumOptions(values: readonly (string | number)[]): { value: string | number; label: string }[] {
  const names = VOCABULARIES.find((v) => values.length > 0 && values.every((x) => typeof x === 'string' && Object.hasOwn(v, x)));
  return values.map((v) => ({ value: v, label: names ? zhName(names, String(v)) : String(v) }));
}
