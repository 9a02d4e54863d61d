import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson } from '@app/case-engine';
import { CaseCommand, CommandName } from '@workflows/enforcement-case';
import { AccessPolicy } from '../auth/access-policy';
import { caseTarget } from '../auth/access.guard';
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
    private readonly policy: AccessPolicy,
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
      // Again against the freshly loaded case and the parsed moment (AccessGuard judged the request before validation).
      authorize: ({ agencyId, parties, occurredAt: at }) =>
        this.policy.assert(actor, name === 'open-case' ? 'cases.open' : `command:${name}`, parties ? caseTarget(parties, at) : { agencyId, occurredAt: at }),
    });
    void reply.header('etag', `"${result.view.revision}"`);
    if (result.created) void reply.header('location', `/api/v1/cases/${result.caseId}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.status(result.created ? 201 : 200);
    return { case: result.view, events: result.events.map(storedEventToJson) };
  }
}
