import { CaseRecord } from './case-record';

/**
 * 保管期限 of a case file. 《机关文件材料归档范围和文书档案保管期限规定》(国家档案局令第8号) sets 永久 and 定期 (定期 in
 * general 30 or 10 years) and keeps permanently what has lasting value as evidence of the agency's main functions.
 * casetrail applies it thus: a major case (重大案件, 行政处罚法第五十八条) or one ending in 吊销许可证 or 责令关闭 is
 * permanent; any other case decided with a penalty is kept 30 years; a case with no penalty decision (不予处罚, not
 * filed on, transferred) 10 years. The policy is a constant here, not a rules version: it is the archive's, not the
 * province's, and the same for every version of the procedure.
 */
export const DOSSIER_RETENTION = {
  permanent: '永久',
  thirtyYears: '定期30年',
  tenYears: '定期10年',
} as const;

export type DossierRetention = (typeof DOSSIER_RETENTION)[keyof typeof DOSSIER_RETENTION];

export function dossierRetention(record: CaseRecord): DossierRetention {
  const penalties = record.decision?.data.penalties ?? [];
  if (record.opened?.data.major || penalties.some((p) => p.kind === 'revoke_license' || p.kind === 'close'))
    return DOSSIER_RETENTION.permanent;
  return penalties.length ? DOSSIER_RETENTION.thirtyYears : DOSSIER_RETENTION.tenYears;
}
