import { CaseEvent, CaseEventBody } from '@workflows/enforcement-case';
import { HEAD, OFFICER, at, event, sampleEvents } from './sample-case';

/** The sample case down the other paths of the procedure, as the decision and enforcement documents' specs read it. */
export const PRESIDING = 'u-officer-3';
export const REVIEWER = 'u-reviewer';
export const TRANSCRIPT_HASH = 'b'.repeat(64);

/** Notice served 2026-09-11 → hearing asked 09-14, notified 09-15 for 09-25, held; legal review and collective deliberation. */
export function hearingEvents(): CaseEvent[] {
  return [
    ...sampleEvents('PenaltyNoticeServed'),
    event({ type: 'HearingRequested', data: { requestedAt: at('2026-09-14') } }, '2026-09-14'),
    event(
      {
        type: 'HearingScheduled',
        data: {
          hearingAt: at('2026-09-25', '09:30:00'),
          presidingOfficerId: PRESIDING,
          location: '北湖区应急管理局听证室',
          noticeWorkingDays: 8,
        },
      },
      '2026-09-15',
      HEAD,
    ),
    event(
      { type: 'HearingHeld', data: { summary: '当事人对违法事实无异议，请求从轻处罚', transcriptHash: TRANSCRIPT_HASH } },
      '2026-09-25',
      PRESIDING,
    ),
    event(
      {
        type: 'LegalReviewCompleted',
        data: { outcome: 'approved', legalBasisCorrect: true, opinion: '事实清楚，证据确凿，适用法律正确', reviewerId: REVIEWER },
      },
      '2026-09-28',
      REVIEWER,
    ),
    event(
      {
        type: 'CollectiveDiscussionRecorded',
        data: { participantIds: [HEAD, 'u-deputy', REVIEWER], conclusion: '同意罚款人民币叁万伍仟元' },
      },
      '2026-09-29',
      HEAD,
    ),
  ];
}

/** Investigated, then decided not to penalize (行政处罚法第五十七条第一款第二项). */
export function noPenaltyEvents(): CaseEvent[] {
  return [
    ...sampleEvents('EvidenceRecorded'),
    event(
      {
        type: 'InvestigationConcluded',
        data: {
          findings: '违法行为轻微并已当场改正，没有造成危害后果',
          proposedOutcome: 'no_penalty_minor',
          legalBasis: ['行政处罚法 Art. 33'],
        },
      },
      '2026-09-10',
    ),
    event(
      {
        type: 'NoPenaltyDecided',
        data: {
          decisionNo: '北应急罚〔2026〕8号',
          outcome: 'no_penalty_minor',
          legalBasis: ['行政处罚法 Art. 33'],
          justification: '当事人已当场改正',
          rulesVersion: 'hn-2026.1',
          deadlines: [],
        },
      },
      '2026-09-11',
      HEAD,
    ),
  ];
}

const payment = (dueDate: string) => ({
  kind: 'payment' as const,
  startedAt: at('2026-09-22'),
  dueDate,
  dueAt: `${dueDate}T23:59:59.999+08:00`,
  basis: '15 日 days (行政处罚法 Art. 67)',
  rulesVersion: 'hn-2026.1',
});

/** Decided and served; ¥5,000 of ¥35,000 paid; urged 2026-11-02; applied to the court 2027-04-06. */
export function courtEnforcementEvents(until?: CaseEvent['type']): CaseEvent[] {
  const all: CaseEvent[] = [
    ...sampleEvents('PenaltyDecided'),
    event(
      { type: 'DecisionServed', data: { method: 'direct', rulesVersion: 'hn-2026.1', deadlines: [payment('2026-10-09')] } },
      '2026-09-22',
    ),
    event({ type: 'PaymentRecorded', data: { amountYuan: 5000, receiptNo: 'R-1', paidTotalYuan: 5000 } }, '2026-09-30'),
    event({ type: 'EnforcementUrged', data: { urgedAt: at('2026-11-02'), rulesVersion: 'hn-2026.1', deadlines: [] } }, '2026-11-02'),
    event({ type: 'CourtEnforcementApplied', data: { court: '郴州市北湖区人民法院' } }, '2027-04-06', HEAD),
  ];
  const end = until ? all.findIndex((e) => e.type === until) + 1 : all.length;
  return all.slice(0, end);
}

/** A special team's report, approved by the head, and the case transferred to the police with its materials. */
export function referralEvents(): CaseEvent[] {
  const bodies: [CaseEventBody, string, string][] = [
    [
      {
        type: 'ReferralProposed',
        data: {
          offense: 'major_liability_accident',
          teamOfficerIds: [OFFICER, 'u-officer-2'],
          report: '超量储存引发火灾，造成一人死亡，涉嫌重大责任事故罪',
          from: 'investigation',
          rulesVersion: 'hn-2026.1',
          deadlines: [],
        },
      },
      '2026-09-04',
      OFFICER,
    ],
    [{ type: 'ReferralApproved', data: { opinion: '同意移送', deadlines: [] } }, '2026-09-05', HEAD],
    [
      {
        type: 'CaseTransferredToPolice',
        data: {
          policeAgency: '郴州市公安局北湖分局',
          documents: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'],
          deadlines: [],
        },
      },
      '2026-09-05',
      OFFICER,
    ],
  ];
  return [...sampleEvents('EvidenceRecorded'), ...bodies.map(([body, date, actor]) => event(body, date, actor))];
}
