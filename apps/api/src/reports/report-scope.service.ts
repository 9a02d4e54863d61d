import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { AgencyScope } from '../auth/agency-scope';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

/**
 * Where a report reads and for which agencies: the asked agency (default the reader's own), with the agencies below
 * it when asked; each must be readable by the actor (403 otherwise); the read models answer the report's questions.
 */
@Injectable()
export class ReportScope {
  constructor(
    @Inject(READ_MODELS) readonly readModels: ReadModels,
    private readonly scope: AgencyScope,
  ) {}

  resolve(
    actor: Actor,
    agencyId: string | undefined,
    includeSubordinates: boolean | undefined,
  ): { readModels: ReadModels; root: string; agencies: string[] } {
    this.readModels.assertAvailable();
    return { readModels: this.readModels, ...this.scope.resolve(actor, 'reports.read', { agencyId, includeSubordinates }) };
  }
}
