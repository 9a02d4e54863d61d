import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { AccessPolicy } from '../auth/access-policy';
import { Action } from '../auth/access-rules';
import { DirectoryService } from '../directory/directory.service';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

/**
 * Where a report reads and for which agencies: the asked agency (default the reader's own), with the agencies below
 * it when asked; each must be readable by the actor (403 otherwise); the read models answer the report's questions.
 */
@Injectable()
export class ReportScope {
  constructor(
    @Inject(READ_MODELS) readonly readModels: ReadModels,
    private readonly directory: DirectoryService,
    private readonly policy: AccessPolicy,
  ) {}

  resolve(actor: Actor, agencyId: string | undefined, includeSubordinates: boolean | undefined): { readModels: ReadModels; root: string; agencies: string[] } {
    this.readModels.assertAvailable();
    return { readModels: this.readModels, ...this.agencies(actor, agencyId, includeSubordinates) };
  }

  /** The agencies in scope, each allowed to the actor for the action (403 otherwise); also for reports built from the registry alone. */
  agencies(actor: Actor, agencyId: string | undefined, includeSubordinates: boolean | undefined, action: Action = 'reports.read'): { root: string; agencies: string[] } {
    const dir = this.directory.directory;
    const root = agencyId ?? actor.agencyId;
    // The root first: an unknown one has no subordinates to list, and must not pass as an empty scope.
    this.policy.assert(actor, action, { agencyId: root });
    const agencies = includeSubordinates ? dir.listAgencies().filter((a) => dir.isWithin(a.id, root)).map((a) => a.id) : [root];
    for (const a of agencies) this.policy.assert(actor, action, { agencyId: a });
    return { root, agencies };
  }
}
