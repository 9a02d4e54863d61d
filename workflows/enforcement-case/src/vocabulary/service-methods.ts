import type { ServiceMethod } from '../case-types';
import type { TermName } from './name';

/** How a decision reaches the party (行政处罚法第六十一条, by the service rules of the civil procedure law). */
export const SERVICE_METHOD_NAMES = {
  direct: { zh: '直接送达', en: 'direct' },
  left_at_address: { zh: '留置送达', en: 'left at the address' },
  post: { zh: '邮寄送达', en: 'by post' },
  electronic: { zh: '电子送达', en: 'electronic' },
  entrusted: { zh: '委托送达', en: 'entrusted' },
  public_notice: { zh: '公告送达', en: 'public notice' },
} as const satisfies Record<ServiceMethod, TermName>;
