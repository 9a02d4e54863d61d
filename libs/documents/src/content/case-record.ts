import { toShanghaiDate } from '@app/calendar';
import {
  CaseClosedData,
  CaseEvent,
  CaseFiledData,
  CaseOpenedData,
  DecisionServedData,
  EvidenceRecordedData,
  InvestigationConcludedData,
  IsoDate,
  PenaltyDecidedData,
  PenaltyNoticeServedData,
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
  };
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
        break;
      // A later decision (a new one after revocation) replaces the one served; its service is then still to come.
      case 'NoPenaltyDecided':
        r.decision = null;
        r.service = null;
        break;
      case 'DecisionServed':
        r.service = step(e, e.data);
        break;
      case 'PaymentRecorded':
        r.paidYuan = e.data.paidTotalYuan;
        break;
      case 'CaseClosed':
        r.closed = step(e, e.data);
        break;
      default:
        break;
    }
  }
  return r;
}
