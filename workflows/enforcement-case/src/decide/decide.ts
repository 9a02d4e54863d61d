import { CalendarYearNotCoveredError } from '@app/calendar';
import { CaseCommand, COMMAND_EVENTS, CommandName, SYSTEM_COMMANDS } from '../case-commands';
import { CaseEventBody, assertNever } from '../case-events';
import { acceptedEventTypes, allowedCommands, caseStage, CaseSnapshot } from '../fold';
import { NoRulesVersionError } from '../rules/rules-version';
import { RuleViolation, violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv } from './decision-env';
import { approveFiling, openCase, rejectFiling } from './filing.decide';
import { concludeInvestigation, recordEvidence } from './investigation.decide';
import { decide as decidePenalty, issuePenaltyNotice, recordCollectiveDiscussion, recordLegalReview, recordStatement, waiveRights } from './review.decide';
import { approveDeferral, recordCompliance, recordPayment, serveDecision } from './execution.decide';
import { publishDecision, recordRemedy, recordRemedyOutcome } from './remedy.decide';
import { extendHandlingPeriod, resumeCase, suspendCase } from './handling-clock.decide';
import { recordHearing, requestHearing, scheduleHearing } from './hearing.decide';
import { recordDeadlineExpiry } from './deadline.decide';
import { extendSeizure, imposeSeizure, releaseSeizure } from './seizure.decide';
import { issueRectificationOrder, recordReinspection, requestReinspection } from './rectification.decide';
import {
  approveReferral,
  proposeReferral,
  recordPoliceDecision,
  rejectReferral,
  requestPoliceReconsideration,
  resumeAdministrativeProcedure,
  transferToPolice,
} from './referral.decide';
import { applyCourtEnforcement, issueEnforcementUrge, recordCourtExecution, recordCourtRuling } from './court-enforcement.decide';
import { attestInterferenceRecord, closeCase, recordInterference } from './closing.decide';

export type Refusal =
  | { kind: 'not_allowed'; command: CommandName; stage: string | null; allowedCommands: CommandName[] }
  | { kind: 'legal_conditions'; command: CommandName; violations: RuleViolation[] };

export type Decision = { ok: true; events: CaseEventBody[] } | { ok: false; refusal: Refusal };

function run(snapshot: CaseSnapshot, caseId: string, command: CaseCommand, env: DecisionEnv): CommandOutcome {
  const ctx = snapshot.context;
  switch (command.name) {
    case 'open-case':
      return openCase(caseId, command.body, env);
    case 'approve-filing':
      return approveFiling(ctx, command.body, env);
    case 'reject-filing':
      return rejectFiling(ctx, command.body);
    case 'record-evidence':
      return recordEvidence(ctx, command.body, env);
    case 'conclude-investigation':
      return concludeInvestigation(ctx, command.body);
    case 'issue-penalty-notice':
      return issuePenaltyNotice(ctx, command.body, env);
    case 'record-statement':
      return recordStatement(ctx, command.body);
    case 'waive-rights':
      return waiveRights(ctx, command.body);
    case 'request-hearing':
      return requestHearing(ctx, command.body, env);
    case 'schedule-hearing':
      return scheduleHearing(ctx, command.body, env);
    case 'record-hearing':
      return recordHearing(ctx, command.body, env);
    case 'record-legal-review':
      return recordLegalReview(ctx, command.body, env);
    case 'decide':
      return decidePenalty(ctx, command.body, env);
    case 'serve-decision':
      return serveDecision(ctx, command.body, env);
    case 'record-payment':
      return recordPayment(ctx, command.body, env);
    case 'record-interference':
      return recordInterference(ctx, command.body, env);
    case 'attest-interference-record':
      return attestInterferenceRecord(ctx, command.body, env);
    case 'close-case':
      return closeCase(ctx, command.body);
    case 'suspend-case':
      return suspendCase(ctx, command.body);
    case 'resume-case':
      return resumeCase(ctx, command.body, env);
    case 'extend-handling-period':
      return extendHandlingPeriod(ctx, command.body, env);
    case 'record-collective-discussion':
      return recordCollectiveDiscussion(ctx, command.body);
    case 'publish-decision':
      return publishDecision(ctx, command.body);
    case 'approve-deferral':
      return approveDeferral(ctx, command.body, env);
    case 'record-compliance':
      return recordCompliance(ctx, command.body, env);
    case 'record-remedy':
      return recordRemedy(ctx, command.body);
    case 'record-remedy-outcome':
      return recordRemedyOutcome(ctx, command.body, env);
    case 'propose-referral':
      return proposeReferral(ctx, caseStage(snapshot)!, command.body, env);
    case 'approve-referral':
      return approveReferral(ctx, command.body, env);
    case 'reject-referral':
      return rejectReferral(ctx, command.body);
    case 'transfer-to-police':
      return transferToPolice(ctx, command.body, env);
    case 'record-police-decision':
      return recordPoliceDecision(ctx, command.body, env);
    case 'request-police-reconsideration':
      return requestPoliceReconsideration(ctx, command.body, env, 'PoliceReconsiderationRequested');
    case 'refer-to-procuratorate':
      return requestPoliceReconsideration(ctx, command.body, env, 'ReferredToProcuratorate');
    case 'resume-administrative-procedure':
      return resumeAdministrativeProcedure(ctx, command.body);
    case 'issue-rectification-order':
      return issueRectificationOrder(ctx, command.body, env);
    case 'request-reinspection':
      return requestReinspection(ctx, command.body, env);
    case 'record-reinspection':
      return recordReinspection(ctx, command.body, env);
    case 'impose-seizure':
      return imposeSeizure(ctx, command.body, env);
    case 'extend-seizure':
      return extendSeizure(ctx, command.body, env);
    case 'release-seizure':
      return releaseSeizure(ctx, command.body);
    case 'issue-enforcement-urge':
      return issueEnforcementUrge(ctx, command.body, env);
    case 'apply-court-enforcement':
      return applyCourtEnforcement(ctx, command.body, env);
    case 'record-court-ruling':
      return recordCourtRuling(ctx, command.body);
    case 'record-court-execution':
      return recordCourtExecution(ctx, command.body);
    case 'record-deadline-expiry':
      return recordDeadlineExpiry(ctx, command.body, env);
    default:
      return assertNever(command);
  }
}

/**
 * Decides a command against a folded case: 409-style refusal when the state does not accept it, 422-style
 * refusal listing every unmet legal condition, otherwise the events to append. Pure: time, actor, ids and
 * rules arrive in `env`.
 */
export function decideCommand(snapshot: CaseSnapshot, caseId: string, command: CaseCommand, env: DecisionEnv): Decision {
  const isNew = caseStage(snapshot) === null;
  const allowed = isNew ? (['open-case'] as CommandName[]) : allowedCommands(snapshot);
  const systemAllowed = !isNew && SYSTEM_COMMANDS.has(command.name) && COMMAND_EVENTS[command.name].some((t) => acceptedEventTypes(snapshot).has(t));
  if (!allowed.includes(command.name) && !systemAllowed) {
    return { ok: false, refusal: { kind: 'not_allowed', command: command.name, stage: caseStage(snapshot), allowedCommands: allowed } };
  }
  let outcome: CommandOutcome;
  try {
    outcome = run(snapshot, caseId, command, env);
  } catch (e) {
    if (e instanceof CalendarYearNotCoveredError) outcome = { violations: [violation('calendarCoversPeriod', e.message)] };
    else if (e instanceof NoRulesVersionError) outcome = { violations: [violation('rulesVersionInForce', e.message)] };
    else throw e;
  }
  if ('violations' in outcome) return { ok: false, refusal: { kind: 'legal_conditions', command: command.name, violations: outcome.violations } };
  return { ok: true, events: outcome.events };
}
