import { DecisionServedData, PenaltyDecidedData, totalFineYuan } from '@workflows/enforcement-case';
import { CaseRecord, Step } from './case-record';
import { Requirements } from './document-refusals';

/** A fine decided and served, and what of it is still owed: what the 催告书 and the court application enforce. */
export interface FineOwed {
  decision: Step<PenaltyDecidedData>;
  service: Step<DecisionServedData>;
  fineYuan: number;
  owedYuan: number;
  dueDate: string;
}

export function fineOwed(record: CaseRecord, req: Requirements): FineOwed | null {
  const decision = record.decision;
  const service = record.service;
  req.require(!!decision, 'decision', '行政处罚决定');
  req.require(!!service, 'service', '行政处罚决定书的送达');
  const fineYuan = decision ? totalFineYuan(decision.data.penalties) : 0;
  req.require(!decision || fineYuan > 0, 'decision.fine', '罚款');
  const dueDate = req.need(record.paymentDueDate, 'paymentDueDate', '罚款缴纳期限');
  if (!decision || !service || fineYuan <= 0 || !dueDate) return null;
  return { decision, service, fineYuan, owedYuan: Math.max(0, Math.round((fineYuan - record.paidYuan) * 100) / 100), dueDate };
}
