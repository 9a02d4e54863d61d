import { InterferenceRecordedData } from '../event-data/procedure.data';
import { CaseContext, recordIdsInclude } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { ArchivedDossier, CommandOutcome, DecisionEnv, emitUnless } from '../decide/decision-env';
import { CaseEventBody } from '../case-events';
import { CommandSpecs } from './command-spec';

/** 干预记录 (中办发〔2015〕23号; docs/supervision.md §2): anyone, any stage, never edited — a correction is a new record. */
export function recordInterference(ctx: CaseContext, body: ClosingBodies['record-interference'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [
      body.corrects && !recordIdsInclude(ctx.interferenceRecords.ids, body.corrects)
        ? violation('interferenceRecordExists', body.corrects)
        : null,
    ],
    () => [{ type: 'InterferenceRecorded', data: { recordId: env.newId(), ...body } }],
  );
}

export function attestInterferenceRecord(
  ctx: CaseContext,
  body: ClosingBodies['attest-interference-record'],
  env: DecisionEnv,
): CommandOutcome {
  return emitUnless(
    [!ctx.opened?.handlingOfficerIds.includes(env.actor.id) ? violation('attestingUserIsHandlingOfficer', env.actor.id) : null],
    () => [{ type: 'InterferenceAttested', data: { officerId: env.actor.id, complete: body.complete } }],
  );
}

/** 结案: every handling officer has attested the interference record (郴政办发〔2016〕19号 §10). */
export function closeCase(ctx: CaseContext, body: ClosingBodies['close-case']): CommandOutcome {
  const missing = (ctx.opened?.handlingOfficerIds ?? []).filter((id) => !ctx.attestedBy.includes(id));
  return emitUnless(
    [
      missing.length ? violation('interferenceAttestedByHandlingOfficers', `未确认 (not attested): ${missing.join(', ')}`) : null,
      ctx.seizure ? violation('noSeizureInForce') : null,
      ctx.rectification && ctx.rectification.status !== 'verified'
        ? violation('rectificationVerified', `${ctx.rectification.orderId}: ${ctx.rectification.status}`)
        : null,
    ],
    () => [{ type: 'CaseClosed', data: { ...(body.summary ? { summary: body.summary } : {}) } }],
  );
}

/**
 * 案卷归档: the 案卷 as it stood at closing, bound and hashed by the engine from the events up to `CaseClosed`, recorded
 * once (行政处罚法第四十七条: the procedure recorded in full and filed). The engine takes it right after `close-case`;
 * a head takes it on its own for a case closed without it.
 */
export function archiveDossier(): CommandOutcome {
  return {
    archive: 'dossier',
    events: (dossier: ArchivedDossier): CaseEventBody[] => [{ type: 'DossierArchived', data: { ...dossier } }],
  };
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface ClosingBodies {
  /** The record as it is stored, less the id the engine gives it. */
  'record-interference': Omit<InterferenceRecordedData, 'recordId'>;
  'attest-interference-record': { complete: boolean };
  'close-case': { summary?: string };
  /** Nothing to say: the engine binds the 案卷 as it stood at closing. */
  'archive-dossier': object;
}

export const CLOSING_COMMANDS: CommandSpecs<ClosingBodies> = {
  'record-interference': {
    summary: '干预记录 (any user; any stage, closed included)',
    emits: ['InterferenceRecorded'],
    who: 'any',
    decide: recordInterference,
  },
  'attest-interference-record': {
    summary: '干预情况确认 (each handling officer, before closing)',
    emits: ['InterferenceAttested'],
    who: { roles: ['officer'], relation: 'handlingOfficer' },
    decide: attestInterferenceRecord,
  },
  'close-case': {
    summary: '结案 (head; the 案卷 is archived right after)',
    emits: ['CaseClosed'],
    who: { roles: ['head'] },
    decide: closeCase,
    followedBy: 'archive-dossier',
  },
  'archive-dossier': {
    summary: '案卷归档 (head; once, for a closed case whose 案卷 was not archived at closing; records its SHA-256)',
    emits: ['DossierArchived'],
    who: { roles: ['head'] },
    decide: archiveDossier,
  },
};
