import { Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { DirectoryService } from '../directory/directory.service';
import { AccessPolicy } from './access-policy';
import { Action } from './access-rules';

/** The agencies a read asks for: one agency (default: the reader's own) and, when asked, every agency below it. */
export interface AgencyScopeQuery {
  agencyId?: string;
  includeSubordinates?: boolean;
}

/**
 * "This agency and those below it, that this actor may read", answered once for every read across agencies (case
 * search, audit, reports, interference records, the registry): each agency in scope must pass the access policy for
 * the read's action, or the read is refused (403) naming the agency.
 */
@Injectable()
export class AgencyScope {
  constructor(
    private readonly directory: DirectoryService,
    private readonly policy: AccessPolicy,
  ) {}

  /** The asked agency (`root`) and, when asked, those below it; each allowed to the actor for `action` (403 otherwise). */
  resolve(actor: Actor, action: Action, q: AgencyScopeQuery): { root: string; agencies: string[] } {
    const root = q.agencyId ?? actor.agencyId;
    // The root first: an unknown one has no subordinates to list, and must not pass as an empty scope.
    this.policy.assert(actor, action, { agencyId: root });
    const agencies = q.includeSubordinates ? this.withSubordinates(root) : [root];
    for (const agencyId of agencies) this.policy.assert(actor, action, { agencyId });
    return { root, agencies };
  }

  /** Every agency the actor may reach for `action`, in registry order. */
  reachable(actor: Actor, action: Action): string[] {
    return this.policy.reachable(
      actor,
      action,
      this.directory.directory.listAgencies().map((a) => a.id),
    );
  }

  private withSubordinates(root: string): string[] {
    const dir = this.directory.directory;
    return dir
      .listAgencies()
      .filter((a) => dir.isWithin(a.id, root))
      .map((a) => a.id);
  }
}
