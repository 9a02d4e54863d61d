import type { DirectoryEvent } from '../../../../libs/directory/src/directory.types';

/** What each registry event records, as the personnel office would name the change. */
export const REGISTRY_EVENT_NAMES = {
  AgencyRegistered: '登记机构',
  AgencyUpdated: '变更机构',
  UserRegistered: '登记人员',
  UserUpdated: '变更人员',
  UserDeactivated: '停用',
  UserReactivated: '恢复',
  CertificateIssued: '发证/换证',
  CertificateStatusChanged: '执法证状态变更',
  TrainingRecorded: '登记培训',
} as const satisfies Record<DirectoryEvent['type'], string>;

export const registryEventName = (type: string): string => (REGISTRY_EVENT_NAMES as Record<string, string>)[type] ?? type;
