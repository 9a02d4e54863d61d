import { WorkingDayCalendar } from '@app/calendar';
import { IsoDate, IsoDateTime } from '../case-types';
import { Role } from '../commands/command-spec';
import { CaseEventBody } from '../case-events';
import { DossierArchivedData } from '../event-data/documents.data';
import { RulesBook } from '../rules/rules-version';
import { DiscretionBenchmark } from '../rules/discretion-benchmark';
import { RuleViolation } from '../legal-conditions/legal-rules';

export type CertificateStatus = 'valid' | 'suspended' | 'revoked';

/** A status a certificate took from a date on (暂扣 / 吊销 / 恢复 take effect from the date the decision names). */
export interface CertificateStatusPeriod {
  status: CertificateStatus;
  from: IsoDate;
}

export interface EnforcementCertificate {
  number: string;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** The current status, as of `statusFrom`. */
  status: CertificateStatus;
  /**
   * The date `status` applies from; before it the certificate counted as valid (or as `statusHistory` says). Absent:
   * the status applies throughout. A certificate suspended today was still valid for a step that happened last month.
   */
  statusFrom?: IsoDate;
  /** Earlier status periods, oldest first, each in force from its date until the next one (or `statusFrom`). */
  statusHistory?: CertificateStatusPeriod[];
  /** Why the current status was set (the suspension or revocation decision). */
  statusReason?: string;
}

export interface PersonRecord {
  id: string;
  name: string;
  agencyId: string;
  roles: Role[];
  certificate?: EnforcementCertificate;
  /** Certificates this one replaced (renewals), oldest first: a back-dated step is judged by the one in force then. */
  certificateHistory?: EnforcementCertificate[];
  /** Deactivated (left the service) from this date: no longer an enforcement officer on or after it. */
  inactiveFrom?: IsoDate;
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

/** The documents numbered in series per agency and year: 立案 (case) and 处罚决定 (decision) numbers. */
export type NumberKind = 'case' | 'decision';

/**
 * Every series an agency numbers documents in, each with a format of its own (the registry's `numberFormats`): case
 * and decision numbers, and the documents served or sent under a kind code of their own (罚告 … 解扣, whose default
 * formats libs/documents gives).
 */
export type NumberSeries =
  | NumberKind
  | 'notice'
  | 'hearingNotice'
  | 'enforcementDemand'
  | 'paymentReminder'
  | 'enforcementApplication'
  | 'criminalReferral'
  | 'rectification'
  | 'reinspection'
  | 'seizure'
  | 'seizureRelease';

/**
 * A document number as issued: an entrusted organisation's documents are issued in the entrusting agency's name
 * (行政处罚法第二十条), which the number then names.
 */
export interface DocumentNumber {
  no: string;
  issuerAgencyId?: string;
}

/**
 * A document as the engine issues it: rendered from the case's events up to `revision`, bearing `number` (the one it
 * carries, or one of its own series taken now), its PDF hashed.
 */
export interface IssuedDocument {
  number: DocumentNumber;
  sha256: string;
  revision: number;
}

/**
 * The 案卷 as the engine archives it: bound from the case's events up to its closing, its PDF hashed (the event's data,
 * `DossierArchivedData`).
 */
export type ArchivedDossier = DossierArchivedData;

/**
 * What a decider answers: the events; or the events once a document number is taken, which the engine does only
 * for a decision that has passed every legal condition (numbers stay gapless); or the events once the engine has
 * rendered, numbered and hashed a document to issue (`issue` names its kind); or the events once the engine has
 * bound and hashed the 案卷 (`archive`); or every unmet legal condition.
 * A numbered decision computes everything that can fail before it answers: `events` only places the number.
 */
export type CommandOutcome =
  | { events: CaseEventBody[] }
  | { numbered: NumberKind; events: (number: DocumentNumber) => CaseEventBody[] }
  | { issue: string; events: (document: IssuedDocument) => CaseEventBody[] }
  | { archive: 'dossier'; events: (dossier: ArchivedDossier) => CaseEventBody[] }
  | { violations: RuleViolation[] };

export const emit = (...events: CaseEventBody[]): CommandOutcome => ({ events });

/** Emits the events a document number goes into (see `CommandOutcome`). */
export const emitNumbered = (numbered: NumberKind, events: (number: DocumentNumber) => CaseEventBody[]): CommandOutcome => ({
  numbered,
  events,
});

/** The issuing agency, in the event, when it is not the case's own (an entrusted organisation's case). */
export const issuerOf = (n: DocumentNumber): { issuerAgencyId?: string } => (n.issuerAgencyId ? { issuerAgencyId: n.issuerAgencyId } : {});

/** Refuse with every unmet condition, or emit when there is none. */
export function emitUnless(violations: (RuleViolation | null | undefined)[], make: () => CaseEventBody[]): CommandOutcome {
  const unmet = violations.filter((v): v is RuleViolation => !!v);
  return unmet.length ? { violations: unmet } : { events: make() };
}
