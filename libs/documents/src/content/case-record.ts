import { toShanghaiDate } from '@app/calendar';
import {
  CaseClosedData,
  CaseEvent,
  CaseFiledData,
  CaseOpenedData,
  CaseTransferredToPoliceData,
  CollectiveDiscussionRecordedData,
  CourtEnforcementAppliedData,
  DecisionServedData,
  EnforcementUrgedData,
  EvidenceRecordedData,
  HearingForfeitedData,
  HearingHeldData,
  HearingRequestedData,
  HearingScheduledData,
  FilingRejectedData,
  HandlingPeriodExtendedData,
  InvestigationConcludedData,
  IsoDate,
  LegalReviewCompletedData,
  NoPenaltyDecidedData,
  PenaltyDecidedData,
  PenaltyNoticeServedData,
  ReferralApprovedData,
  ReferralProposedData,
  RectificationOrderedData,
  ReinspectionRecordedData,
  SeizureImposedData,
  SeizureReleasedData,
} from '@workflows/enforcement-case';

/** A step as a document cites it: its data, the day it happened (Asia/Shanghai) and who took it. */
export interface Step<T> {
  data: T;
  on: IsoDate;
  occurredAt: string;
  actorId: string;
}

/** What the documents read of a case: the steps that produce them, folded from its events in order. */
export interface CaseRecord {
  opened: Step<CaseOpenedData> | null;
  filed: Step<CaseFiledData> | null;
  evidence: Step<EvidenceRecordedData>[];
  investigation: Step<InvestigationConcludedData> | null;
  notice: Step<PenaltyNoticeServedData> | null;
  decision: Step<PenaltyDecidedData> | null;
  service: Step<DecisionServedData> | null;
  paidYuan: number;
  closed: Step<CaseClosedData> | null;
  hearingRequest: Step<HearingRequestedData> | null;
  hearingSchedule: Step<HearingScheduledData> | null;
  hearingHeld: Step<HearingHeldData> | null;
  hearingForfeited: Step<HearingForfeitedData> | null;
  /** The latest review and discussion: a new one is recorded beside the old, and the document states the one in force. */
  legalReview: Step<LegalReviewCompletedData> | null;
  collectiveDiscussion: Step<CollectiveDiscussionRecordedData> | null;
  noPenalty: Step<NoPenaltyDecidedData> | null;
  /** The day the fine falls due: fifteen days after service (行政处罚法第六十七条), or as a deferral set it (第六十六条). */
  paymentDueDate: IsoDate | null;
  remediesFiled: number;
  urge: Step<EnforcementUrgedData> | null;
  courtApplication: Step<CourtEnforcementAppliedData> | null;
  referralProposal: Step<ReferralProposedData> | null;
  referralApproval: Step<ReferralApprovedData> | null;
  policeTransfer: Step<CaseTransferredToPoliceData> | null;
  rejected: Step<FilingRejectedData> | null;
  /** Each 责令限期整改 in order, with the re-inspection recorded on it (a failed one is followed by a new order). */
  rectifications: { order: Step<RectificationOrderedData>; reinspection: Step<ReinspectionRecordedData> | null }[];
  /** Each 查封扣押 in order, with its end (a new one may follow a release). */
  seizures: { imposed: Step<SeizureImposedData>; released: Step<SeizureReleasedData> | null }[];
  /** Each 延期 with the handling period's last day before it. */
  extensions: { step: Step<HandlingPeriodExtendedData>; previousDue: IsoDate | null }[];
}

function step<T>(e: CaseEvent, data: T): Step<T> {
  return { data, on: toShanghaiDate(e.meta.occurredAt), occurredAt: e.meta.occurredAt, actorId: e.meta.actorId };
}

export function caseRecord(events: readonly CaseEvent[]): CaseRecord {
  const r: CaseRecord = {
    opened: null,
    filed: null,
    evidence: [],
    investigation: null,
    notice: null,
    decision: null,
    service: null,
    paidYuan: 0,
    closed: null,
    hearingRequest: null,
    hearingSchedule: null,
    hearingHeld: null,
    hearingForfeited: null,
    legalReview: null,
    collectiveDiscussion: null,
    noPenalty: null,
    paymentDueDate: null,
    remediesFiled: 0,
    urge: null,
    courtApplication: null,
    referralProposal: null,
    referralApproval: null,
    policeTransfer: null,
    rejected: null,
    rectifications: [],
    seizures: [],
    extensions: [],
  };
  let handlingDue: IsoDate | null = null;
  for (const e of events) {
    switch (e.type) {
      case 'CaseOpened':
        r.opened = step(e, e.data);
        break;
      case 'CaseFiled':
        r.filed = step(e, e.data);
        break;
      case 'EvidenceRecorded':
        r.evidence.push(step(e, e.data));
        break;
      case 'InvestigationConcluded':
        r.investigation = step(e, e.data);
        break;
      case 'PenaltyNoticeServed':
        r.notice = step(e, e.data);
        break;
      case 'PenaltyDecided':
        r.decision = step(e, e.data);
        r.noPenalty = null;
        break;
      // A later decision (a new one after revocation) replaces the one served; its service is then still to come.
      case 'NoPenaltyDecided':
        r.decision = null;
        r.service = null;
        r.noPenalty = step(e, e.data);
        break;
      case 'DecisionServed':
        r.service = step(e, e.data);
        r.paymentDueDate = e.data.deadlines.find((d) => d.kind === 'payment')?.dueDate ?? null;
        break;
      case 'PaymentRecorded':
        r.paidYuan = e.data.paidTotalYuan;
        break;
      case 'CaseClosed':
        r.closed = step(e, e.data);
        break;
      case 'HearingRequested':
        r.hearingRequest = step(e, e.data);
        break;
      case 'HearingScheduled':
        r.hearingSchedule = step(e, e.data);
        break;
      case 'HearingHeld':
        r.hearingHeld = step(e, e.data);
        break;
      case 'HearingForfeited':
        r.hearingForfeited = step(e, e.data);
        break;
      case 'LegalReviewCompleted':
        r.legalReview = step(e, e.data);
        break;
      case 'CollectiveDiscussionRecorded':
        r.collectiveDiscussion = step(e, e.data);
        break;
      case 'PaymentDeferred':
        r.paymentDueDate = e.data.deadlines.find((d) => d.kind === 'payment')?.dueDate ?? r.paymentDueDate;
        break;
      case 'RemedyFiled':
        r.remediesFiled += 1;
        break;
      case 'EnforcementUrged':
        r.urge = step(e, e.data);
        break;
      case 'CourtEnforcementApplied':
        r.courtApplication = step(e, e.data);
        break;
      case 'ReferralProposed':
        r.referralProposal = step(e, e.data);
        break;
      case 'ReferralApproved':
        r.referralApproval = step(e, e.data);
        break;
      case 'CaseTransferredToPolice':
        r.policeTransfer = step(e, e.data);
        break;
      case 'FilingRejected':
        r.rejected = step(e, e.data);
        break;
      case 'RectificationOrdered':
        r.rectifications.push({ order: step(e, e.data), reinspection: null });
        break;
      case 'ReinspectionRecorded':
        if (r.rectifications.length) r.rectifications[r.rectifications.length - 1].reinspection = step(e, e.data);
        break;
      case 'SeizureImposed':
        r.seizures.push({ imposed: step(e, e.data), released: null });
        break;
      case 'SeizureReleased':
        if (r.seizures.length) r.seizures[r.seizures.length - 1].released = step(e, e.data);
        break;
      case 'HandlingPeriodExtended':
        r.extensions.push({ step: step(e, e.data), previousDue: handlingDue });
        break;
      default:
        break;
    }
    handlingDue = handlingPeriodDue(e) ?? handlingDue;
  }
  return r;
}

/** The handling period's last day as an event sets it (filing, resumption, extension), or null if it does not. */
function handlingPeriodDue(e: CaseEvent): IsoDate | null {
  if (e.type !== 'CaseFiled' && e.type !== 'CaseResumed' && e.type !== 'HandlingPeriodExtended') return null;
  return e.data.deadlines.find((d) => d.kind === 'handling_period')?.dueDate ?? null;
}
