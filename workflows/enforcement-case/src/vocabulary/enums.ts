import { STAGES } from '../stage';
import { COURT_RULING_NAMES } from './court-rulings';
import { DEADLINE_KIND_NAMES } from './deadline-kinds';
import { DISCRETION_LEVEL_NAMES } from './discretion-levels';
import { DOCUMENT_KIND_NAMES } from './document-kinds';
import { EVENT_TYPE_NAMES } from './event-types';
import { EVIDENCE_KIND_NAMES } from './evidence-kinds';
import { EXTENSION_TIER_NAMES } from './extension-tiers';
import { CASE_SOURCE_NAMES, INDUSTRY_NAMES } from './industries';
import { INTERFERENCE_MEANS_NAMES, INTERVENER_RELATION_NAMES } from './interference';
import { LEGAL_REVIEW_OUTCOME_NAMES } from './legal-review-outcomes';
import type { TermName } from './name';
import { OFFENSE_NAMES } from './offenses';
import { OUTCOME_NAMES } from './outcomes';
import { PARTY_KIND_NAMES } from './party-kinds';
import { PENALTY_KIND_NAMES } from './penalty-kinds';
import { POLICE_DECISION_NAMES } from './police-decisions';
import { REINSPECTION_RESULT_NAMES } from './reinspection-results';
import { REMEDY_KIND_NAMES, REMEDY_OUTCOME_NAMES } from './remedies';
import { ROLE_NAMES } from './roles';
import { SEIZURE_DISPOSITION_NAMES } from './seizure-dispositions';
import { SERVICE_METHOD_NAMES } from './service-methods';
import { WAIVABLE_RIGHT_NAMES } from './waivable-rights';

export type Vocabulary = Readonly<Record<string, TermName>>;

/**
 * Every vocabulary naming an enumeration of the API. An enumeration finds its names by its exact set of values, so
 * the OpenAPI document needs no second copy of them; no two vocabularies here may have the same set of keys.
 */
export const ENUM_VOCABULARIES: readonly Vocabulary[] = [
  STAGES,
  ROLE_NAMES,
  INDUSTRY_NAMES,
  CASE_SOURCE_NAMES,
  DEADLINE_KIND_NAMES,
  EVENT_TYPE_NAMES,
  PARTY_KIND_NAMES,
  PENALTY_KIND_NAMES,
  EVIDENCE_KIND_NAMES,
  OUTCOME_NAMES,
  DISCRETION_LEVEL_NAMES,
  SERVICE_METHOD_NAMES,
  WAIVABLE_RIGHT_NAMES,
  LEGAL_REVIEW_OUTCOME_NAMES,
  REMEDY_KIND_NAMES,
  REMEDY_OUTCOME_NAMES,
  EXTENSION_TIER_NAMES,
  SEIZURE_DISPOSITION_NAMES,
  COURT_RULING_NAMES,
  REINSPECTION_RESULT_NAMES,
  OFFENSE_NAMES,
  POLICE_DECISION_NAMES,
  INTERVENER_RELATION_NAMES,
  INTERFERENCE_MEANS_NAMES,
  DOCUMENT_KIND_NAMES,
];

/** The vocabulary whose keys are exactly these values (in any order), or undefined when none names them. */
export function vocabularyOf(values: readonly (string | number)[]): Vocabulary | undefined {
  const wanted = new Set(values.map(String));
  return ENUM_VOCABULARIES.find((v) => {
    const keys = Object.keys(v);
    return keys.length === wanted.size && keys.every((k) => wanted.has(k));
  });
}
