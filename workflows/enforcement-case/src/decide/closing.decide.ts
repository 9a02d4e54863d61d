import { CommandBodies } from '../case-commands';
import { CaseContext, recordIdsInclude } from '../case-context';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, DecisionEnv, emitUnless } from './decision-env';

/** 干预记录 (中办发〔2015〕23号; docs/supervision.md §2): anyone, any stage, never edited — a correction is a new record. */
export function recordInterference(ctx: CaseContext, body: CommandBodies['record-interference'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [body.corrects && !recordIdsInclude(ctx.interferenceRecords.ids, body.corrects) ? violation('interferenceRecordExists', body.corrects) : null],
    () => [{ type: 'InterferenceRecorded', data: { recordId: env.newId(), ...body } }],
  );
}

export function attestInterferenceRecord(ctx: CaseContext, body: CommandBodies['attest-interference-record'], env: DecisionEnv): CommandOutcome {
  return emitUnless(
    [!ctx.opened?.handlingOfficerIds.includes(env.actor.id) ? violation('attestingUserIsHandlingOfficer', env.actor.id) : null],
    () => [{ type: 'InterferenceAttested', data: { officerId: env.actor.id, complete: body.complete } }],
  );
}

/** 结案: every handling officer has attested the interference record (郴政办发〔2016〕19号 §10). */
export function closeCase(ctx: CaseContext, body: CommandBodies['close-case']): CommandOutcome {
  const missing = (ctx.opened?.handlingOfficerIds ?? []).filter((id) => !ctx.attestedBy.includes(id));
  return emitUnless(
    [
      missing.length ? violation('interferenceAttestedByHandlingOfficers', `未确认 (not attested): ${missing.join(', ')}`) : null,
      ctx.seizure ? violation('noSeizureInForce') : null,
      ctx.rectification && ctx.rectification.status !== 'verified' ? violation('rectificationVerified', `${ctx.rectification.orderId}: ${ctx.rectification.status}`) : null,
    ],
    () => [{ type: 'CaseClosed', data: { ...(body.summary ? { summary: body.summary } : {}) } }],
  );
}
