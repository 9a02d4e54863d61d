import { addDays } from '@app/calendar';
import { CaseContext } from '../case-context';
import { computeDeadline, dueFromLastCountedDay } from '../deadlines/compute-deadline';
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

/**
 * 延长 (行政强制法第二十五条): once, by at most 30 days, counted on from the current end, which is its last calendar day
 * (no roll-over on a limit on coercion). It must be decided within the term: once the term has run out the measure has
 * no term left to extend, and the agency owes the release (行政强制法第二十七条、第二十八条).
 */
export function extendSeizure(ctx: CaseContext, body: SeizureBodies['extend-seizure'], env: DecisionEnv): CommandOutcome {
  const rules = caseRules(ctx, env);
  const current = ctx.deadlines.find((d) => d.kind === 'seizure');
  const max = rules.periods.seizureExtension.n;
  const expired = !!current && Date.parse(env.occurredAt) > Date.parse(current.dueAt);
  return emitUnless(
    [
      ctx.seizure?.extended || body.days > max || !current
        ? violation('seizureExtendedOnce', ctx.seizure?.extended ? '已延长过 (already extended)' : `${body.days} > ${max}`)
        : null,
      expired ? violation('seizureExtendedWithinTerm', `${env.occurredAt} > ${current.dueAt}`) : null,
    ],
    () => {
      const end = dueFromLastCountedDay('seizure', addDays(current!.dueDate, body.days), env.calendar);
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
                ...end,
                basis: `+${body.days} 日 calendar days 届满日不顺延 (no roll-over) (行政强制法 Art. 25)`,
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
