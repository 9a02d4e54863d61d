import type { INTERFERENCE_MEANS, INTERVENER_RELATIONS } from '../case-types';
import type { TermName } from './name';

/** Who the intervener is to the case's agency, in the words of the "三个规定" (中办发〔2015〕23号). */
export const INTERVENER_RELATION_NAMES = {
  leading_cadre: { zh: '领导干部', en: 'leading cadre' },
  internal_staff: { zh: '机关内部人员', en: 'internal staff' },
  relative_or_staff_of_cadre: { zh: '领导干部亲属或身边工作人员', en: "a cadre's relative or staff" },
  other: { zh: '其他人员', en: 'other' },
} as const satisfies Record<(typeof INTERVENER_RELATIONS)[number], TermName>;

/** How the interference reached the officers. */
export const INTERFERENCE_MEANS_NAMES = {
  in_person: { zh: '当面', en: 'in person' },
  phone: { zh: '电话', en: 'phone' },
  text_message: { zh: '短信或即时消息', en: 'text message' },
  letter: { zh: '书信', en: 'letter' },
  through_another_person: { zh: '托人转达', en: 'through another person' },
  other: { zh: '其他方式', en: 'other' },
} as const satisfies Record<(typeof INTERFERENCE_MEANS)[number], TermName>;
