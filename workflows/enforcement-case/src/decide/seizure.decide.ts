import { addCalendarDays, endOfShanghaiDay } from '@app/calendar';
import { CommandBodies } from '../case-commands';
import { CaseContext } from '../case-context';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from './case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from './decision-env';

/**
 * 查封扣押 (行政强制法 Art. 18, 22–25): approved by the head, recorded on audio-video on site — the command must cite
 * the hash of an audio-video record already in the case (国办发〔2018〕118号). Term 30 days.
 */
export function imposeSeizure(ctx: CaseContext, body: CommandBodies['impose-seizure'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const hash = body.audioVideoEvidenceHash?.toLowerCase();
  const recorded = !!hash && ctx.evidence.some((e) => e.kind === 'audio_video' && e.contentHash === hash);
  return emitUnless([!recorded ? violation('audioVideoRecorded', hash ? `${hash} 不是本案的音像证据 (not an audio-video record of this case)` : '未提供 (none given)') : null], () => [
    {
      type: 'SeizureImposed',
      data: {
        items: body.items,
        reason: body.reason,
        legalBasis: body.legalBasis,
        audioVideoEvidenceHash: hash!,
        rulesVersion: rules.id,
        deadlines: [computeDeadline('seizure', 'seizureTerm', env.occurredAt, rules, env.calendar)],
      },
    },
  ]);
}

/** 延长 (行政强制法 Art. 25): once, by at most 30 days, counted on from the current end. */
export function extendSeizure(ctx: CaseContext, body: CommandBodies['extend-seizure'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const current = ctx.deadlines.find((d) => d.kind === 'seizure');
  const max = rules.periods.seizureExtension.n;
  return emitUnless(
    [ctx.seizure?.extended || body.days > max || !current ? violation('seizureExtendedOnce', ctx.seizure?.extended ? '已延长过 (already extended)' : `${body.days} > ${max}`) : null],
    () => {
      const dueDate = addCalendarDays(env.calendar, current!.dueDate, body.days);
      return [
        {
          type: 'SeizureExtended',
          data: {
            days: body.days,
            reason: body.reason,
            deadlines: [{ ...current!, startedAt: env.occurredAt, dueDate, dueAt: endOfShanghaiDay(dueDate), basis: `+${body.days} 日 calendar days (行政强制法 Art. 25)`, rulesVersion: rules.id }],
          },
        },
      ];
    },
  );
}

export function releaseSeizure(_ctx: CaseContext, body: CommandBodies['release-seizure']): CommandOutcome {
  return emit({ type: 'SeizureReleased', data: { disposition: body.disposition, reason: body.reason } });
}
