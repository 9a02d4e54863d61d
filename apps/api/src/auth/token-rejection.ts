import { decodeProtectedHeader, errors } from 'jose';
import { ProblemException, problem } from '../problem/problem';

/**
 * Why a request was not authenticated, as a stable machine-readable code next to the bilingual `detail`
 * (the `reason` member of the 401 problem document, RFC 9457 §3.2 extension).
 */
export type RejectionReason =
  | 'missing-token'
  | 'user-deactivated'
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'signature'
  | 'no-matching-key'
  | 'key-set-unavailable'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'claim-invalid'
  | 'unsupported'
  | 'user-claim-missing'
  | 'user-not-registered'
  | 'agency-claim-missing'
  | 'agency-not-registered'
  | 'rejected';

export function unauthorized(reason: RejectionReason, detail: string, extra: Record<string, unknown> = {}): ProblemException {
  return new ProblemException(
    problem(401, 'unauthorized', '未认证或令牌无效 (not authenticated or invalid token)', { detail, reason, ...extra }),
  );
}

/**
 * The provider's key set could not be fetched (unreachable, timed out, not 200, not a JWKS). Raised by the key
 * resolver so that an outage at the provider reads as such, not as a bad token, and never as a 500.
 */
export class KeySetUnavailableError extends Error {
  constructor(
    readonly url: string,
    override readonly cause: unknown,
  ) {
    super(`JWKS ${url} unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'KeySetUnavailableError';
  }
}

// The cause (an internal address, a TLS error) goes to the server log, not to an unauthenticated client.
const KEY_SET_UNAVAILABLE = '密钥集不可用 (signing keys unavailable: the identity provider’s JWKS could not be fetched or used)';

/** What the verifier expected, for messages that let an operator see a misconfiguration at a glance. */
export interface Expectation {
  issuer: string;
  audience: string;
  algorithms: readonly string[];
}

/** A token-supplied value in a message: quoted, and cut short so a hostile token cannot flood the response. */
const shown = (value: unknown): string => {
  if (value === undefined) return 'none';
  const text = Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

const isoOf = (seconds: unknown) =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : shown(seconds);

function headerOf(token: string): { alg?: unknown; kid?: unknown } {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return {};
  }
}

/**
 * The one place where a failed verification becomes a 401: jose's error classes (by their stable `code`), the key
 * set being unavailable, and anything else (still a 401 naming the message, never a 500). Chinese first, English second.
 */
export function rejectionFor(error: unknown, token: string, expected: Expectation): ProblemException {
  if (error instanceof KeySetUnavailableError) return unauthorized('key-set-unavailable', KEY_SET_UNAVAILABLE);
  if (!(error instanceof errors.JOSEError))
    return unauthorized('rejected', `令牌校验失败 (token rejected: ${(error as Error)?.message ?? String(error)})`);

  switch (error.code) {
    case errors.JWTExpired.code: {
      const e = error as errors.JWTExpired;
      return unauthorized('expired', `令牌已过期 (token expired at ${isoOf(e.payload.exp)})`);
    }
    case errors.JWTClaimValidationFailed.code: {
      const e = error as errors.JWTClaimValidationFailed;
      if (e.claim === 'iss')
        return unauthorized('issuer', `签发者不符 (wrong issuer: token has ${shown(e.payload.iss)}, expected ${shown(expected.issuer)})`);
      if (e.claim === 'aud')
        return unauthorized(
          'audience',
          `受众不符 (wrong audience: token is for ${shown(e.payload.aud)}, expected ${shown(expected.audience)})`,
        );
      if (e.claim === 'nbf') return unauthorized('not-yet-valid', `令牌尚未生效 (token not yet valid: nbf ${isoOf(e.payload.nbf)})`);
      return unauthorized(
        'claim-invalid',
        `令牌声明无效 (claim "${e.claim}" ${e.reason === 'missing' ? 'is missing' : `is invalid: ${e.message}`})`,
      );
    }
    case errors.JWSSignatureVerificationFailed.code:
      return unauthorized('signature', '签名无效 (bad signature)');
    case errors.JOSEAlgNotAllowed.code:
      return unauthorized(
        'algorithm-not-allowed',
        `签名算法不允许 (algorithm ${shown(headerOf(token).alg)} not allowed; accepted: ${expected.algorithms.join(', ')})`,
      );
    case errors.JWKSNoMatchingKey.code:
    case errors.JWKSMultipleMatchingKeys.code: {
      const kid = headerOf(token).kid;
      return unauthorized(
        'no-matching-key',
        `签名密钥未知 (no single key of the provider matches the token${kid === undefined ? '' : `'s kid ${shown(kid)}`})`,
      );
    }
    case errors.JWKSTimeout.code:
    case errors.JWKSInvalid.code:
      return unauthorized('key-set-unavailable', KEY_SET_UNAVAILABLE);
    case errors.JWSInvalid.code:
    case errors.JWTInvalid.code:
      return unauthorized('malformed', `令牌格式错误 (malformed token: ${error.message})`);
    case errors.JOSENotSupported.code:
      return unauthorized('unsupported', `不支持的令牌 (unsupported token: ${error.message})`);
    default:
      return unauthorized('rejected', `令牌校验失败 (token rejected: ${error.message})`);
  }
}
