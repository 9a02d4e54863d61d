import { StateValue } from 'xstate';
import {
  CaseSnapshot,
  CommandName,
  Deadline,
  OpenSupervision,
  STAGES,
  Stage,
  allowedCommands,
  caseStage,
  isMajorCase,
} from '@workflows/enforcement-case';

/** The officers' view of one case (docs/api.md §2 `CaseView`). */
export interface CaseView {
  caseId: string;
  caseNo: string | null;
  agencyId: string;
  /**
   * In whose name the case is handled and its documents issued, from the filing on: the entrusting agency for an
   * entrusted organisation (policy §6), otherwise the case's own agency; null before the filing decision.
   */
  issuerAgencyId: string | null;
  stage: Stage;
  stageName: { zh: string; en: string };
  state: StateValue;
  revision: number;
  party: unknown;
  industry: string;
  source: string;
  summary: string;
  violations: unknown[];
  handlingOfficerIds: string[];
  /** The head who approved or refused the filing (docs/supervision.md §2 reader rules). */
  filingApproverId: string | null;
  /** The hearing's presiding officer, once one is appointed. */
  presidingOfficerId: string | null;
  discoveredAt: string;
  filedAt: string | null;
  rulesVersion: string | null;
  decision: { decisionNo: string; outcome: string; penalties: unknown[]; decidedAt: string; issuerAgencyId?: string } | null;
  paidYuan: number;
  allowedCommands: CommandName[];
  deadlines: Deadline[];
  /** 督办 awaiting the handling officers' reply (the reply deadline is among `deadlines`). */
  openSupervisions: OpenSupervision[];
  flags: string[];
  createdAt: string;
  updatedAt: string;
}

export function toCaseView(snapshot: CaseSnapshot, revision: number): CaseView {
  const c = snapshot.context;
  const opened = c.opened!;
  const stage = caseStage(snapshot)!;
  const flags: string[] = [];
  if (opened.major) flags.push('major');
  if (c.interferenceRecords.count) flags.push('interference_recorded');
  if (isMajorCase(c)) flags.push('legal_review_required');
  if (opened.criminalIndicators && Object.values(opened.criminalIndicators).some((v) => (v ?? 0) > 0)) flags.push('criminal_indicators');
  return {
    caseId: c.caseId,
    caseNo: c.caseNo,
    agencyId: c.agencyId,
    issuerAgencyId: c.issuerAgencyId,
    stage,
    stageName: STAGES[stage],
    state: snapshot.value,
    revision,
    party: opened.party,
    industry: opened.industry,
    source: opened.source,
    summary: opened.summary,
    violations: opened.violations,
    handlingOfficerIds: opened.handlingOfficerIds,
    filingApproverId: c.filingApproverId,
    presidingOfficerId: c.hearing?.presidingOfficerId ?? null,
    discoveredAt: opened.discoveredAt,
    filedAt: c.filedAt,
    rulesVersion: c.rulesVersion,
    decision: c.decision,
    paidYuan: c.paidYuan,
    allowedCommands: allowedCommands(snapshot),
    deadlines: c.deadlines,
    openSupervisions: c.supervision ? [c.supervision] : [],
    flags,
    createdAt: c.createdAt!,
    updatedAt: c.updatedAt!,
  };
}
