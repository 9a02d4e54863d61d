import { Inject, Injectable } from '@nestjs/common';
import { parseInstant, toShanghaiDate } from '@app/calendar';
import { Actor, Authorizer, CaseParties } from '@app/case-engine';
import { CommandName, ROLE_NAMES, certificateProblem } from '@workflows/enforcement-case';
import { CLOCK, Clock } from '../core/clock';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { Action, Grant, Reach, ruleFor } from './access-rules';

/** What a request is about, as far as authority goes. */
export interface AccessTarget {
  /** The agency whose case, report or registry entry it is; null for actions that reach anywhere. */
  agencyId: string | null;
  /** The case, when there is one: the people who stand in a relation to it. */
  case?: { handlingOfficerIds: string[]; presidingOfficerId: string | null; filingApproverId: string | null };
  /** When the step happens in the world: certificates are judged on that day (default: now). */
  occurredAt?: string;
}

/**
 * The one authorization layer: every route asks it through AccessGuard, except a step on a case, which
 * the engine asks (as its `Authorizer`) once, against the case it decides the step on. The rules are data
 * (access-rules.ts); this class only measures the actor against them and names what is missing.
 */
@Injectable()
export class AccessPolicy implements Authorizer {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Null when allowed; otherwise why not (Chinese first). */
  refusal(actor: Actor, action: Action, target: AccessTarget): string | null {
    const rule = ruleFor(action);
    if (rule === 'public') return null;
    const mine = rule.filter((g) => g.roles.some((r) => actor.roles.includes(r)));
    if (!mine.length) {
      const roles = [...new Set(rule.flatMap((g) => g.roles))];
      return `须由 ${roles.map((r) => ROLE_NAMES[r].zh).join('、')} 执行 (requires role ${roles.join(' or ')})`;
    }
    let reason = '';
    for (const grant of mine) {
      const why = this.grantRefusal(actor, grant, target);
      if (!why) return null;
      reason ||= why;
    }
    return reason;
  }

  assert(actor: Actor, action: Action, target: AccessTarget): void {
    const why = this.refusal(actor, action, target);
    if (why) throw new ProblemException(problem(403, 'forbidden', '无权操作 (forbidden)', { detail: why, action }));
  }

  /** The engine's question: may this actor take this step on this case (on the day it says it happened)? */
  authorize(request: { actor: Actor; command: CommandName; case: CaseParties; occurredAt?: string }): void {
    this.assert(request.actor, `command:${request.command}`, caseTarget(request.case, request.occurredAt));
  }

  /** The agencies an actor may reach for an action, among the given ones (report and search scopes). */
  reachable(actor: Actor, action: Action, agencyIds: string[]): string[] {
    return agencyIds.filter((agencyId) => !this.refusal(actor, action, { agencyId }));
  }

  private grantRefusal(actor: Actor, grant: Grant, target: AccessTarget): string | null {
    if (target.agencyId !== null && !this.reaches(actor.agencyId, grant.reach, target.agencyId))
      return `${this.agencyName(target.agencyId)} 不在 ${this.agencyName(actor.agencyId)} 的管辖范围 (outside your jurisdiction)`;
    const c = target.case;
    if (grant.relation === 'handlingOfficer' && !c?.handlingOfficerIds.includes(actor.id))
      return '仅限本案承办人员 (handling officers of this case only)';
    if (grant.relation === 'presidingOfficer' && c?.presidingOfficerId !== actor.id)
      return '仅限本案听证主持人 (the presiding officer of this hearing only)';
    if (grant.notApprover && c?.filingApproverId === actor.id)
      return '本案立案审批人不得查阅本案干预记录 (the case’s approving head may not read its interference records; docs/supervision.md §2)';
    if (grant.certified) {
      const now = this.clock();
      const on = toShanghaiDate(plausibleMoment(target.occurredAt, now) ?? now.toISOString());
      const why = certificateProblem(actor.id, target.agencyId ?? actor.agencyId, on, this.directory.directory);
      if (why) return `执法资格不符 (行政处罚法第四十二条): ${why}`;
    }
    return null;
  }

  private reaches(actorAgency: string, reach: Reach, target: string): boolean {
    const dir = this.directory.directory;
    switch (reach) {
      case 'own':
        return target === actorAgency;
      case 'ownAndBelow':
        return dir.isWithin(target, actorAgency);
      case 'ownOrEntrusting':
        return target === actorAgency || dir.agency(target)?.entrustedBy === actorAgency;
      case 'anywhere':
        return true;
    }
  }

  private agencyName(id: string): string {
    return this.directory.directory.agency(id)?.name ?? id;
  }
}

/** A case as an access target: its agency and the people who stand in a relation to it. */
export function caseTarget(parties: CaseParties, occurredAt?: string): AccessTarget {
  return { agencyId: parties.agencyId, case: parties, ...(occurredAt ? { occurredAt } : {}) };
}

/**
 * The moment a certificate is judged on: the step's occurredAt when it is a valid date-time not in the future;
 * otherwise now (authority is judged before the body is validated, and never on a moment the request may not claim:
 * validation then refuses a malformed occurredAt, the engine one in the future, each with a 400 naming the field).
 */
function plausibleMoment(s: string | undefined, now: Date): string | null {
  const t = s === undefined ? null : parseInstant(s);
  return t !== null && t <= now.getTime() + 5 * 60_000 ? s! : null;
}
