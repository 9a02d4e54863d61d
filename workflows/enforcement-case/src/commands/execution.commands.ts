import { endOfShanghaiDay, toShanghaiDate } from '@app/calendar';
import { ServiceMethod, totalFineYuan } from '../case-types';
import { CaseContext } from '../case-context';
import { CaseEventBody } from '../case-events';
import { DeadlineSet } from '../deadlines/deadline';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/** Penalties that are carried out by the decision itself once served (a warning needs no further act). */
const SELF_EXECUTING = new Set(['warning']);

/** 送达 (行政处罚法 Art. 61): opens payment (15 d, Art. 67) and the remedy windows (行政复议法 Art. 20, 行政诉讼法 Art. 46). */
export function serveDecision(ctx: CaseContext, body: ExecutionBodies['serve-decision'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const penalties = ctx.decision?.penalties ?? [];
  const deadlines: DeadlineSet[] = [];
  if (totalFineYuan(penalties) > 0) deadlines.push(computeDeadline('payment', 'payment', env.occurredAt, rules, env.calendar));
  if (ctx.decision?.outcome === 'penalty') {
    deadlines.push(computeDeadline('reconsideration_window', 'reconsiderationWindow', env.occurredAt, rules, env.calendar));
    deadlines.push(computeDeadline('litigation_window', 'litigationWindow', env.occurredAt, rules, env.calendar));
  }
  // The document served, when named, is the decision as issued (its number recorded by issue-document).
  const n = body.documentNumber;
  if (n !== undefined && (n !== ctx.decision?.decisionNo || !Object.values(ctx.issuedDocuments).includes(n)))
    return { violations: [violation('servedDocumentIssued', n)] };
  const served = { method: body.method, ...(n !== undefined ? { documentNumber: n } : {}), rulesVersion: rules.id, deadlines };
  const events: CaseEventBody[] = [{ type: 'DecisionServed', data: served }];
  if (ctx.decision?.outcome === 'penalty' && penalties.every((p) => SELF_EXECUTING.has(p.kind))) {
    events.push({ type: 'PenaltyExecuted', data: { via: 'service' } });
  }
  return emit(...events);
}

/**
 * 加处罚款 (行政处罚法 Art. 72): 3% of the fine for each day paid late, never more than the fine itself.
 * Counted in calendar days after the payment due date.
 */
export function lateSurchargeYuan(fineYuan: number, dueDate: string | undefined, paidOn: string): number {
  if (!dueDate || paidOn <= dueDate) return 0;
  const days = Math.round((Date.parse(`${paidOn}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.min(fineYuan, Math.round(fineYuan * 0.03 * days * 100) / 100);
}

export function recordPayment(ctx: CaseContext, body: ExecutionBodies['record-payment'], env: DecisionEnv): CommandOutcome {
  const fine = totalFineYuan(ctx.decision?.penalties);
  const due = ctx.deadlines.find((d) => d.kind === 'payment')?.dueDate;
  const owed = fine + lateSurchargeYuan(fine, due, toShanghaiDate(env.occurredAt));
  const paidTotalYuan = Math.round((ctx.paidYuan + body.amountYuan) * 100) / 100;
  return emitUnless(
    [
      fine <= 0 ? violation('decisionHasFine') : null,
      fine > 0 && paidTotalYuan > owed
        ? violation('paymentNotAboveDue', `已缴 ${paidTotalYuan} 元 > 应缴 ${owed} 元 (paid ${paidTotalYuan} > owed ${owed})`)
        : null,
    ],
    () => {
      const events: CaseEventBody[] = [
        { type: 'PaymentRecorded', data: { amountYuan: body.amountYuan, receiptNo: body.receiptNo, paidTotalYuan } },
      ];
      const othersDone = (ctx.decision?.penalties ?? []).every(
        (p) => p.kind === 'fine' || SELF_EXECUTING.has(p.kind) || ctx.compliedKinds.includes(p.kind),
      );
      if (paidTotalYuan >= owed && othersDone) events.push({ type: 'PenaltyExecuted', data: { via: 'payment' } });
      return events;
    },
  );
}

/** 履行 of a non-monetary penalty (suspension, closure…); executed once every penalty is done and the fine paid. */
export function recordCompliance(ctx: CaseContext, body: ExecutionBodies['record-compliance'], env: DecisionEnv): CommandOutcome {
  const penalties = ctx.decision?.penalties ?? [];
  const decided = penalties.some((p) => p.kind === body.penaltyKind && p.kind !== 'fine');
  return emitUnless([!decided ? violation('penaltyKindDecided', body.penaltyKind) : null], () => {
    const complied = new Set([...ctx.compliedKinds, body.penaltyKind]);
    const fine = totalFineYuan(penalties);
    const due = ctx.deadlines.find((d) => d.kind === 'payment')?.dueDate;
    const finePaid = fine === 0 || ctx.paidYuan >= fine + lateSurchargeYuan(fine, due, toShanghaiDate(env.occurredAt));
    const allDone = penalties.every((p) => p.kind === 'fine' || SELF_EXECUTING.has(p.kind) || complied.has(p.kind));
    const events: CaseEventBody[] = [{ type: 'ComplianceRecorded', data: { penaltyKind: body.penaltyKind, summary: body.summary } }];
    if (allDone && finePaid) events.push({ type: 'PenaltyExecuted', data: { via: 'compliance' } });
    return events;
  });
}

/** 暂缓、分期缴纳 (行政处罚法 Art. 66): a new payment deadline after the current one. */
export function approveDeferral(ctx: CaseContext, body: ExecutionBodies['approve-deferral'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const current = ctx.deadlines.find((d) => d.kind === 'payment');
  const last = body.installments?.length
    ? body.installments
        .map((i) => i.dueDate)
        .sort()
        .at(-1)
    : body.dueDate;
  return emitUnless(
    [!last || (current && last <= current.dueDate) ? violation('deferralTerms', current ? `≤ ${current.dueDate}` : undefined) : null],
    () => [
      {
        type: 'PaymentDeferred',
        data: {
          ...(body.dueDate ? { dueDate: body.dueDate } : {}),
          ...(body.installments ? { installments: body.installments } : {}),
          deadlines: [
            {
              kind: 'payment',
              startedAt: env.occurredAt,
              dueDate: last!,
              dueAt: endOfShanghaiDay(last!),
              basis: '批准暂缓/分期 deferral approved (行政处罚法 Art. 66)',
              rulesVersion: rules.id,
            },
          ],
        },
      },
    ],
  );
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface ExecutionBodies {
  'serve-decision': { method: ServiceMethod; documentNumber?: string };
  'record-payment': { amountYuan: number; receiptNo: string };
  'approve-deferral': { dueDate?: string; installments?: { amountYuan: number; dueDate: string }[] };
  'record-compliance': { penaltyKind: string; summary: string };
}

export const EXECUTION_COMMANDS: CommandSpecs<ExecutionBodies> = {
  'serve-decision': { summary: '送达决定书 (officer)', emits: ['DecisionServed'], who: { roles: ['officer'] }, decide: serveDecision },
  'record-payment': { summary: '缴纳罚款 (officer)', emits: ['PaymentRecorded'], who: { roles: ['officer'] }, decide: recordPayment },
  'approve-deferral': {
    summary: '批准暂缓/分期缴纳 (head)',
    emits: ['PaymentDeferred'],
    who: { roles: ['head'] },
    decide: approveDeferral,
  },
  'record-compliance': {
    summary: '履行非罚款处罚 (officer)',
    emits: ['ComplianceRecorded'],
    who: { roles: ['officer'] },
    decide: recordCompliance,
  },
};
