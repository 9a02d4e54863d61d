import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson } from '@app/case-engine';
import { CommandName } from '@workflows/enforcement-case';
import { requestContext } from './request-context';

export interface CommandResponse {
  case: CaseView;
  events: StoredEventJson[];
}

/** The one way in for writes: HTTP request → engine command, with the actor from the token. */
@Injectable()
export class CaseCommandsService {
  constructor(private readonly engine: CaseEngine) {}

  /**
   * The body goes to the engine as received: the engine authorizes the step against the case it loads, then has the
   * body validated (CommandBodyValidator), so a refused caller learns nothing from validation messages.
   */
  async run(caseId: string | undefined, name: CommandName, body: unknown, actor: Actor, req: FastifyRequest, reply: FastifyReply): Promise<CommandResponse> {
    const result = await this.engine.execute({
      caseId,
      command: { name, unparsed: body },
      actor,
      occurredAt: occurredAtOf(body),
      ...requestContext(req),
    });
    void reply.header('etag', `"${result.view.revision}"`);
    if (result.created) void reply.header('location', `/api/v1/cases/${result.caseId}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.status(result.created ? 201 : 200);
    return { case: result.view, events: result.events.map(storedEventToJson) };
  }
}

/** The moment the body claims, as given (the engine judges authority on it and validates it with the body). */
function occurredAtOf(body: unknown): string | undefined {
  const value: unknown = body && typeof body === 'object' && 'occurredAt' in body ? body.occurredAt : undefined;
  return typeof value === 'string' ? value : undefined;
}
