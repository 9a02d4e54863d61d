import type { RegistryAgency, RegistryUser, Schemas } from '../api/types';

/** Answers of /api/v1/admin, as the API's OpenAPI document declares them. */
export type Agency = RegistryAgency;
export type User = RegistryUser;
export type AgencyView = RegistryAgency;

/** One event of GET /admin/events (that route's answer has no response schema yet). */
export interface RegistryEvent {
  id: string;
  type: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: { actor?: { id: string; name?: string }; recordedAt?: string } & Record<string, unknown>;
}

/** The staffing report's parts, as the API's OpenAPI document declares them. */
export type TrainingLine = Schemas['TrainingLineView'];
export type AgencyStaffing = Schemas['AgencyStaffingView'];
export type { StaffingReport } from '../api/types';
