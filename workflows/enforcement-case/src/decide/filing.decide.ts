import { toShanghaiDate } from '@app/calendar';
import { CommandBodies } from '../case-commands';
import { CaseContext } from '../case-context';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { rulesForCase, rulesInForce } from '../rules/rules-version';
import { twoCertifiedOfficers } from './certified-officers';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from './decision-env';

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** 立案 (open-case): the officers' proposal to file a case. */
export function openCase(caseId: string, body: CommandBodies['open-case'], env: DecisionEnv): CommandOutcome {
  const today = toShanghaiDate(env.occurredAt);
  const lifeOrHealth = (body.criminalIndicators?.deaths ?? 0) > 0 || (body.criminalIndicators?.seriousInjuries ?? 0) > 0;
  const rules = rulesInForce(env.rules, today);
  // 行政处罚法 Art. 36: two years, five where life or health safety is involved, counted from the violation.
  const years = lifeOrHealth ? rules.limitationYears.lifeOrHealth : rules.limitationYears.general;
  const late = body.violations
    .filter((v) => v.committedOn && addYears(v.committedOn, years) < body.discoveredAt)
    .map((v) => `${v.description}: ${v.committedOn} → ${body.discoveredAt}`);
  return emitUnless(
    [
      twoCertifiedOfficers(body.handlingOfficerIds, body.agencyId, today, env.people),
      body.discoveredAt > today ? violation('discoveredNotInFuture', `${body.discoveredAt} > ${today}`) : null,
      late.length ? violation('withinLimitationPeriod', late.join('; ')) : null,
    ],
    () => [
      {
        type: 'CaseOpened',
        data: {
          caseId,
          agencyId: body.agencyId,
          source: body.source,
          industry: body.industry,
          party: body.party,
          violations: body.violations,
          discoveredAt: body.discoveredAt,
          handlingOfficerIds: [...new Set(body.handlingOfficerIds)],
          summary: body.summary,
          major: body.major ?? false,
          ...(body.criminalIndicators ? { criminalIndicators: body.criminalIndicators } : {}),
        },
      },
    ],
  );
}

/**
 * 立案批准: the head files the case. Starts the 90-day decision deadline (行政处罚法 Art. 60) and the sector
 * handling period, with the rules version in force on the filing date. The case number is assigned by the
 * engine after the decision (numbers must stay gapless).
 */
export function approveFiling(ctx: CaseContext, body: CommandBodies['approve-filing'], env: DecisionEnv): CommandOutcome {
  const rules = rulesForCase(env.rules, toShanghaiDate(env.occurredAt), toShanghaiDate(env.occurredAt));
  return emit({
    type: 'CaseFiled',
    data: {
      caseNo: '',
      ...(body.opinion ? { opinion: body.opinion } : {}),
      rulesVersion: rules.id,
      deadlines: [
        computeDeadline('decision', 'decisionFromFiling', env.occurredAt, rules, env.calendar),
        computeDeadline('handling_period', 'handlingPeriod', env.occurredAt, rules, env.calendar),
      ],
    },
  });
}

export function rejectFiling(_ctx: CaseContext, body: CommandBodies['reject-filing']): CommandOutcome {
  return emit({ type: 'FilingRejected', data: { reason: body.reason } });
}
