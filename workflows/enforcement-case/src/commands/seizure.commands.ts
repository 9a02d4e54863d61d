import { addCalendarDays, endOfShanghaiDay } from '@app/calendar';
import { CaseContext } from '../case-context';
import { computeDeadline } from '../deadlines/compute-deadline';
import { violation } from '../legal-conditions/legal-rules';
import { caseRules } from '../decide/case-rules';
import { CommandOutcome, DecisionEnv, emit, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/**
 * 查封扣押 (行政强制法 Art. 18, 22–25): approved by the head, recorded on audio-video on site — the command must cite
 * the hash of an audio-video record already in the case (国办发〔2018〕118号). Term 30 days.
 */
export function imposeSeizure(ctx: CaseContext, body: SeizureBodies['impose-seizure'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const hash = body.audioVideoEvidenceHash?.toLowerCase();
  // The record's content hash, or the SHA-256 of a recording uploaded to it (docs/evidence-files.md).
  const recorded = !!hash && ctx.evidence.some((e) => e.kind === 'audio_video' && (e.contentHash === hash || e.fileHashes.includes(hash)));
  return emitUnless(
    [
      !recorded
        ? violation(
            'audioVideoRecorded',
            hash ? `${hash} 不是本案的音像证据 (not an audio-video record of this case)` : '未提供 (none given)',
          )
        : null,
    ],
    () => [
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
    ],
  );
}

/** 延长 (行政强制法 Art. 25): once, by at most 30 days, counted on from the current end. */
export function extendSeizure(ctx: CaseContext, body: SeizureBodies['extend-seizure'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const current = ctx.deadlines.find((d) => d.kind === 'seizure');
  const max = rules.periods.seizureExtension.n;
  return emitUnless(
    [
      ctx.seizure?.extended || body.days > max || !current
        ? violation('seizureExtendedOnce', ctx.seizure?.extended ? '已延长过 (already extended)' : `${body.days} > ${max}`)
        : null,
    ],
    () => {
      const dueDate = addCalendarDays(env.calendar, current!.dueDate, body.days);
      return [
        {
          type: 'SeizureExtended',
          data: {
            days: body.days,
            reason: body.reason,
            deadlines: [
              {
                ...current!,
                startedAt: env.occurredAt,
                dueDate,
                dueAt: endOfShanghaiDay(dueDate),
                basis: `+${body.days} 日 calendar days (行政强制法 Art. 25)`,
                rulesVersion: rules.id,
              },
            ],
          },
        },
      ];
    },
  );
}

export function releaseSeizure(_ctx: CaseContext, body: SeizureBodies['release-seizure']): CommandOutcome {
  return emit({ type: 'SeizureReleased', data: { disposition: body.disposition, reason: body.reason } });
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface SeizureBodies {
  'impose-seizure': { items: { name: string; quantity?: string }[]; reason: string; legalBasis: string[]; audioVideoEvidenceHash?: string };
  'extend-seizure': { days: number; reason: string };
  'release-seizure': { disposition: 'released' | 'confiscated' | 'destroyed'; reason: string };
}

export const SEIZURE_COMMANDS: CommandSpecs<SeizureBodies> = {
  'impose-seizure': {
    summary: '查封扣押 (head; audio-video record required)',
    emits: ['SeizureImposed'],
    who: { roles: ['head'] },
    decide: imposeSeizure,
  },
  'extend-seizure': {
    summary: '延长查封扣押 (head; once, ≤ 30 days)',
    emits: ['SeizureExtended'],
    who: { roles: ['head'] },
    decide: extendSeizure,
  },
  'release-seizure': { summary: '解除/处理查封扣押 (head)', emits: ['SeizureReleased'], who: { roles: ['head'] }, decide: releaseSeizure },
};
