import { toShanghaiDate } from '@app/calendar';
import { CaseFacts } from '../case-types';
import { CaseContext } from '../case-context';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { rulesForCase, rulesInForce } from '../rules/rules-version';
import { limitationYears, violationsPastLimitation } from '../rules/limitation-period';
import { twoCertifiedOfficers } from '../decide/certified-officers';
import { CommandOutcome, DecisionEnv, emit, emitNumbered, emitUnless, issuerOf } from '../decide/decision-env';
import { CaseAt, CommandSpecs } from './command-spec';

/** 立案 (open-case): the officers' proposal to file a case. */
export function openCase(_ctx: CaseContext, body: FilingBodies['open-case'], env: DecisionEnv, { caseId }: CaseAt): CommandOutcome {
  const today = toShanghaiDate(env.occurredAt);
  const rules = rulesInForce(env.rules, today);
  const years = limitationYears(rules.limitationYears, body.criminalIndicators);
  const late = violationsPastLimitation(body.violations, body.discoveredAt, years);
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
 * handling period, with the rules version in force on the filing date. The case number is taken once the filing
 * has passed (numbers must stay gapless).
 */
export function approveFiling(_ctx: CaseContext, body: FilingBodies['approve-filing'], env: DecisionEnv): CommandOutcome {
  const rules = rulesForCase(env.rules, toShanghaiDate(env.occurredAt), toShanghaiDate(env.occurredAt));
  const deadlines = [
    computeDeadline('decision', 'decisionFromFiling', env.occurredAt, rules, env.calendar),
    computeDeadline('handling_period', 'handlingPeriod', env.occurredAt, rules, env.calendar),
  ];
  return emitNumbered('case', (n) => [
    {
      type: 'CaseFiled',
      data: { caseNo: n.no, ...(body.opinion ? { opinion: body.opinion } : {}), rulesVersion: rules.id, deadlines, ...issuerOf(n) },
    },
  ]);
}

export function rejectFiling(_ctx: CaseContext, body: FilingBodies['reject-filing']): CommandOutcome {
  return emit({ type: 'FilingRejected', data: { reason: body.reason } });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface FilingBodies {
  'open-case': CaseFacts & { major?: boolean };
  'approve-filing': { opinion?: string };
  'reject-filing': { reason: string };
}

export const FILING_COMMANDS: CommandSpecs<FilingBodies> = {
  'open-case': {
    summary: '立案 open-case: officers propose filing a case',
    emits: ['CaseOpened'],
    who: { roles: ['officer'] },
    decide: openCase,
  },
  'approve-filing': { summary: '立案批准 (head)', emits: ['CaseFiled'], who: { roles: ['head'] }, decide: approveFiling },
  'reject-filing': { summary: '不予立案 (head)', emits: ['FilingRejected'], who: { roles: ['head'] }, decide: rejectFiling },
};
