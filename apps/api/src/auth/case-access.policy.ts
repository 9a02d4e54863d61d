import { Injectable } from '@nestjs/common';
import { Actor } from '@app/case-engine';
import { COMMAND_ROLES, CommandName } from '@workflows/enforcement-case';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';

const forbidden = (detail: string) => new ProblemException(problem(403, 'forbidden', '无权操作 (forbidden)', { detail }));

/**
 * Who may do what to which case: role × jurisdiction. Officers and heads act on their own agency's
 * cases; supervisors, discipline and admin users read their agency and every agency below it.
 */
@Injectable()
export class CaseAccessPolicy {
  constructor(private readonly directory: DirectoryService) {}

  assertCanRun(actor: Actor, command: CommandName, caseAgencyId: string): void {
    const roles = COMMAND_ROLES[command];
    if (roles !== 'any' && !actor.roles.some((r) => roles.includes(r)))
      throw forbidden(`${command} 须由 ${roles.join('/')} 执行 (requires role ${roles.join(' or ')})`);
    const inJurisdiction =
      roles === 'any' ? this.directory.directory.isWithin(caseAgencyId, actor.agencyId) : actor.agencyId === caseAgencyId;
    if (!inJurisdiction) throw forbidden(`案件属于 ${caseAgencyId}，不在 ${actor.agencyId} 的管辖范围 (case outside your jurisdiction)`);
  }

  assertCanRead(actor: Actor, caseAgencyId: string): void {
    const readsBelow = actor.roles.some((r) => r === 'supervisor' || r === 'discipline' || r === 'admin' || r === 'legal_reviewer' || r === 'head');
    const ok = actor.agencyId === caseAgencyId || (readsBelow && this.directory.directory.isWithin(caseAgencyId, actor.agencyId));
    if (!ok) throw forbidden(`案件属于 ${caseAgencyId}，无权查看 (case outside your jurisdiction)`);
  }
}
