import { CaseEventBody } from '../case-events';
import { IsoDateTime } from '../case-types';
import { DEADLINE_KINDS, Deadline, DeadlineKind, DeadlineSet } from './deadline';
import { DEADLINE_RULES, isObligation } from './deadline-kinds';

/** The deadlines the handling clock governs: paused while suspended, moved by extensions (deadline-kinds.ts). */
export const HANDLING_CLOCK: DeadlineKind[] = DEADLINE_KINDS.filter((k) => DEADLINE_RULES[k].handlingClock);

/**
 * What one event does to its case's deadlines — the one place that says so: the fold applies it to the case's list,
 * and the open-deadlines read model to its rows. Applied in this order: the kinds met are met, the deadlines the
 * event carries are set (open, replacing any of their kind), the kind recorded as missed is missed, then the handling
 * clock is paused or runs again.
 *
 * Met means in time: an obligation (deadline-kinds.ts) is met only by an act whose occurredAt is on or before its dueAt.
 * A later act is recorded and valid but leaves it missed, whether or not the scheduler recorded the miss first, and an
 * act in time entered after the scheduler's miss still meets it — so the order of entry never changes the outcome.
 */
export interface DeadlineChange {
  met: readonly DeadlineKind[];
  set: readonly DeadlineSet[];
  missed: DeadlineKind | null;
  clock: 'pause' | 'resume' | null;
  /** The kinds a pause stops (open ones only). */
  pauses: readonly DeadlineKind[];
}

const NONE: DeadlineChange = { met: [], set: [], missed: null, clock: null, pauses: [] };

/** The kinds an event meets, by type (RightsWaived: the rights it waives). */
function metBy(event: CaseEventBody): readonly DeadlineKind[] {
  switch (event.type) {
    case 'RightsWaived':
      return event.data.rights.map((r) => (r === 'statement' ? 'statement' : 'hearing_request'));
    case 'StatementRecorded':
    case 'StatementPeriodEnded':
      return ['statement'];
    case 'HearingRequested':
    case 'HearingRequestPeriodEnded':
      return ['hearing_request'];
    // The party's periods are over once the head decides (the decision requires them to be over or waived).
    case 'PenaltyDecided':
    case 'NoPenaltyDecided':
      return ['decision', 'handling_period', 'statement', 'hearing_request'];
    case 'DecisionServed':
      return ['service'];
    case 'PenaltyExecuted':
      return ['payment'];
    case 'DecisionPublished':
      return ['publication'];
    case 'ReferralApproved':
    case 'ReferralRejected':
      return ['referral_approval'];
    // The transfer concludes the administrative handling (行政处罚法第五十七条第一款第四项): the first conclusion counts,
    // as in the timely-closure rate.
    case 'CaseTransferredToPolice':
      return ['referral_transfer', 'decision', 'handling_period'];
    case 'PoliceDecisionRecorded':
      return ['police_decision'];
    case 'MaterialsHandedOver':
      return ['handover'];
    case 'PoliceReconsiderationRequested':
    case 'ReferredToProcuratorate':
    case 'AdministrativeProcedureResumed':
      return ['police_reconsideration_request'];
    case 'ReinspectionRecorded':
      return ['reinspection', 'rectification'];
    case 'SeizureReleased':
      return ['seizure'];
    case 'CourtEnforcementApplied':
      return ['court_application'];
    case 'SupervisionReplied':
      return ['supervision_reply'];
    default:
      return [];
  }
}

/** Pure: what the event does to its case's deadlines (nothing, for most events). */
export function deadlineChangeOf(event: CaseEventBody): DeadlineChange {
  const data = event.data as { deadlines?: DeadlineSet[] };
  const missed = event.type === 'DeadlineMissed' || event.type === 'SeizureTermExpired' ? event.data.kind : null;
  const clock = event.type === 'CaseSuspended' ? 'pause' : event.type === 'CaseResumed' ? 'resume' : null;
  const met = metBy(event);
  const set = data.deadlines ?? [];
  const pauses = event.type === 'CaseSuspended' ? (event.data.pauses ?? HANDLING_CLOCK) : [];
  if (!met.length && !set.length && !missed && !clock) return NONE;
  return { met, set, missed, clock, pauses };
}

/** The case's deadlines after the change (the same list when it changes nothing). */
export function applyDeadlineChange(list: Deadline[], change: DeadlineChange, at: IsoDateTime): Deadline[] {
  if (change === NONE) return list;
  const { met, set, missed, clock, pauses } = change;
  let next = met.length ? list.map((d) => (met.includes(d.kind) ? actedOn(d, at) : d)) : list;
  if (set.length) {
    const kinds = new Set(set.map((s) => s.kind));
    next = [...next.filter((d) => !kinds.has(d.kind)), ...set.map((s) => ({ ...s, status: 'open' as const }))];
  }
  if (missed) next = next.map((d) => (d.kind === missed && d.status === 'open' ? { ...d, status: 'missed' } : d));
  if (clock === 'pause') next = next.map((d) => (pauses.includes(d.kind) && d.status === 'open' ? { ...d, status: 'paused' } : d));
  if (clock === 'resume') next = next.map((d) => (d.status === 'paused' ? { ...d, status: 'open' } : d));
  return next;
}

/** A deadline the act at `at` answers: met when in time; an obligation acted on late stays missed. */
function actedOn(d: Deadline, at: IsoDateTime): Deadline {
  if (!isObligation(d.kind)) return d.status === 'open' ? { ...d, status: 'met', metAt: at } : d;
  const unanswered = d.status === 'open' || (d.status === 'missed' && d.actedLateAt === undefined);
  if (!unanswered) return d;
  return Date.parse(at) <= Date.parse(d.dueAt) ? { ...d, status: 'met', metAt: at } : { ...d, status: 'missed', actedLateAt: at };
}
