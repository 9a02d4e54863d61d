import { CaseIndexRow } from './read-models';

/** The values of a comma-joined list column of the case index. */
export const listColumn = (s: string): string[] => s.split(',').filter(Boolean);

/** A case of the case index as every case list answers it: which case, where, at which stage, against whom, by whom. */
export function caseIndexItem(r: CaseIndexRow) {
  return {
    caseId: r.case_id,
    caseNo: r.case_no,
    agencyId: r.agency_id,
    stage: r.stage,
    party: { kind: r.party_kind, name: r.party_name },
    handlingOfficerIds: listColumn(r.officer_ids),
    updatedAt: r.updated_at,
  };
}
