import { STAGES } from '@workflows/enforcement-case/stage';
import { DEADLINE_KIND_NAMES } from '@workflows/enforcement-case/vocabulary/deadline-kinds';
import { INDUSTRY_NAMES } from '@workflows/enforcement-case/vocabulary/industries';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import type { CaseSearchItem } from '../api/types';
import { csvText } from '../export/csv';

const PARTY_KIND: Record<string, string> = { organization: '单位', individual: '个人' };

const COLUMNS: [string, (c: CaseSearchItem) => string][] = [
  ['案件编号', (c) => c.caseNo ?? '待立案'],
  ['当事人', (c) => c.party.name],
  ['当事人类型', (c) => PARTY_KIND[c.party.kind] ?? c.party.kind],
  ['阶段', (c) => zhName(STAGES, c.stage)],
  ['行业', (c) => zhName(INDUSTRY_NAMES, c.industry)],
  ['承办机关', (c) => c.agencyId],
  ['承办人员', (c) => c.handlingOfficerIds.join('、')],
  ['立案申请时间', (c) => c.openedAt],
  ['立案时间', (c) => c.filedAt ?? ''],
  ['决定书文号', (c) => c.decisionNo ?? ''],
  ['决定时间', (c) => c.decidedAt ?? ''],
  ['逾期期限', (c) => c.overdue.map((k) => zhName(DEADLINE_KIND_NAMES, k)).join('、')],
  ['标记', (c) => c.flags.join('、')],
  ['更新时间', (c) => c.updatedAt],
  ['案件ID', (c) => c.caseId],
];

/** The case list as CSV (see csvText): stage, industry and overdue deadlines by their Chinese names. */
export function casesCsv(items: readonly CaseSearchItem[]): string {
  return csvText(
    COLUMNS.map(([title]) => title),
    items.map((c) => COLUMNS.map(([, get]) => get(c))),
  );
}
