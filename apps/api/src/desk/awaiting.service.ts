import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { Awaited, stagesAwaiting } from '@workflows/enforcement-case';
import { DirectoryService } from '../directory/directory.service';
import { AwaitingQuery, READ_MODELS, ReadModels } from '../read-models/read-models';
import { AwaitingQueryDto } from './deadlines-query.dto';
import { boundedPaging } from '../http/paging';
import { caseIndexItem } from '../read-models/case-index-item';

/**
 * 待办, "cases awaiting me", from the machine: a case awaits a person when its stage holds a step of theirs (the
 * stages each party is awaited in come from the machine and the command registry, stage-awaits.ts) and they stand in
 * that relation to it — officers as the case's handling officers; heads and legal reviewers for their agency's cases
 * and those of an organisation it entrusted (行政处罚法第二十条). Read from the case index's (agency, stage) index; the
 * console confirms each listed case against its view (the allowed commands of its exact state).
 */
@Injectable()
export class AwaitingService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly directory: DirectoryService,
  ) {}

  async list(q: AwaitingQueryDto, actor: Actor) {
    this.readModels.assertAvailable();
    const own = actor.agencyId;
    const entrusted = this.directory.directory
      .listAgencies()
      .filter((a) => a.entrustedBy === own)
      .map((a) => a.id);
    const branches: AwaitingQuery['branches'] = [];
    const add = (party: Awaited, agencies: string[], officerId?: string) =>
      branches.push({ agencies, stages: stagesAwaiting(party), ...(officerId ? { officerId } : {}) });
    if (actor.roles.includes('officer')) add('handlingOfficer', [own], actor.id);
    if (actor.roles.includes('head')) add('head', [own, ...entrusted]);
    if (actor.roles.includes('legal_reviewer')) add('legalReviewer', [own, ...entrusted]);
    const { page, pageSize, limit, offset } = boundedPaging(q);
    const { total, rows } = await this.readModels.casesAwaiting({ branches, limit, offset });
    return {
      total,
      page,
      pageSize,
      items: rows.map(caseIndexItem),
    };
  }
}
