import type { CertificateStatus } from '../decide/decision-env';
import type { TermName } from './name';

/**
 * The state of an enforcement certificate on a day: its recorded status, or, while valid, before or after its term
 * (行政处罚法第四十二条: only holders of a valid certificate enforce).
 */
export const CERTIFICATE_STATE_NAMES = {
  valid: { zh: '有效', en: 'valid' },
  suspended: { zh: '暂扣', en: 'suspended' },
  revoked: { zh: '吊销', en: 'revoked' },
  expired: { zh: '已过期', en: 'expired' },
  not_yet_valid: { zh: '尚未生效', en: 'not yet valid' },
} as const satisfies Record<CertificateStatus | 'expired' | 'not_yet_valid', TermName>;
