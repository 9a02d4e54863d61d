import type { Agency, User } from '../../../../libs/directory/src/directory.types';

/** Answers of /api/v1/admin (apps/api/src/admin/registry.service.ts); the OpenAPI document describes requests only. */
export type { Agency, User };
export type AgencyView = Agency & { enforcementPower: boolean };

export interface RegistryEvent {
  id: string;
  type: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: { actor?: { id: string; name?: string }; recordedAt?: string } & Record<string, unknown>;
}

/** One person of the staffing report (apps/api/src/reports/staffing-report.ts). */
export interface TrainingLine {
  userId: string;
  name: string;
  hours: number;
  met: boolean;
}

export interface AgencyStaffing {
  agencyId: string;
  name: string;
  level: string;
  onDuty: number;
  onDutyUserIds: string[];
  certified: number;
  certifiedUserIds: string[];
  certifiedShare: number | null;
  target: number | null;
  targetMet: boolean | null;
  expiringSoon: { userId: string; name: string; certificateNumber: string; validUntil: string; daysLeft: number }[];
  notValid: {
    userId: string;
    name: string;
    certificateNumber: string;
    validFrom: string;
    validUntil: string;
    state: 'expired' | 'suspended' | 'revoked' | 'not_yet_valid';
    since: string;
  }[];
  training: { year: number; minimumHours: number; users: TrainingLine[]; below: (TrainingLine & { shortfall: number })[] };
}

/** GET /api/v1/reports/staffing. */
export interface StaffingReport {
  agencyId: string;
  asOf: string;
  rulesVersion: string;
  parameters: {
    certifiedShare: { target: number; levels: string[]; source: string };
    trainingHoursPerYear: { hours: number; source: string };
    certificateExpiryWarningDays: { days: number; source: string };
  };
  totals: { onDuty: number; certified: number; certifiedShare: number | null };
  agencies: AgencyStaffing[];
}
