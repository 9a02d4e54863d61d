import { AgencyLevel, CertificateStatus, EnforcementCertificate, IsoDate, NumberSeries, Role } from '@workflows/enforcement-case';

export interface Agency {
  id: string;
  /** 行政区划代码 of the area it serves. */
  divisionCode: string;
  name: string;
  /** Short name used in document numbers, e.g. 郴应急 in 郴应急立〔2026〕17号. */
  shortName: string;
  level: AgencyLevel;
  parentId: string | null;
  /**
   * Document-number formats of this agency by series (`{short}`, `{year}`, `{n}`): case, decision and each document
   * numbered in a series of its own (notice 罚告 …); a series left out takes the default, 郴应急罚告〔2026〕3号 style.
   */
  numberFormats?: Partial<Record<NumberSeries, string>>;
  /** An entrusted organisation (受委托组织) acts in the name of this agency (policy §6). */
  entrustedBy?: string;
  /**
   * 行政执法主体: enforces in its own name and may entrust an organisation (行政处罚法 Art. 17, 20). Absent (registry
   * entries written before the field existed): city and county bureaus have it, others do not — see hasEnforcementPower.
   */
  enforcementPower?: boolean;
  /** 行政复议机关 that the agency's decisions name (行政复议法第二十四条: for a county bureau, the county government). */
  reconsiderationBody?: string;
  /** 人民法院 that the agency's decisions name for 行政诉讼 (行政诉讼法第十八条: where the agency is). */
  litigationCourt?: string;
  /** Where and to which account the agency's fines are paid (行政处罚法第六十七条: a separate collecting institution). */
  finePayment?: string;
}

/** The registry fields the documents name and an administrator sets on an agency. */
export const AGENCY_DOCUMENT_FIELDS = ['reconsiderationBody', 'litigationCourt', 'finePayment'] as const;

export interface TrainingRecord {
  year: number;
  hours: number;
  course: string;
  date: IsoDate;
}

/** A user as registered (the data of UserRegistered). */
export interface UserRegistration {
  id: string;
  name: string;
  roles: Role[];
  agencyId: string;
  certificate?: EnforcementCertificate;
  /** 法律职业资格 — required of legality reviewers (行政处罚法 Art. 58). */
  legalQualification?: string;
  /**
   * @deprecated Hours of an unstated year, as the first demo seed registered them; kept readable for streams written
   * then. Counted in no year: use trainingHoursByYear.
   */
  trainingHours?: number;
  /** Training hours per calendar year ('2026' → 32), as registered; TrainingRecorded adds to them. */
  trainingHoursByYear?: Record<string, number>;
}

/** A user as the registry knows it now (registration plus every later change). */
export interface User extends UserRegistration {
  /** False after UserDeactivated: the user can no longer log in or act. */
  active: boolean;
  /** The date the deactivation took effect (Asia/Shanghai); absent while active. */
  inactiveFrom?: IsoDate;
  /** Certificates this user held before the current one (renewals), oldest first. */
  certificateHistory?: EnforcementCertificate[];
  trainingHoursByYear: Record<string, number>;
  /** Training recorded through the registry (TrainingRecorded), oldest first. */
  training?: TrainingRecord[];
}

/** Fields an AgencyUpdated event may change; `entrustedBy: null` ends an entrustment. */
export interface AgencyChanges {
  id: string;
  name?: string;
  shortName?: string;
  parentId?: string | null;
  level?: AgencyLevel;
  entrustedBy?: string | null;
  enforcementPower?: boolean;
  reconsiderationBody?: string;
  litigationCourt?: string;
  finePayment?: string;
  /** The agency's formats after the change, every series it sets (a change names some; the event records them all). */
  numberFormats?: Partial<Record<NumberSeries, string>>;
}

/** Fields a UserUpdated event may change; `legalQualification: null` removes it. */
export interface UserChanges {
  id: string;
  name?: string;
  roles?: Role[];
  agencyId?: string;
  legalQualification?: string | null;
}

/** Registry events, stored in the `directory` stream so every change is audited. */
export type DirectoryEvent =
  | { type: 'AgencyRegistered'; data: Agency }
  | { type: 'AgencyUpdated'; data: AgencyChanges }
  | { type: 'UserRegistered'; data: UserRegistration }
  | { type: 'UserUpdated'; data: UserChanges }
  | { type: 'UserDeactivated'; data: { userId: string; effectiveFrom: IsoDate; reason: string } }
  | { type: 'UserReactivated'; data: { userId: string; reason?: string } }
  /** Issue or renew: the new certificate replaces the current one, which moves to certificateHistory. */
  | { type: 'CertificateIssued'; data: { userId: string; number: string; validFrom: IsoDate; validUntil: IsoDate } }
  | {
      type: 'CertificateStatusChanged';
      data: { userId: string; number: string; status: CertificateStatus; effectiveFrom: IsoDate; reason: string };
    }
  | { type: 'TrainingRecorded'; data: { userId: string } & TrainingRecord };

export type DirectoryEventType = DirectoryEvent['type'];

export const DIRECTORY_EVENT_TYPES: readonly DirectoryEventType[] = [
  'AgencyRegistered',
  'AgencyUpdated',
  'UserRegistered',
  'UserUpdated',
  'UserDeactivated',
  'UserReactivated',
  'CertificateIssued',
  'CertificateStatusChanged',
  'TrainingRecorded',
];

export const DIRECTORY_STREAM = 'directory';

/** Whether the agency is a 行政执法主体 (an explicit flag wins; else city and county bureaus that are not entrusted). */
export function hasEnforcementPower(a: Agency): boolean {
  return a.enforcementPower ?? (a.level !== 'township' && !a.entrustedBy);
}
