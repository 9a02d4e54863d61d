import type { Offense } from '../case-types';
import type { TermName } from './name';

/** The crimes a case is referred to the police for, by their names in the criminal law (刑法). */
export const OFFENSE_NAMES = {
  major_liability_accident: { zh: '重大责任事故罪（刑法第一百三十四条第一款）', en: 'major liability accident' },
  forced_risky_operation: { zh: '强令、组织他人违章冒险作业罪（刑法第一百三十四条第二款）', en: 'forcing risky operation' },
  major_labor_safety_accident: { zh: '重大劳动安全事故罪（刑法第一百三十五条）', en: 'major labour safety accident' },
  dangerous_goods_accident: { zh: '危险物品肇事罪（刑法第一百三十六条）', en: 'dangerous goods accident' },
  fire_liability_accident: { zh: '消防责任事故罪（刑法第一百三十九条）', en: 'fire liability accident' },
  failure_to_report_accident: { zh: '不报、谎报安全事故罪（刑法第一百三十九条之一）', en: 'failure to report an accident' },
  other: { zh: '其他涉嫌犯罪', en: 'other offence' },
} as const satisfies Record<Offense, TermName>;
