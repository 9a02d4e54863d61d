import { Actor } from '@app/case-engine';
import { Directory } from '@app/directory';
import { AccessPolicy } from '../auth/access-policy';
import { ProblemException, problem } from '../problem/problem';

/*
 * Who may read and change the organisation registry is the access policy's `registry.write` rule (access-rules.ts:
 * an `admin`, for their own agency and every agency below it). These helpers only say which agency a registry
 * request is about; the policy decides.
 */

/** True when the actor administers the registry entries of `agencyId`. */
export function canAdministerRegistry(policy: AccessPolicy, actor: Actor, agencyId: string): boolean {
  return !policy.refusal(actor, 'registry.write', { agencyId });
}

/**
 * Refuses (403) unless the actor is a registry administrator over `agencyId`. Without an agency only the role is
 * checked; `null` (the parent of a new top-level agency) is above every administrator's line. An agency the registry
 * does not know has no place in anyone's line yet: the role alone is checked, and the registry rules then refuse the
 * unknown agency (422 parentExists / userAgencyExists, 404 agencyFound).
 */
export function assertRegistryAdmin(policy: AccessPolicy, directory: Directory, actor: Actor, agencyId?: string | null): void {
  policy.assert(actor, 'registry.write', { agencyId: null });
  if (agencyId === null)
    throw new ProblemException(
      problem(403, 'forbidden', '无权操作 (forbidden)', {
        detail: '新的顶级机构不在任何管理员的管理范围 (a new top-level agency is outside every administrator’s line)',
      }),
    );
  if (agencyId !== undefined && directory.agency(agencyId)) policy.assert(actor, 'registry.write', { agencyId });
}
