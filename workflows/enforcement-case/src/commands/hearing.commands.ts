import { toShanghaiDate, workingDaysBetween } from '@app/calendar';
import { CaseContext } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/** 听证申请 (行政处罚法 Art. 64(1)): the party's request, within 5 working days of the notice, where the penalty gives the right. */
export function requestHearing(ctx: CaseContext, _body: HearingBodies['request-hearing'], env: DecisionEnv): CommandOutcome {
  const due = ctx.deadlines.find((d) => d.kind === 'hearing_request');
  const today = toShanghaiDate(env.occurredAt);
  return emitUnless(
    [
      !ctx.notice?.hearingRight ? violation('hearingRightExists') : null,
      ctx.hearing ? violation('hearingNotYetRequested') : null,
      ctx.waivedRights.includes('hearing') ? violation('hearingRequestedInTime', '当事人已放弃听证 (the party waived the hearing)') : null,
      due && today > due.dueDate ? violation('hearingRequestedInTime', `${today} > ${due.dueDate}`) : null,
    ],
    () => [{ type: 'HearingRequested', data: { requestedAt: env.occurredAt } }],
  );
}

/**
 * 听证通知 (行政处罚法 Art. 64(2), (4)): the head notifies the party now, for a hearing at least 7 working days later,
 * presided over by someone who did not investigate the case.
 */
export function scheduleHearing(ctx: CaseContext, body: HearingBodies['schedule-hearing'], env: DecisionEnv): CommandOutcome {
  const notified = toShanghaiDate(env.occurredAt);
  const held = toShanghaiDate(body.hearingAt);
  const noticeWorkingDays = workingDaysBetween(env.calendar, notified, held);
  const investigators = new Set([...(ctx.opened?.handlingOfficerIds ?? []), ...ctx.evidence.flatMap((e) => e.officerIds)]);
  return emitUnless(
    [
      noticeWorkingDays < 7
        ? violation('hearingNoticeSevenWorkingDays', `${notified} → ${held}: ${noticeWorkingDays} 个工作日 (working days)`)
        : null,
      investigators.has(body.presidingOfficerId) ? violation('presidingOfficerDidNotInvestigate', body.presidingOfficerId) : null,
    ],
    () => [
      {
        type: 'HearingScheduled',
        data: { hearingAt: body.hearingAt, presidingOfficerId: body.presidingOfficerId, location: body.location, noticeWorkingDays },
      },
    ],
  );
}

/** 听证笔录 (行政处罚法 Art. 64(8)): held, or forfeited when the party stayed away without good reason (Art. 64(6), 视为放弃听证权利). */
export function recordHearing(ctx: CaseContext, body: HearingBodies['record-hearing'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [
      ctx.hearing?.presidingOfficerId !== env.actor.id
        ? violation('recordedByPresidingOfficer', `${env.actor.id} ≠ ${ctx.hearing?.presidingOfficerId}`)
        : null,
    ],
    () =>
      body.attended
        ? [
            {
              type: 'HearingHeld',
              data: { summary: body.summary, ...(body.transcriptHash ? { transcriptHash: body.transcriptHash.toLowerCase() } : {}) },
            },
          ]
        : [{ type: 'HearingForfeited', data: { summary: body.summary } }],
  );
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface HearingBodies {
  'request-hearing': Record<never, never>;
  'schedule-hearing': { hearingAt: string; presidingOfficerId: string; location: string };
  'record-hearing': { attended: boolean; summary: string; transcriptHash?: string };
}

export const HEARING_COMMANDS: CommandSpecs<HearingBodies> = {
  'request-hearing': {
    summary: '听证申请 (officer records the party’s request; within 5 working days of the notice)',
    emits: ['HearingRequested'],
    who: { roles: ['officer'] },
    decide: requestHearing,
  },
  'schedule-hearing': {
    summary: '听证通知 (head; hearing ≥ 7 working days after notifying the party)',
    emits: ['HearingScheduled'],
    who: { roles: ['head'] },
    decide: scheduleHearing,
  },
  'record-hearing': {
    summary: '听证笔录 (presiding officer)',
    emits: ['HearingHeld', 'HearingForfeited'],
    who: { roles: ['officer', 'head'], relation: 'presidingOfficer' },
    decide: recordHearing,
  },
};
