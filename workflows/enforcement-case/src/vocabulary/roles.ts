import type { Role } from '../commands/command-spec';
import type { TermName } from './name';

/** The roles of the officers' API contract, as the people holding them are called in a bureau. */
export const ROLE_NAMES = {
  officer: { zh: '执法人员', en: 'enforcement officer' },
  head: { zh: '负责人', en: 'head of agency' },
  legal_reviewer: { zh: '法制审核人员', en: 'legal reviewer' },
  supervisor: { zh: '监督人员', en: 'supervisor' },
  discipline: { zh: '纪检人员', en: 'discipline inspector' },
  admin: { zh: '系统管理员', en: 'administrator' },
} as const satisfies Record<Role, TermName>;
