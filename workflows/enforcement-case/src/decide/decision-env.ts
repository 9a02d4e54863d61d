import { WorkingDayCalendar } from '@app/calendar';
import { IsoDate, IsoDateTime } from '../case-types';
import { Role } from '../case-commands';
import { CaseEventBody } from '../case-events';
import { RulesBook } from '../rules/rules-version';
import { DiscretionBenchmark } from '../rules/discretion-benchmark';
import { RuleViolation } from '../legal-conditions/legal-rules';

export interface EnforcementCertificate {
  number: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  status: 'valid' | 'suspended' | 'revoked';
}

export interface PersonRecord {
  id: string;
  name: string;
  agencyId: string;
  roles: Role[];
  certificate?: EnforcementCertificate;
}

/** What the decider may look up about people; synchronous and side-effect free. */
export interface PeopleLookup {
  person(id: string): PersonRecord | undefined;
}

/** Everything a decision depends on besides the case itself: time, identity and ids are inputs. */
export interface DecisionEnv {
  /** When the step happened in the world (validated by the engine: not in the future, not before opening). */
  occurredAt: IsoDateTime;
  actor: { id: string; roles: Role[]; agencyId: string };
  people: PeopleLookup;
  rules: RulesBook;
  /** 裁量基准; without one, fines are not checked against a benchmark. */
  benchmark?: DiscretionBenchmark;
  calendar: WorkingDayCalendar;
  newId: () => string;
}

export type CommandOutcome = { events: CaseEventBody[] } | { violations: RuleViolation[] };

export const emit = (...events: CaseEventBody[]): CommandOutcome => ({ events });

/** Refuse with every unmet condition, or emit when there is none. */
export function emitUnless(violations: (RuleViolation | null | undefined)[], make: () => CaseEventBody[]): CommandOutcome {
  const unmet = violations.filter((v): v is RuleViolation => !!v);
  return unmet.length ? { violations: unmet } : { events: make() };
}
