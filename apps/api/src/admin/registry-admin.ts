import { Actor } from '@app/case-engine';
import { Directory } from '@app/directory';
import { ProblemException, problem } from '../problem/problem';

/*
 * Who may read and change the organisation registry: a user with the `admin` role, for their own agency and every
 * agency below it. This is the one place the registry's permission is decided (the controller and the service call
 * it, nothing else checks); the central authorization policy being built will take it over.
 */

/** True when the actor administers the registry entries of `agencyId` (an admin of that agency or one above it). */
export function canAdministerRegistry(directory: Directory, actor: Actor, agencyId: string): boolean {
  return actor.roles.includes('admin') && directory.isWithin(agencyId, actor.agencyId);
}

/**
 * Refuses (403) unless the actor is a registry administrator over `agencyId`. Without an agency only the role is
 * checked; `null` (the parent of a new top-level agency) is above every administrator's line. An agency the registry
 * does not know has no place in anyone's line yet: the role alone is checked, and the registry rules then refuse the
 * unknown agency (422 parentExists / userAgencyExists, 404 agencyFound).
 */
export function assertRegistryAdmin(directory: Directory, actor: Actor, agencyId?: string | null): void {
  if (!actor.roles.includes('admin'))
    throw new ProblemException(problem(403, 'forbidden', '无权操作 (forbidden)', { detail: '机构与人员登记须由系统管理员维护 (requires role admin)' }));
  if (agencyId === null)
    throw new ProblemException(problem(403, 'forbidden', '无权操作 (forbidden)', { detail: '新的顶级机构不在任何管理员的管理范围 (a new top-level agency is outside every administrator’s line)' }));
  if (agencyId !== undefined && directory.agency(agencyId) && !canAdministerRegistry(directory, actor, agencyId))
    throw new ProblemException(
      problem(403, 'forbidden', '无权操作 (forbidden)', { detail: `${agencyId} 不在 ${actor.agencyId} 的管理范围 (outside your agency and those below it)` }),
    );
}
