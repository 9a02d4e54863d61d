import { ENDPOINT_RULES, type EndpointAction, commandRule } from '../../../api/src/auth/access-rules';
import { COMMANDS, isSystemCommand, isUploadCommand, type CommandName } from '@workflows/enforcement-case/case-commands';
import type { CaseView } from '../api/types';
import type { SessionUser } from './session';

/**
 * What the signed-in user may do, read from the API's own table of who may do what (access-rules.ts), so the
 * console offers nothing the API would refuse for the user's role or relation to the case. Reach across agencies and
 * certificates are the API's to judge: it answers 403 with the reason.
 */
export function mayUse(user: SessionUser, action: EndpointAction): boolean {
  const rule = ENDPOINT_RULES[action];
  return rule === 'public' || rule.some((g) => g.roles.some((r) => user.roles.includes(r)));
}

/** The case view's allowed commands this user may issue now with a form (an upload command has its own route). */
export function commandsFor(user: SessionUser, view: CaseView): CommandName[] {
  return view.allowedCommands.filter((c) => !isSystemCommand(c) && !isUploadCommand(c) && mayIssue(user, view, c));
}

function mayIssue(user: SessionUser, view: CaseView, command: CommandName): boolean {
  return commandRule(command).some((g) => {
    if (!g.roles.some((r) => user.roles.includes(r))) return false;
    if (g.reach === 'own' && view.agencyId !== user.agencyId) return false;
    if (g.reach === 'ownOrEntrusting' && view.agencyId !== user.agencyId && view.issuerAgencyId !== user.agencyId) return false;
    if (g.relation === 'handlingOfficer' && !view.handlingOfficerIds.includes(user.id)) return false;
    if (g.relation === 'presidingOfficer' && view.presidingOfficerId !== user.id) return false;
    if (g.notApprover && view.filingApproverId === user.id) return false;
    return true;
  });
}

/** A step waiting for this user: an allowed command that belongs to particular roles (not one anyone may record). */
export function pendingFor(user: SessionUser, view: CaseView): CommandName[] {
  // Commands open to every role across the agency tree (干预记录) are always possible, never a step awaiting someone.
  return commandsFor(user, view).filter((c) => COMMANDS[c].who !== 'any');
}

/** The desk is for those who take the procedure's steps: every role some command names (officers, heads, reviewers). */
export function hasDesk(user: SessionUser): boolean {
  return Object.values(COMMANDS).some(({ who }) => typeof who === 'object' && who.roles.some((r) => user.roles.includes(r)));
}

/** The 督办 page is for those who may issue a 督办 notice (supervise-case). */
export function maySupervise(user: SessionUser): boolean {
  const who = COMMANDS['supervise-case'].who;
  return typeof who === 'object' && who.roles.some((r) => user.roles.includes(r));
}

/** Whether this user may take an upload step (a route of its own, not a form) on the case now, e.g. 上传证据文件. */
export function mayUpload(user: SessionUser, view: CaseView, command: CommandName): boolean {
  return isUploadCommand(command) && view.allowedCommands.includes(command) && mayIssue(user, view, command);
}
