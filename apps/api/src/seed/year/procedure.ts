import { addDays } from '@app/calendar';
import { CommandBody, Penalty } from '@workflows/enforcement-case';
import { CaseScript, CaseSetup, Post, SeedTime } from './script';

/** What the investigation proposes and the head decides: the penalties, their basis and the benchmark's grading. */
export interface PenaltyPlan {
  penalties: Penalty[];
  legalBasis: string[];
  violationCode?: string;
  discretionLevel?: CommandBody<'decide'>['discretionLevel'];
}

export const fine = (amountYuan: number, legalBasis: string, violationCode?: string, discretionLevel?: PenaltyPlan['discretionLevel']) => ({
  penalties: [{ kind: 'fine' as const, amountYuan }],
  legalBasis: [legalBasis],
  ...(violationCode ? { violationCode } : {}),
  ...(discretionLevel ? { discretionLevel } : {}),
});

/** The grounds of 不予处罚: a first minor violation corrected at once (行政处罚法第三十三条), facts not proven (第四十条). */
const NO_PENALTY_BASIS = { no_penalty_minor: '行政处罚法 Art. 33', no_penalty_unproven: '行政处罚法 Art. 40' } as const;

type Intervener = CommandBody<'record-interference'>['intervener'];

/**
 * The steps of the procedure as verbs, each some working days after the one before (a `gap` argument, with the usual
 * pace as its default). Each verb issues one engine command with its body typed by the registry, so a command whose
 * body changes fails to compile here.
 */
export class ProcedureScript extends CaseScript {
  private plan: PenaltyPlan | null = null;
  /** The day the decision was served (payment is due 15 days later). */
  servedOn: string | null = null;

  file(gap = 1, opinion = '同意立案，由承办人员依法调查'): this {
    return this.wait(gap).step('head', 'approve-filing', { opinion });
  }

  rejectFiling(reason: string, gap = 1): this {
    return this.wait(gap).step('head', 'reject-filing', { reason });
  }

  evidence(kind: CommandBody<'record-evidence'>['kind'], title: string, gap = 1): this {
    return this.wait(gap).step('officer-1', 'record-evidence', { kind, title, officerIds: this.officers, contentHash: this.hash(title) });
  }

  /** 调查终结 proposing a penalty. */
  conclude(plan: PenaltyPlan, findings: string, gap = 4): this {
    this.plan = plan;
    return this.wait(gap).step('officer-1', 'conclude-investigation', {
      findings,
      proposedOutcome: 'penalty',
      proposedPenalties: plan.penalties,
      legalBasis: plan.legalBasis,
      ...(plan.violationCode ? { violationCode: plan.violationCode, discretionLevel: plan.discretionLevel } : {}),
    });
  }

  /** 不予处罚 on its statutory ground, as the investigation concludes and then the head decides it. */
  noPenalty(outcome: keyof typeof NO_PENALTY_BASIS, findings: string, gap = 4, decisionGap = 2): this {
    const legalBasis = [NO_PENALTY_BASIS[outcome]];
    return this.wait(gap)
      .step('officer-1', 'conclude-investigation', { findings, proposedOutcome: outcome, legalBasis })
      .wait(decisionGap)
      .step('head', 'decide', { outcome, legalBasis });
  }

  notice(gap = 1): this {
    const { penalties, legalBasis } = this.planned();
    return this.wait(gap).step('officer-1', 'issue-penalty-notice', { proposedPenalties: penalties, legalBasis });
  }

  waive(rights: CommandBody<'waive-rights'>['rights'], gap = 0): this {
    return this.wait(gap).step('officer-1', 'waive-rights', { rights });
  }

  statement(summary: string, adopted: boolean, gap = 1): this {
    return this.wait(gap).step('officer-2', 'record-statement', { summary, adopted });
  }

  /** 法制审核 and 集体讨论, needed before the decision in a major case (行政处罚法第五十八条). */
  reviewAndDiscuss(gap = 1, conclusion = '同意按拟处罚意见作出处罚决定'): this {
    return this.wait(gap)
      .step('reviewer', 'record-legal-review', {
        outcome: 'approved',
        legalBasisCorrect: true,
        opinion: '事实清楚，证据确凿，适用依据正确，程序合法',
      })
      .wait(1)
      .step('head', 'record-collective-discussion', {
        participantIds: [this.user('head'), this.user('reviewer'), this.user('officer-1'), this.user('officer-3')],
        conclusion,
      });
  }

  decide(gap = 1, justification?: string): this {
    const { penalties, legalBasis, violationCode, discretionLevel } = this.planned();
    return this.wait(gap).step('head', 'decide', {
      outcome: 'penalty',
      penalties,
      legalBasis,
      ...(violationCode ? { violationCode, discretionLevel } : {}),
      ...(justification ? { justification } : {}),
    });
  }

  serve(gap = 1, method: CommandBody<'serve-decision'>['method'] = 'direct'): this {
    this.wait(gap);
    this.servedOn = this.date;
    return this.step('officer-2', 'serve-decision', { method });
  }

  publish(gap = 2, channel = '郴州市应急管理局网站'): this {
    return this.wait(gap).step('officer-1', 'publish-decision', { channel });
  }

  /**
   * The fine paid (in full unless an amount is given) `days` calendar days after the last step, but in time: by the
   * 15th day after service (行政处罚法第六十七条), unless `late` (a party paying late, or on an approved deferral's dates).
   */
  pay(days: number, o: { amountYuan?: number; late?: boolean } = {}): this {
    const receiptNo = `HN${this.date.slice(0, 4)}${String(this.rnd.int(100000, 999999))}`;
    const before = this.date;
    this.waitDays(days);
    if (!o.late && this.servedOn) {
      let due = addDays(this.servedOn, 15);
      while (!this.time.calendar.isWorkingDay(due)) due = addDays(due, -1);
      if (this.date > due) this.date = due > before ? due : before;
    }
    return this.step('officer-2', 'record-payment', { amountYuan: o.amountYuan ?? this.fineYuan(), receiptNo });
  }

  /** Both handling officers attest the interference record, and the head closes the case (郴政办发〔2016〕19号 §10). */
  close(summary: string, gap = 2): this {
    return this.wait(gap)
      .step('officer-1', 'attest-interference-record', { complete: true })
      .step('officer-2', 'attest-interference-record', { complete: true })
      .wait(1)
      .step('head', 'close-case', { summary });
  }

  /**
   * The usual way of a penalty from filing to service: evidence, conclusion, notice, then the rights waived in writing
   * (default the statement) or a statement heard and the periods left to run, the review where the case is major, the
   * decision and its service.
   */
  penaltyTrunk(
    plan: PenaltyPlan,
    findings: string,
    o: { waive?: CommandBody<'waive-rights'>['rights'] | false; major?: boolean } = {},
  ): this {
    this.file().evidence('inspection', '现场检查笔录').evidence('inquiry', '询问笔录（负责人）', 2).evidence('photo', '现场照片', 0);
    this.conclude(plan, findings).notice();
    const waived = o.waive ?? ['statement'];
    if (waived) this.waive(waived);
    else this.statement('当事人提出陈述申辩，称已开始整改，请求从轻处罚', false, 2).wait(4);
    if (o.major) this.reviewAndDiscuss();
    return this.decide(o.major || !waived ? 1 : 2).serve();
  }

  extend(reason: string, gap = 1): this {
    return this.wait(gap).step('head', 'extend-handling-period', { tier: 'head', reason });
  }

  interfere(
    post: Post,
    intervener: Intervener,
    means: CommandBody<'record-interference'>['means'],
    content: string,
    handling: string,
    gap = 0,
  ): this {
    return this.wait(gap).step(post, 'record-interference', { intervener, means, content, handling });
  }

  supervise(reason: string, replyWithinWorkingDays: number, gap = 0): this {
    return this.wait(gap).step('supervisor', 'supervise-case', { reason, replyWithinWorkingDays });
  }

  replySupervision(reply: string, gap = 2): this {
    return this.wait(gap).step('officer-1', 'reply-supervision', (c) => ({
      supervisionId: c.view.openSupervisions[0].supervisionId,
      reply,
    }));
  }

  private planned(): PenaltyPlan {
    if (!this.plan) throw new Error(`demo case ${this.key}: no penalty was proposed`);
    return this.plan;
  }

  fineYuan(): number {
    return this.planned().penalties.reduce((sum, p) => sum + (p.kind === 'fine' ? (p.amountYuan ?? 0) : 0), 0);
  }
}

/** A script of one case; each family's file is a list of these. */
export type Scenario = (time: SeedTime) => ProcedureScript;

export function scenario(setup: CaseSetup, steps: (s: ProcedureScript) => ProcedureScript): Scenario {
  return (time) => steps(new ProcedureScript(time, setup));
}
