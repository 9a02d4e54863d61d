import { CASE_SOURCE_NAMES, INDUSTRY_NAMES } from '@workflows/enforcement-case/vocabulary/industries';
import { DEADLINE_KIND_NAMES } from '@workflows/enforcement-case/vocabulary/deadline-kinds';
import { DISCRETION_LEVEL_NAMES } from '@workflows/enforcement-case/vocabulary/discretion-levels';
import { vocabularyOf } from '@workflows/enforcement-case/vocabulary/enums';
import { EVENT_TYPE_NAMES } from '@workflows/enforcement-case/vocabulary/event-types';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { ROLE_NAMES } from '@workflows/enforcement-case/vocabulary/roles';

/** Chinese names for the engine's codes, from the workflow's own vocabulary (the API uses the same tables). */
export const industryName = (code: string) => zhName(INDUSTRY_NAMES, code);
export const caseSourceName = (code: string) => zhName(CASE_SOURCE_NAMES, code);
export const deadlineKindName = (code: string) => zhName(DEADLINE_KIND_NAMES, code);
export const eventTypeName = (code: string) => zhName(EVENT_TYPE_NAMES, code);
export const roleName = (code: string) => zhName(ROLE_NAMES, code);
export const discretionLevelName = (code: string) => zhName(DISCRETION_LEVEL_NAMES, code);

/**
 * Options for an enum of the OpenAPI document, labelled in Chinese by the vocabulary whose keys are exactly its values
 * (the industries of `open-case`, the penalty kinds of `decide`, the deadline kinds of `GET /cases`); otherwise the
 * values as they are.
 */
export function enumOptions(values: readonly (string | number)[]): { value: string | number; label: string }[] {
  const names = vocabularyOf(values);
  return values.map((v) => ({ value: v, label: names ? zhName(names, String(v)) : String(v) }));
}
