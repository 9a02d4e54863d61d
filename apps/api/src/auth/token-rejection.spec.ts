import { errors } from 'jose';
import { KeySetUnavailableError, rejectionFor } from './token-rejection';

const expected = { issuer: 'https://idp.test', audience: 'casetrail', algorithms: ['RS256', 'ES256'] };
const body = (error: unknown, token = 'x.y.z') => rejectionFor(error, token, expected).body;
// A compact JWS whose header says {"alg":"HS256","kid":"k1"}.
const hsHeader = `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'k1' })).toString('base64url')}.e30.sig`;

describe('rejectionFor: every refused token is a 401 naming the reason', () => {
  it('maps the claim checks: issuer, audience, not-before, expiry, other claims', () => {
    expect(
      body(new errors.JWTClaimValidationFailed('unexpected "iss" claim value', { iss: 'https://evil.test' }, 'iss', 'check_failed')),
    ).toMatchObject({
      status: 401,
      reason: 'issuer',
      detail: '签发者不符 (wrong issuer: token has "https://evil.test", expected "https://idp.test")',
    });
    expect(
      body(new errors.JWTClaimValidationFailed('unexpected "aud" claim value', { aud: ['a', 'b'] }, 'aud', 'check_failed')).detail,
    ).toBe('受众不符 (wrong audience: token is for "a", "b", expected "casetrail")');
    expect(
      body(new errors.JWTClaimValidationFailed('"nbf" claim timestamp check failed', { nbf: 4102444800 }, 'nbf', 'check_failed')).detail,
    ).toBe('令牌尚未生效 (token not yet valid: nbf 2100-01-01T00:00:00.000Z)');
    expect(body(new errors.JWTExpired('"exp" claim timestamp check failed', { exp: 1767225600 }, 'exp', 'check_failed')).detail).toBe(
      '令牌已过期 (token expired at 2026-01-01T00:00:00.000Z)',
    );
    expect(body(new errors.JWTClaimValidationFailed('missing required "exp" claim', {}, 'exp', 'missing'))).toMatchObject({
      reason: 'claim-invalid',
    });
  });

  it('maps signature, algorithm, key and format failures', () => {
    expect(body(new errors.JWSSignatureVerificationFailed())).toMatchObject({ reason: 'signature', detail: '签名无效 (bad signature)' });
    expect(body(new errors.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed'), hsHeader).detail).toBe(
      '签名算法不允许 (algorithm "HS256" not allowed; accepted: RS256, ES256)',
    );
    expect(body(new errors.JWKSNoMatchingKey(), hsHeader)).toMatchObject({
      reason: 'no-matching-key',
      detail: expect.stringContaining('"k1"'),
    });
    expect(body(new errors.JWSInvalid('Invalid Compact JWS'))).toMatchObject({
      reason: 'malformed',
      detail: '令牌格式错误 (malformed token: Invalid Compact JWS)',
    });
    expect(body(new errors.JWTInvalid('JWT Claims Set must be a top-level JSON object'))).toMatchObject({ reason: 'malformed' });
  });

  it('an unavailable key set is a 401 that does not leak the cause; an error jose does not name is still a 401', () => {
    const down = body(new KeySetUnavailableError('http://10.0.0.7/jwks', new Error('connect ECONNREFUSED 10.0.0.7:80')));
    expect(down).toMatchObject({ status: 401, reason: 'key-set-unavailable', detail: expect.stringMatching(/^密钥集不可用 \(/) });
    expect(JSON.stringify(down)).not.toContain('10.0.0.7');
    expect(body(new errors.JWKSTimeout())).toMatchObject({ status: 401, reason: 'key-set-unavailable' });
    expect(body(new TypeError('something odd'))).toMatchObject({
      status: 401,
      reason: 'rejected',
      detail: '令牌校验失败 (token rejected: something odd)',
    });
  });

  it('cuts a long token-supplied value short', () => {
    const detail = body(
      new errors.JWTClaimValidationFailed('unexpected "iss" claim value', { iss: 'x'.repeat(5000) }, 'iss', 'check_failed'),
    ).detail as string;
    expect(detail.length).toBeLessThan(250);
  });
});
