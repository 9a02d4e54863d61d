import { Party, Penalty, totalFineYuan } from '../case-types';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { RulesVersion } from '../rules/rules-version';

export function penaltiesHaveAmounts(penalties: Penalty[] | undefined): RuleViolation | null {
  const bad = (penalties ?? []).filter((p) => p.kind === 'fine' && !(typeof p.amountYuan === 'number' && p.amountYuan > 0));
  return bad.length ? violation('fineHasAmount') : null;
}

/** Penalties that always give a hearing right whatever the amount (行政处罚法 Art. 63(1)(2)-(5)). */
const HEARING_KINDS = new Set(['suspend_production', 'revoke_license', 'close', 'restrict_practice']);

/**
 * 听证权 (行政处罚法 Art. 63): a large fine or confiscation (threshold by party kind, from the rules version),
 * or suspension, licence revocation, closure or restriction of practice.
 */
export function hasHearingRight(penalties: Penalty[], party: Party, rules: RulesVersion): boolean {
  const threshold = party.kind === 'organization' ? rules.hearingThresholdYuan.organization : rules.hearingThresholdYuan.individual;
  const confiscated = penalties.filter((p) => p.kind === 'confiscation').reduce((s, p) => s + (p.amountYuan ?? 0), 0);
  return penalties.some((p) => HEARING_KINDS.has(p.kind)) || totalFineYuan(penalties) >= threshold || confiscated >= threshold;
}

const SEVERITY: Record<Penalty['kind'], number> = {
  warning: 0,
  fine: 1,
  confiscation: 1,
  suspend_production: 2,
  restrict_practice: 2,
  revoke_license: 3,
  close: 3,
};

/**
 * 不得因陈述申辩加重处罚 (行政处罚法 Art. 45): the decision may not be heavier than the notice — no larger fine and no
 * kind of penalty that was not notified.
 */
export function heavierThanNotified(decided: Penalty[], notified: Penalty[]): string[] {
  const problems: string[] = [];
  const decidedFine = totalFineYuan(decided);
  const notifiedFine = totalFineYuan(notified);
  if (decidedFine > notifiedFine)
    problems.push(`罚款 ${decidedFine} 元 > 告知的 ${notifiedFine} 元 (fine ${decidedFine} > notified ${notifiedFine})`);
  const notifiedKinds = new Set(notified.map((p) => p.kind));
  for (const p of decided) {
    if (!notifiedKinds.has(p.kind) && SEVERITY[p.kind] > 0) problems.push(`未告知的处罚种类 ${p.kind} (penalty kind not notified)`);
  }
  return problems;
}
