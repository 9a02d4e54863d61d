import { CaseEvent, CaseEventType } from '@workflows/enforcement-case';

const at = '2026-06-01T10:00:00+08:00';
const meta = { actorId: 'o1', occurredAt: at, recordedAt: at };

/** One event of each type, for exploring the machine's graph (only the type steers the machine; data keeps the fold well-formed). */
const DATA: Record<CaseEventType, unknown> = {
  CaseOpened: { caseId: 'c', agencyId: 'ag', source: 'inspection', industry: 'gas', party: { kind: 'organization', name: 'p', creditCode: 'x' }, violations: [], discoveredAt: '2026-06-01', handlingOfficerIds: ['o1', 'o2'], summary: 's', major: false },
  CaseFiled: { caseNo: 'N', rulesVersion: 'r', deadlines: [] },
  FilingRejected: { reason: 'r' },
  EvidenceRecorded: { evidenceId: 'e', kind: 'photo', title: 't', officerIds: ['o1'], contentHash: 'h' },
  InvestigationConcluded: { findings: 'f', proposedOutcome: 'penalty', legalBasis: ['b'] },
  PenaltyNoticeServed: { proposedPenalties: [], legalBasis: [], hearingRight: true, rulesVersion: 'r', deadlines: [] },
  RightsWaived: { rights: ['statement'] },
  StatementRecorded: { summary: 's', adopted: false },
  HearingRequested: { requestedAt: at },
  HearingScheduled: { hearingAt: at, presidingOfficerId: 'o3', location: 'l', noticeWorkingDays: 7 },
  HearingHeld: { summary: 's' },
  HearingForfeited: { summary: 's' },
  LegalReviewCompleted: { outcome: 'approved', legalBasisCorrect: true, opinion: 'o', reviewerId: 'r' },
  PenaltyDecided: { decisionNo: 'D', outcome: 'penalty', penalties: [], legalBasis: [], rulesVersion: 'r', deadlines: [] },
  NoPenaltyDecided: { decisionNo: 'D', outcome: 'no_penalty_minor', legalBasis: [], rulesVersion: 'r', deadlines: [] },
  DecisionServed: { method: 'direct', rulesVersion: 'r', deadlines: [] },
  PaymentRecorded: { amountYuan: 1, receiptNo: 'r', paidTotalYuan: 1 },
  PenaltyExecuted: { via: 'payment' },
  InterferenceRecorded: { recordId: 'i', intervener: { name: 'n', unit: 'u', post: 'p', relation: 'other' }, means: 'phone', content: 'c', handling: 'h' },
  InterferenceAttested: { officerId: 'o1', complete: true },
  RectificationOrdered: { orderId: 'r1', items: ['i'], deadline: '2026-07-01', legalBasis: ['b'], rulesVersion: 'r', deadlines: [] },
  ReinspectionRequested: { requestedAt: at, deadlines: [] },
  ReinspectionRecorded: { officerIds: ['o1', 'o2'], result: 'failed', findings: 'f' },
  RectificationVerified: { orderId: 'r1' },
  RectificationFailed: { orderId: 'r1' },
  SeizureImposed: { items: [{ name: '烟花' }], reason: 'r', legalBasis: ['b'], audioVideoEvidenceHash: 'h', rulesVersion: 'r', deadlines: [] },
  SeizureExtended: { days: 10, reason: 'r', deadlines: [] },
  SeizureReleased: { disposition: 'released', reason: 'r' },
  SeizureTermExpired: { kind: 'seizure', dueDate: '2026-07-01', dueAt: at, detectedAt: at },
  EnforcementUrged: { urgedAt: at, rulesVersion: 'r', deadlines: [] },
  CourtEnforcementApplied: { court: 'c' },
  CourtRuled: { outcome: 'enforce' },
  CourtExecutionRecorded: { summary: 's' },
  DeadlineMissed: { kind: 'handling_period', dueDate: '2026-07-01', dueAt: at, detectedAt: at },
  StatementPeriodEnded: { dueDate: '2026-06-04', dueAt: at },
  HearingRequestPeriodEnded: { dueDate: '2026-06-08', dueAt: at },
  CaseClosed: {},
};

export const SAMPLE_EVENTS: CaseEvent[] = Object.entries(DATA).map(([type, data]) => ({ type, data, meta }) as CaseEvent);
