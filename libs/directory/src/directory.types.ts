import { EnforcementCertificate, Role } from '@workflows/enforcement-case';

export interface Agency {
  id: string;
  /** 行政区划代码 of the area it serves. */
  divisionCode: string;
  name: string;
  /** Short name used in document numbers, e.g. 郴应急 in 郴应急立〔2026〕17号. */
  shortName: string;
  level: 'city' | 'county' | 'township';
  parentId: string | null;
  /** Document-number formats of this agency (`{short}`, `{year}`, `{n}`); default 郴应急立〔2026〕17号 style. */
  numberFormats?: Partial<Record<'case' | 'decision', string>>;
  /** An entrusted organisation (受委托组织) acts in the name of this agency (policy §6). */
  entrustedBy?: string;
}

export interface User {
  id: string;
  name: string;
  roles: Role[];
  agencyId: string;
  certificate?: EnforcementCertificate;
  /** 法律职业资格 — required of legality reviewers (行政处罚法 Art. 58). */
  legalQualification?: string;
  trainingHours?: number;
}

/** Registry events, stored in the `directory` stream so every change is audited. */
export type DirectoryEvent =
  | { type: 'AgencyRegistered'; data: Agency }
  | { type: 'UserRegistered'; data: User };

export const DIRECTORY_STREAM = 'directory';
