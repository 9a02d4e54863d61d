import { assign, not, or, setup, stateIn } from 'xstate';
import { CaseContext, emptyCaseContext, evolveCaseContext } from './case-context';
import { CaseEvent } from './case-events';

/** 行政复议、行政诉讼 (行政处罚法 Art. 73: the penalty is not suspended meanwhile): recorded from the decision on. */
const remedies = {
  RemedyFiled: { actions: 'apply' },
  RemedyConcluded: { actions: 'apply' },
  DecisionRevoked: { target: '#enforcementCase.procedure.open.revoked', actions: 'apply' },
  // 公示 (安全生产法 Art. 78) also happens once a decision exists; the decider checks it is a penalty not yet published.
  DecisionPublished: { actions: 'apply' },
} as const;

/**
 * The enforcement case (安全生产行政执法案件) as a pure XState v5 machine over stored events.
 *
 * The machine says which events each state accepts and where they lead; `evolveCaseContext` says what
 * each event changes. Legal conditions are checked when a command is decided (see `decide/`), not
 * while folding: a stored event is a fact, and replaying history must never re-judge it with today's rules.
 * There are no `after` timers: statutory deadlines are data in the events (docs/architecture.md §4.2).
 *
 * `closed` and `notFiled` are terminal by having no way out rather than by `type: 'final'`, because
 * interference records are still accepted after closing (docs/supervision.md §2).
 */
export const enforcementCaseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  actions: {
    apply: assign(({ context, event }) => evolveCaseContext(context, event)),
  },
  guards: {
    // 查封扣押 is an investigative coercive measure (行政强制法 Art. 22–23): imposed during investigation or review.
    duringInvestigationOrReview: or([
      stateIn('#enforcementCase.procedure.open.investigation'),
      stateIn('#enforcementCase.procedure.open.review'),
    ]),
    // 中止 and 延期 apply to the handling clock, which runs from filing until the decision.
    beforeDecision: or(['investigation', 'review', 'hearing'].map((s) => stateIn(`#enforcementCase.procedure.open.${s}`))),
    // The first document of a case is its 立案审批表: nothing is issued before the filing is approved.
    filed: not(stateIn('#enforcementCase.procedure.open.filing')),
    referredFromInvestigation: ({ context }) => context.referral?.from === 'investigation',
    referredFromReview: ({ context }) => context.referral?.from === 'review',
    referredFromDecided: ({ context }) => context.referral?.from === 'decided',
    // 责令限期整改 may be ordered from investigation to execution (docs/procedure.md §4), and again once executed when a
    // re-inspection failed — otherwise a case whose rectification failed after payment could never close.
    fromInvestigationToExecution: or(
      ['investigation', 'review', 'hearing', 'decided', 'execution', 'courtEnforcement', 'executed'].map((s) =>
        stateIn(`#enforcementCase.procedure.open.${s}`),
      ),
    ),
  },
}).createMachine({
  id: 'enforcementCase',
  type: 'parallel',
  context: emptyCaseContext,
  states: {
    procedure: {
      meta: { zh: '办案程序', en: 'procedure' },
      initial: 'none',
      states: {
        none: { meta: { zh: '尚未立案申请', en: 'no case yet' }, on: { CaseOpened: { target: 'open.filing', actions: 'apply' } } },
        open: {
          meta: { zh: '办理中', en: 'open' },
          initial: 'filing',
          // 干预记录 are accepted at every stage once a case exists, closed included (docs/supervision.md §2); each
          // handling officer attests before closing that every interference they know of is recorded.
          // The deadline scheduler's records change no stage. 督办 and its reply may come at any open stage
          // (郴政办发〔2016〕19号第十七条) and change none.
          on: {
            InterferenceRecorded: { actions: 'apply' },
            InterferenceAttested: { actions: 'apply' },
            CaseSupervised: { actions: 'apply' },
            SupervisionReplied: { actions: 'apply' },
            DeadlineMissed: { actions: 'apply' },
            StatementPeriodEnded: { actions: 'apply' },
            HearingRequestPeriodEnded: { actions: 'apply' },
            // 文书签发 records a document the case has produced; it changes no stage.
            DocumentIssued: { guard: 'filed', actions: 'apply' },
          },
          states: {
            filing: {
              meta: { zh: '立案审批', en: 'filing approval' },
              on: {
                CaseFiled: { target: 'investigation', actions: 'apply' },
                FilingRejected: { target: '#enforcementCase.procedure.notFiled', actions: 'apply' },
              },
            },
            investigation: {
              meta: { zh: '调查取证', en: 'investigation' },
              on: {
                EvidenceRecorded: { actions: 'apply' },
                EvidenceFileAttached: { actions: 'apply' },
                InvestigationConcluded: { target: 'review', actions: 'apply' },
                ReferralProposed: { target: 'referral', actions: 'apply' },
              },
            },
            review: {
              meta: {
                zh: '案件审理（告知、陈述申辩、法制审核、集体讨论）',
                en: 'review (notice, statement, legality review, collective discussion)',
              },
              initial: 'awaitingNotice',
              on: {
                EvidenceRecorded: { actions: 'apply' },
                EvidenceFileAttached: { actions: 'apply' },
                LegalReviewCompleted: { actions: 'apply' },
                CollectiveDiscussionRecorded: { actions: 'apply' },
                NoPenaltyDecided: { target: 'decided.noPenalty', actions: 'apply' },
                ReferralProposed: { target: 'referral', actions: 'apply' },
              },
              states: {
                // Where to come back to after a rejected referral.
                hist: { type: 'history' },
                awaitingNotice: {
                  meta: { zh: '待告知', en: 'awaiting the penalty notice' },
                  on: { PenaltyNoticeServed: { target: 'noticeServed', actions: 'apply' } },
                },
                noticeServed: {
                  meta: { zh: '已告知', en: 'notice served' },
                  on: {
                    HearingRequested: { target: '#enforcementCase.procedure.open.hearing', actions: 'apply' },
                    RightsWaived: { actions: 'apply' },
                    StatementRecorded: { actions: 'apply' },
                    PenaltyDecided: { target: '#enforcementCase.procedure.open.decided.penalty', actions: 'apply' },
                  },
                },
              },
            },
            hearing: {
              meta: { zh: '听证', en: 'hearing' },
              initial: 'requested',
              on: { EvidenceRecorded: { actions: 'apply' }, EvidenceFileAttached: { actions: 'apply' } },
              states: {
                requested: {
                  meta: { zh: '已申请听证', en: 'hearing requested' },
                  on: { HearingScheduled: { target: 'scheduled', actions: 'apply' } },
                },
                scheduled: {
                  meta: { zh: '已通知听证', en: 'hearing scheduled' },
                  on: {
                    // Rescheduling is a new notice to the party, again at least 7 working days ahead.
                    HearingScheduled: { actions: 'apply' },
                    HearingHeld: { target: '#enforcementCase.procedure.open.review.noticeServed', actions: 'apply' },
                    HearingForfeited: { target: '#enforcementCase.procedure.open.review.noticeServed', actions: 'apply' },
                  },
                },
              },
            },
            decided: {
              meta: { zh: '已作出决定，待送达', en: 'decided, awaiting service' },
              initial: 'penalty',
              on: { ReferralProposed: { target: 'referral', actions: 'apply' }, ...remedies },
              states: {
                hist: { type: 'history' },
                penalty: {
                  meta: { zh: '处罚决定', en: 'penalty decision' },
                  on: { DecisionServed: { target: '#enforcementCase.procedure.open.execution', actions: 'apply' } },
                },
                noPenalty: {
                  meta: { zh: '不予处罚决定', en: 'no-penalty decision' },
                  on: {
                    DecisionServed: { actions: 'apply' },
                    CaseClosed: { target: '#enforcementCase.procedure.closed', actions: 'apply' },
                  },
                },
              },
            },
            execution: {
              meta: { zh: '执行', en: 'execution' },
              on: {
                PaymentRecorded: { actions: 'apply' },
                PenaltyExecuted: { target: 'executed', actions: 'apply' },
                EnforcementUrged: { actions: 'apply' },
                CourtEnforcementApplied: { target: 'courtEnforcement', actions: 'apply' },
                ReferralProposed: { target: 'referral', actions: 'apply' },
                PaymentDeferred: { actions: 'apply' },
                ComplianceRecorded: { actions: 'apply' },
                ...remedies,
              },
            },
            courtEnforcement: {
              meta: { zh: '申请法院强制执行', en: 'court enforcement' },
              on: {
                CourtRuled: { actions: 'apply' },
                CourtExecutionRecorded: { actions: 'apply' },
                PenaltyExecuted: { target: 'executed', actions: 'apply' },
                ...remedies,
              },
            },
            executed: {
              meta: { zh: '执行完毕', en: 'executed' },
              on: { CaseClosed: { target: '#enforcementCase.procedure.closed', actions: 'apply' }, ...remedies },
            },
            // 涉嫌犯罪移送 (国务院令310): proposed → approved (3 d) → transferred (24 h) → the police decide (3 d);
            // declined → reconsideration / procuratorate, or back to the administrative procedure where it left.
            referral: {
              meta: { zh: '涉嫌犯罪移送', en: 'criminal referral' },
              initial: 'proposed',
              states: {
                proposed: {
                  meta: { zh: '已提请移送', en: 'proposed' },
                  on: {
                    ReferralApproved: { target: 'approved', actions: 'apply' },
                    ReferralRejected: [
                      { target: '#enforcementCase.procedure.open.investigation', guard: 'referredFromInvestigation', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.review.hist', guard: 'referredFromReview', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.decided.hist', guard: 'referredFromDecided', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.execution', actions: 'apply' },
                    ],
                  },
                },
                approved: {
                  meta: { zh: '已批准移送', en: 'approved' },
                  on: { CaseTransferredToPolice: { target: 'awaitingPolice', actions: 'apply' } },
                },
                awaitingPolice: {
                  meta: { zh: '待公安机关决定', en: 'awaiting the police decision' },
                  on: {
                    PoliceDecisionRecorded: { actions: 'apply' },
                    ReferralAccepted: { target: '#enforcementCase.procedure.open.transferred', actions: 'apply' },
                    ReferralDeclined: { target: 'declined', actions: 'apply' },
                  },
                },
                declined: {
                  meta: { zh: '公安机关不予立案', en: 'police declined' },
                  on: {
                    PoliceReconsiderationRequested: { target: 'awaitingPolice', actions: 'apply' },
                    ReferredToProcuratorate: { target: 'awaitingPolice', actions: 'apply' },
                    AdministrativeProcedureResumed: [
                      { target: '#enforcementCase.procedure.open.investigation', guard: 'referredFromInvestigation', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.review.hist', guard: 'referredFromReview', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.decided.hist', guard: 'referredFromDecided', actions: 'apply' },
                      { target: '#enforcementCase.procedure.open.execution', actions: 'apply' },
                    ],
                  },
                },
              },
            },
            transferred: {
              meta: { zh: '已移送司法机关', en: 'transferred to the judicial authorities' },
              on: {
                MaterialsHandedOver: { actions: 'apply' },
                CaseClosed: { target: '#enforcementCase.procedure.closed', actions: 'apply' },
              },
            },
            revoked: {
              meta: { zh: '决定被撤销', en: 'decision revoked' },
              on: { CaseClosed: { target: '#enforcementCase.procedure.closed', actions: 'apply' } },
            },
          },
        },
        notFiled: { meta: { zh: '不予立案', en: 'not filed' }, on: { InterferenceRecorded: { actions: 'apply' } } },
        // A closed case still issues its 结案审批表 (and any document of its file not issued before). Its 案卷, as it
        // stood at closing, is archived once (行政处罚法第四十七条); there is no way back to reopen the case.
        closed: {
          meta: { zh: '结案', en: 'closed' },
          initial: 'unarchived',
          on: { InterferenceRecorded: { actions: 'apply' }, DocumentIssued: { actions: 'apply' } },
          states: {
            unarchived: {
              meta: { zh: '案卷待归档', en: 'case file not archived' },
              on: { DossierArchived: { target: 'archived', actions: 'apply' } },
            },
            archived: { meta: { zh: '案卷已归档', en: 'case file archived' } },
          },
        },
      },
    },
    // The handling clock (办案期限): suspended time does not count; extensions move the deadline.
    clock: {
      meta: { zh: '办案期限', en: 'handling clock' },
      initial: 'running',
      states: {
        running: {
          meta: { zh: '计时中', en: 'running' },
          on: {
            CaseSuspended: { target: 'suspended', guard: 'beforeDecision', actions: 'apply' },
            HandlingPeriodExtended: { guard: 'beforeDecision', actions: 'apply' },
          },
        },
        suspended: {
          meta: { zh: '中止', en: 'suspended' },
          on: { CaseResumed: { target: 'running', actions: 'apply' } },
        },
      },
    },
    // 整改: order → (party's request) → re-inspection → verified; failed → ordered again.
    rectification: {
      meta: { zh: '整改复查', en: 'rectification' },
      initial: 'none',
      states: {
        none: {
          meta: { zh: '未责令整改', en: 'none' },
          on: { RectificationOrdered: { target: 'ordered', guard: 'fromInvestigationToExecution', actions: 'apply' } },
        },
        ordered: {
          meta: { zh: '限期整改中', en: 'ordered' },
          on: {
            ReinspectionRequested: { actions: 'apply' },
            ReinspectionRecorded: { actions: 'apply' },
            RectificationVerified: { target: 'verified', actions: 'apply' },
            RectificationFailed: { target: 'failed', actions: 'apply' },
          },
        },
        verified: { meta: { zh: '复查合格', en: 'verified' } },
        failed: {
          meta: { zh: '复查不合格', en: 'failed' },
          on: { RectificationOrdered: { target: 'ordered', guard: 'fromInvestigationToExecution', actions: 'apply' } },
        },
      },
    },
    // 查封扣押 runs beside the procedure: 30 days, extended once by at most 30 (行政强制法 Art. 25).
    seizure: {
      meta: { zh: '查封扣押', en: 'seizure' },
      initial: 'none',
      states: {
        none: {
          meta: { zh: '未查封扣押', en: 'none' },
          on: { SeizureImposed: { target: 'inForce', guard: 'duringInvestigationOrReview', actions: 'apply' } },
        },
        inForce: {
          meta: { zh: '查封扣押中', en: 'in force' },
          on: {
            SeizureExtended: { actions: 'apply' },
            SeizureTermExpired: { actions: 'apply' },
            SeizureReleased: { target: 'none', actions: 'apply' },
          },
        },
      },
    },
  },
});

export type EnforcementCaseMachine = typeof enforcementCaseMachine;
