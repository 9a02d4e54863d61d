import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseView, StoredEventJson, storedEventToJson } from '@app/case-engine';
import { CommandName } from '@workflows/enforcement-case';
import { HttpResult } from '../http/http-result';
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
   * body validated (CommandBodyValidator), so a refused caller learns nothing from validation messages. The answer
   * carries the case's revision (ETag), whether the step opened it (201, Location) and whether it was a replay.
   */
  async run(
    caseId: string | undefined,
    name: CommandName,
    body: unknown,
    actor: Actor,
    req: FastifyRequest,
  ): Promise<HttpResult<CommandResponse>> {
    const result = await this.engine.execute({
      caseId,
      command: { name, unparsed: body },
      actor,
      occurredAt: occurredAtOf(body),
      ...requestContext(req),
    });
    return new HttpResult(
      { case: result.view, events: result.events.map(storedEventToJson) },
      {
        revision: result.view.revision,
        created: result.created,
        location: result.created ? `/api/v1/cases/${result.caseId}` : undefined,
        replayed: result.replayed,
      },
    );
  }
}

/** The moment the body claims, as given (the engine judges authority on it and validates it with the body). */
function occurredAtOf(body: unknown): string | undefined {
  const value: unknown = body && typeof body === 'object' && 'occurredAt' in body ? body.occurredAt : undefined;
  return typeof value === 'string' ? value : undefined;
}
