import { JWTPayload } from 'jose';
import { Directory, demoDirectoryEvents } from '@app/directory';
import { ProblemException } from '../problem/problem';
import { KNOWN_ROLES, actorFromClaims, actorFromRegistry, claimValue, rolesOf, userIdOf } from './oidc-identity';

const registry = new Directory();
for (const e of demoDirectoryEvents()) registry.apply(e);
const names = { userClaim: 'sub', rolesClaim: 'roles', agencyClaim: 'agency_id' };

/** The problem document a mapping refused with. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof ProblemException) return e.body;
    throw e;
  }
  throw new Error('the mapping accepted the claims');
}

describe('claim lookup', () => {
  it('reads a literal claim name first, then a dotted path into nested claims', () => {
    expect(claimValue({ roles: ['officer'] }, 'roles')).toEqual(['officer']);
    expect(claimValue({ realm_access: { roles: ['head'] } }, 'realm_access.roles')).toEqual(['head']);
    expect(
      claimValue({ 'https://casetrail.example/roles': ['admin'], https: { '//casetrail': 1 } }, 'https://casetrail.example/roles'),
    ).toEqual(['admin']);
    expect(claimValue({ realm_access: ['x'] }, 'realm_access.roles')).toBeUndefined();
    expect(claimValue({}, 'toString')).toBeUndefined();
  });

  it('takes roles from an array or a space-separated string, ignoring unknown names and repeats', () => {
    expect(rolesOf(['officer', 'offline_access', 'head', 'officer', 7])).toEqual(['officer', 'head']);
    expect(rolesOf(' supervisor  uma_authorization discipline ')).toEqual(['supervisor', 'discipline']);
    expect(rolesOf(undefined)).toEqual([]);
    expect(rolesOf({ officer: true })).toEqual([]);
    expect(rolesOf(['Officer', 'constructor', '__proto__'])).toEqual([]);
    expect(KNOWN_ROLES).toEqual(['officer', 'head', 'legal_reviewer', 'supervisor', 'discipline', 'admin']);
  });

  it('needs a non-empty string user id in the user claim', () => {
    expect(userIdOf({ sub: 'u-431002-officer-1' }, 'sub')).toBe('u-431002-officer-1');
    expect(userIdOf({ preferred_username: ' u-431000-supervisor ' }, 'preferred_username')).toBe('u-431000-supervisor');
    const payloads: Record<string, unknown>[] = [{}, { sub: '' }, { sub: 42 }, { sub: ['u-431002-officer-1'] }];
    for (const payload of payloads)
      expect(refusal(() => userIdOf(payload as JWTPayload, 'sub'))).toMatchObject({
        status: 401,
        reason: 'user-claim-missing',
        detail: expect.stringContaining('"sub"'),
      });
  });
});

describe('identity from the registry', () => {
  it('takes name, roles and agency from the registered user, whatever the token claims', () => {
    expect(actorFromRegistry('u-431002-officer-1', registry)).toEqual({
      id: 'u-431002-officer-1',
      name: expect.any(String),
      roles: ['officer'],
      agencyId: 'ag-431002',
    });
    expect(actorFromRegistry('u-431002-officer-1', registry).name).toBe(registry.user('u-431002-officer-1')!.name);
  });

  it('refuses an unregistered user with 401 naming the user', () => {
    expect(refusal(() => actorFromRegistry('u-nobody', registry))).toMatchObject({
      status: 401,
      reason: 'user-not-registered',
      detail: '用户未登记 (user u-nobody is not registered)',
    });
  });
});

describe('identity from claims', () => {
  const token = { sub: 'ext-7781', name: '张监督', roles: ['supervisor', 'offline_access'], agency_id: 'ag-431000' };

  it('maps the user, name, known roles and agency from the claims; the user need not be registered', () => {
    expect(actorFromClaims(token, names, registry)).toEqual({
      id: 'ext-7781',
      name: '张监督',
      roles: ['supervisor'],
      agencyId: 'ag-431000',
    });
  });

  it('the claims override what the registry says of a registered user', () => {
    expect(actorFromClaims({ sub: 'u-431002-officer-1', roles: 'head', agency_id: 'ag-431003' }, names, registry)).toEqual({
      id: 'u-431002-officer-1',
      name: 'u-431002-officer-1',
      roles: ['head'],
      agencyId: 'ag-431003',
    });
  });

  it('falls back to the user id when the name claim is missing or blank', () => {
    expect(actorFromClaims({ ...token, name: '  ' }, names, registry).name).toBe('ext-7781');
    expect(actorFromClaims({ ...token, name: undefined }, names, registry).name).toBe('ext-7781');
  });

  it('follows configured claim names, nested ones included', () => {
    const keycloak = {
      preferred_username: 'zhang.jd',
      realm_access: { roles: ['officer', 'default-roles-casetrail'] },
      org: { id: 'ag-431002' },
    };
    expect(
      actorFromClaims(keycloak, { userClaim: 'preferred_username', rolesClaim: 'realm_access.roles', agencyClaim: 'org.id' }, registry),
    ).toEqual({
      id: 'zhang.jd',
      name: 'zhang.jd',
      roles: ['officer'],
      agencyId: 'ag-431002',
    });
  });

  it('refuses a missing or unregistered agency with 401 naming it, before looking at roles', () => {
    expect(refusal(() => actorFromClaims({ ...token, agency_id: undefined, roles: [] }, names, registry))).toMatchObject({
      status: 401,
      reason: 'agency-claim-missing',
      detail: expect.stringContaining('"agency_id"'),
    });
    expect(refusal(() => actorFromClaims({ ...token, agency_id: 'ag-999999', roles: [] }, names, registry))).toMatchObject({
      status: 401,
      reason: 'agency-not-registered',
      detail: '机构未登记 (agency ag-999999 is not registered)',
    });
  });

  it('refuses a token that grants no known role with 403', () => {
    for (const roles of [undefined, [], ['offline_access'], 'uma_authorization'])
      expect(refusal(() => actorFromClaims({ ...token, roles }, names, registry))).toMatchObject({
        status: 403,
        detail: '令牌未授予任何角色 (token grants no role)',
        rolesClaim: 'roles',
      });
  });

  it('refuses a token without a user id with 401', () => {
    expect(refusal(() => actorFromClaims({ ...token, sub: undefined }, names, registry))).toMatchObject({
      status: 401,
      reason: 'user-claim-missing',
    });
  });
});
