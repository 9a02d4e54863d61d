import { generateKeyPair, errors, exportSPKI, SignJWT } from 'jose';
import { Directory, demoDirectoryEvents } from '@app/directory';
import { loadAppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException } from '../problem/problem';
import { TokenService } from './token.service';

const registry = new Directory();
for (const e of demoDirectoryEvents()) registry.apply(e);
const directory = { directory: registry } as unknown as DirectoryService;
const SECRET = 'a-production-secret-of-at-least-32-chars';

async function rejection(run: Promise<unknown>) {
  try {
    await run;
  } catch (e) {
    if (e instanceof ProblemException) return e.body;
    throw e;
  }
  throw new Error('the token was accepted');
}

describe('TokenService, AUTH_MODE=jwt (HS256 shared secret) as before', () => {
  const service = new TokenService(
    loadAppConfig({ AUTH_MODE: 'jwt', JWT_SECRET: SECRET, JWT_ISSUER: 'sso', JWT_AUDIENCE: 'casetrail' }),
    directory,
  );
  const hs = (claims: { iss?: string; aud?: string }) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-431002-head')
      .setIssuer(claims.iss ?? 'sso')
      .setAudience(claims.aud ?? 'casetrail')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));

  it('accepts a token signed with JWT_SECRET; the actor comes from the registry', async () => {
    expect(await service.verify(`Bearer ${await hs({})}`)).toEqual({
      id: 'u-431002-head',
      name: registry.user('u-431002-head')!.name,
      roles: ['head'],
      agencyId: 'ag-431002',
    });
  });

  it('refuses a wrong issuer, a wrong audience and another secret, saying which', async () => {
    expect(await rejection(service.verify(`Bearer ${await hs({ iss: 'other' })}`))).toMatchObject({
      status: 401,
      reason: 'issuer',
      detail: expect.stringContaining('签发者不符'),
    });
    expect(await rejection(service.verify(`Bearer ${await hs({ aud: 'other' })}`))).toMatchObject({
      status: 401,
      reason: 'audience',
      detail: expect.stringContaining('受众不符'),
    });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-431002-head')
      .setIssuer('sso')
      .setAudience('casetrail')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    expect(await rejection(service.verify(`Bearer ${forged}`))).toMatchObject({
      status: 401,
      reason: 'signature',
      detail: '签名无效 (bad signature)',
    });
    expect(await rejection(service.verify(undefined))).toMatchObject({ status: 401, reason: 'missing-token' });
  });
});

describe('TokenService, AUTH_MODE=dev', () => {
  it('verifies the dev tokens it issues', async () => {
    const service = new TokenService(loadAppConfig({}), directory);
    const token = await service.issueDevToken('u-431002-officer-1');
    expect(await service.verify(`Bearer ${token}`)).toMatchObject({ id: 'u-431002-officer-1', roles: ['officer'] });
  });
});

describe('TokenService, AUTH_MODE=oidc: the verified-token cache', () => {
  it('verifies a token once until its exp, and never keeps a failure', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = loadAppConfig({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://idp.test',
      OIDC_AUDIENCE: 'casetrail',
      OIDC_PUBLIC_KEY: await exportSPKI(publicKey),
    });
    const service = new TokenService(config, directory);
    const check = jest.spyOn(service as unknown as { check: (t: string) => Promise<unknown> }, 'check');
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('u-431002-officer-1')
      .setIssuer('https://idp.test')
      .setAudience('casetrail')
      .setExpirationTime('5m')
      .sign(privateKey);

    check.mockRejectedValueOnce(new errors.JWKSTimeout());
    expect(await rejection(service.verify(`Bearer ${token}`))).toMatchObject({ status: 401, reason: 'key-set-unavailable' });
    expect(await service.verify(`Bearer ${token}`)).toMatchObject({ id: 'u-431002-officer-1' });
    expect(await service.verify(`Bearer ${token}`)).toMatchObject({ id: 'u-431002-officer-1' });
    expect(check).toHaveBeenCalledTimes(2); // the failure, then one verification for both successes

    const stale = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('u-431002-officer-1')
      .setIssuer('https://idp.test')
      .setAudience('casetrail')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(privateKey);
    for (let i = 0; i < 2; i++)
      expect(await rejection(service.verify(`Bearer ${stale}`))).toMatchObject({ status: 401, reason: 'expired' });
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('refuses a token without exp', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const service = new TokenService(
      loadAppConfig({
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://idp.test',
        OIDC_AUDIENCE: 'casetrail',
        OIDC_PUBLIC_KEY: await exportSPKI(publicKey),
      }),
      directory,
    );
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('u-431002-officer-1')
      .setIssuer('https://idp.test')
      .setAudience('casetrail')
      .sign(privateKey);
    expect(await rejection(service.verify(`Bearer ${token}`))).toMatchObject({
      status: 401,
      reason: 'claim-invalid',
      detail: '令牌声明无效 (claim "exp" is missing)',
    });
  });
});
