import { Actor, CaseView, StoredEventJson } from '@app/case-engine';
import { AccessPolicy } from '../auth/access-policy';
import { caseTarget } from '../auth/access-policy';

/**
 * docs/supervision.md §2: interference records are read by legal-affairs reviewers, supervisors and discipline of the
 * agency and above, never by the case's approving head, and the recorder is named only to those readers. In a
 * case's history everyone else who may read the case (its handling officers and whoever recorded it excepted)
 * sees that a record exists — its place in the chain — but not what it says nor who made it.
 */
export function redactInterference(events: StoredEventJson[], actor: Actor, view: CaseView, policy: AccessPolicy): StoredEventJson[] {
  if (!events.some((e) => e.type === 'InterferenceRecorded')) return events;
  if (!policy.refusal(actor, 'interference.read', caseTarget(view))) return events;
  const handling = view.handlingOfficerIds.includes(actor.id) && view.filingApproverId !== actor.id;
  return events.map((e) => {
    if (e.type !== 'InterferenceRecorded' || handling || e.metadata.actor.id === actor.id) return e;
    const { actor: _recorder, clientIp: _ip, userAgent: _ua, ...metadata } = e.metadata;
    return {
      ...e,
      data: {
        redacted: true,
        reason: '干预记录仅供法制审核、监督和纪检人员查阅 (interference records are for reviewers, supervisors and discipline only)',
      },
      metadata: metadata as typeof e.metadata,
    };
  });
}
