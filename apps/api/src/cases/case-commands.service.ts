import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson } from '@app/case-engine';
import { CaseCommand, CommandName } from '@workflows/enforcement-case';
import { CaseAccessPolicy } from '../auth/case-access.policy';
import { requestContext } from './request-context';

export interface CommandResponse {
  case: CaseView;
  events: StoredEventJson[];
}

/** The one way in for writes: HTTP request → engine command, with the actor from the token. */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async run(
    caseId: string | undefined,
    name: CommandName,
    dto: { occurredAt?: string } & object,
    actor: Actor,
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { occurredAt, ...body } = dto;
    const result = await this.engine.execute({
      caseId,
      command: { name, body } as CaseCommand,
      actor,
      occurredAt,
      ...requestContext(req),
      authorize: (agencyId) => this.policy.assertCanRun(actor, name, agencyId),
    });
    void reply.header('etag', `"${result.view.revision}"`);
    if (result.created) void reply.header('location', `/api/v1/cases/${result.caseId}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.status(result.created ? 201 : 200);
    return { case: result.view, events: result.events.map(storedEventToJson) };
  }
}
