import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Actor, CaseEngine, CaseParties } from '@app/case-engine';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { ACCESS, AccessMetadata } from './access.decorator';
import { AccessPolicy, AccessTarget, caseTarget } from './access-policy';
import { IS_PUBLIC } from './public.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs after authentication and before validation: every non-public route declares its action (`@Access`) and is
 * refused (403) unless the policy allows it for this actor and target. A route without a declaration is refused
 * too (fail closed). Unauthorised callers learn nothing from validation messages.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
    private readonly engine: CaseEngine,
    private readonly directory: DirectoryService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const request = ctx.switchToHttp().getRequest<FastifyRequest & { actor: Actor }>();
    const meta = this.reflector.getAllAndOverride<AccessMetadata | undefined>(ACCESS, [ctx.getHandler(), ctx.getClass()]);
    if (!meta)
      throw new ProblemException(
        problem(403, 'forbidden', '无权操作 (forbidden)', { detail: '该接口未声明访问规则 (route declares no access rule; refused)' }),
      );
    // A step on a case: the engine asks the policy once, against the case it loads for the step, before the body is
    // validated (CaseCommandsService hands it the body as received).
    if (meta.target === 'engine') return true;
    this.policy.assert(request.actor, meta.action, await this.target(meta, request));
    return true;
  }

  private async target(meta: AccessMetadata, request: FastifyRequest & { actor: Actor }): Promise<AccessTarget> {
    const params = request.params as Record<string, string | undefined>;
    const query = request.query as Record<string, unknown>;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const occurredAt = typeof body.occurredAt === 'string' ? body.occurredAt : undefined;
    switch (meta.target) {
      case 'case':
        return caseTarget(await this.parties(params.caseId), occurredAt);
      case 'query': {
        const agencyId = typeof query.agencyId === 'string' && query.agencyId ? query.agencyId : request.actor.agencyId;
        if (typeof query.caseId !== 'string' || !UUID.test(query.caseId)) return { agencyId };
        // A case named in the query: the relation to it counts, and its agency must be reachable as well.
        const parties = await this.parties(query.caseId);
        this.policy.assert(request.actor, meta.action, { agencyId });
        return caseTarget(parties);
      }
      case 'body':
        return { agencyId: typeof body.agencyId === 'string' ? body.agencyId : request.actor.agencyId, occurredAt };
      case 'registry':
        return { agencyId: this.registryAgency(request.url, params.id, body, query) };
      case 'none':
        return { agencyId: null };
      case 'engine':
        throw new Error('judged by the engine');
    }
  }

  /**
   * The agency a registry request is about. One the registry does not know yet is no one's (null: the role alone is
   * judged here), so the registry rules can answer 404/422 naming it.
   */
  private registryAgency(
    url: string,
    id: string | undefined,
    body: Record<string, unknown>,
    query: Record<string, unknown>,
  ): string | null {
    const dir = this.directory.directory;
    const path = url.split('?')[0];
    const named = id === undefined ? undefined : path.includes('/admin/users/') ? dir.user(id)?.agencyId : id;
    const candidate = named ?? [body.agencyId, body.parentId, query.agencyId].find((v): v is string => typeof v === 'string' && v !== '');
    return candidate && dir.agency(candidate) ? candidate : null;
  }

  /** An id that is not a UUID or names no case is a 404, as on every case route. */
  private parties(caseId: string | undefined): Promise<CaseParties> {
    if (!caseId || !UUID.test(caseId))
      throw new ProblemException(problem(404, 'http-404', '未找到 (not found)', { detail: 'caseId 不是有效的 UUID (not a UUID)' }));
    return this.engine.getParties(caseId);
  }
}
