import { JWTPayload } from 'jose';
import { Actor } from '@app/case-engine';
import { Agency, User } from '@app/directory';
import { Role } from '@workflows/enforcement-case';
import { ProblemException, problem } from '../problem/problem';
import { unauthorized } from './token-rejection';

/** What identity mapping needs of the organisation registry (libs/directory's Directory). */
export interface IdentityRegistry {
  user(id: string): User | undefined;
  agency(id: string): Agency | undefined;
}

export interface ClaimNames {
  /** Holds the registry user id (default `sub`). */
  userClaim: string;
  /** Holds the roles: an array of names or one space-separated string (default `roles`). */
  rolesClaim: string;
  /** Holds the agency id (default `agency_id`). */
  agencyClaim: string;
}

/** Every role casetrail knows; a Record so that a role added to `Role` fails to compile until it is listed here. */
const ROLE_NAMES: Record<Role, true> = { officer: true, head: true, legal_reviewer: true, supervisor: true, discipline: true, admin: true };
export const KNOWN_ROLES = Object.keys(ROLE_NAMES) as Role[];
const isRole = (name: string): name is Role => Object.prototype.hasOwnProperty.call(ROLE_NAMES, name);

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * A claim by name. A name with dots that no claim carries literally is followed as a path into nested objects
 * (Keycloak's `realm_access.roles`); a literal name wins, so namespaced claims like `https://x.example/roles` work.
 */
export function claimValue(payload: JWTPayload, name: string): unknown {
  if (own(payload, name)) return payload[name];
  if (!name.includes('.')) return undefined;
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !own(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const nonEmptyString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The registry user id the token speaks for; a token without one authenticates nobody. */
export function userIdOf(payload: JWTPayload, userClaim: string): string {
  const id = nonEmptyString(claimValue(payload, userClaim));
  if (!id) throw unauthorized('user-claim-missing', `令牌缺少用户标识 (token has no "${userClaim}" claim naming the user)`);
  return id;
}

/** Known role names in a roles claim (array or space-separated string, as OAuth `scope` is); others are ignored. */
export function rolesOf(value: unknown): Role[] {
  const names =
    typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return [...new Set(names.map((n) => n.trim()).filter(isRole))];
}

/** OIDC_IDENTITY_SOURCE=registry (and the dev/jwt modes): the user must be registered; roles, agency, name are the registry's. */
export function actorFromRegistry(userId: string, registry: IdentityRegistry): Actor {
  const user = registry.user(userId);
  if (!user) throw unauthorized('user-not-registered', `用户未登记 (user ${userId} is not registered)`);
  if (!user.active) throw unauthorized('user-deactivated', `用户已停用 (user ${userId} is deactivated)`);
  return { id: user.id, name: user.name, roles: user.roles, agencyId: user.agencyId };
}

/**
 * OIDC_IDENTITY_SOURCE=claims: the provider is the authority for roles and agency. The agency must still be one the
 * registry knows (jurisdiction is checked against its hierarchy), so an unknown one is refused (401) before roles
 * are looked at; a token granting no known role authenticates but may do nothing (403).
 */
export function actorFromClaims(payload: JWTPayload, names: ClaimNames, registry: IdentityRegistry): Actor {
  const id = userIdOf(payload, names.userClaim);
  const agencyId = nonEmptyString(claimValue(payload, names.agencyClaim));
  if (!agencyId)
    throw unauthorized('agency-claim-missing', `令牌缺少机构标识 (token has no "${names.agencyClaim}" claim naming the agency)`);
  if (!registry.agency(agencyId)) throw unauthorized('agency-not-registered', `机构未登记 (agency ${agencyId} is not registered)`);
  const roles = rolesOf(claimValue(payload, names.rolesClaim));
  if (!roles.length)
    throw new ProblemException(
      problem(403, 'forbidden', '无权操作 (forbidden)', {
        detail: '令牌未授予任何角色 (token grants no role)',
        rolesClaim: names.rolesClaim,
        knownRoles: KNOWN_ROLES,
      }),
    );
  return { id, name: nonEmptyString(payload.name) ?? id, roles, agencyId };
}
