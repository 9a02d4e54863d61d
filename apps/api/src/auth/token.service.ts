import { Inject, Injectable, Logger } from '@nestjs/common';
import { createPublicKey } from 'node:crypto';
import { JWTPayload, JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify, SignJWT } from 'jose';
import { Actor, ByteBudgetLru, estimatedBytes, utf16Bytes } from '@app/case-engine';
import { APP_CONFIG, AppConfig, OidcConfig, algorithmsForKey } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { actorFromClaims, actorFromRegistry, userIdOf } from './oidc-identity';
import { Expectation, KeySetUnavailableError, rejectionFor, unauthorized } from './token-rejection';

type VerifiedPayload = JWTPayload & { exp: number };

/**
 * The provider's JWKS, fetched and cached by jose (refetched when a token names an unknown kid). A failure to get
 * usable keys is the provider's outage, not the token's fault: it becomes KeySetUnavailableError. Only "no key
 * matches this token" is about the token itself.
 */
function remoteKeySet(url: string): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) throw e;
      throw new KeySetUnavailableError(url, e);
    }
  };
}

/** Verifies a compact JWS and returns its claims, or throws what jose (or the key resolver) threw. */
type Verifier = (token: string) => Promise<JWTPayload>;

function oidcVerifier(oidc: OidcConfig): { verify: Verifier; algorithms: string[] } {
  const options = {
    issuer: oidc.issuer,
    audience: oidc.audience,
    clockTolerance: oidc.clockToleranceSeconds,
    // Without exp a token would never lapse (nor leave the verified-token cache): OIDC Core §2 requires it of ID tokens.
    requiredClaims: ['exp'],
  };
  if (oidc.key.kind === 'jwks') {
    const keys = remoteKeySet(oidc.key.url);
    const algorithms = oidc.algorithms;
    return { algorithms, verify: async (token) => (await jwtVerify(token, keys, { ...options, algorithms })).payload };
  }
  // One fixed key verifies only its own family (an RSA key never an ES256 token): narrow the list, so such a token
  // is refused as an algorithm not allowed rather than failing inside the crypto call. Config ensured overlap.
  const key = createPublicKey(oidc.key.pem);
  const algorithms = oidc.algorithms.filter((a) => algorithmsForKey(key).includes(a));
  return { algorithms, verify: async (token) => (await jwtVerify(token, key, { ...options, algorithms })).payload };
}

/** Bearer JWTs: verified on every request; the actor comes from the token and the registry, never from a body. */
@Injectable()
export class TokenService {
  private readonly logger = new Logger('TokenService');
  /** HS256 key of dev tokens (AUTH_MODE=dev) and of AUTH_MODE=jwt. */
  private readonly key: Uint8Array;
  private readonly check: Verifier;
  private readonly expected: Expectation;
  /**
   * Tokens already verified (their claims), so a client's every request does not pay for the signature again;
   * the registry lookup still runs per request. Bounded by count and by estimated bytes (TOKEN_CACHE_MB: a provider
   * may put large claims in its tokens), least recently used dropped first. Only successes are kept: a token refused
   * once (bad key set, clock) is verified afresh next time.
   */
  private readonly verified: ByteBudgetLru<string, { token: string; claims: VerifiedPayload }>;
  private lastWarningAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
    const sizeOf = (v: { token: string; claims: VerifiedPayload }) => utf16Bytes(v.token) + estimatedBytes(v.claims);
    this.verified = new ByteBudgetLru(config.cacheBytes.tokens, sizeOf, 10_000);
    if (config.authMode === 'oidc' && config.oidc) {
      const { verify, algorithms } = oidcVerifier(config.oidc);
      this.check = verify;
      this.expected = { issuer: config.oidc.issuer, audience: config.oidc.audience, algorithms };
    } else {
      this.expected = { issuer: config.jwtIssuer, audience: config.jwtAudience, algorithms: ['HS256'] };
      this.check = async (token) =>
        (await jwtVerify(token, this.key, { issuer: config.jwtIssuer, audience: config.jwtAudience, algorithms: ['HS256'] })).payload;
    }
  }

  async issueDevToken(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(this.config.jwtIssuer)
      .setAudience(this.config.jwtAudience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.key);
  }

  async verify(authorization: string | undefined): Promise<Actor> {
    if (!authorization?.startsWith('Bearer ')) throw unauthorized('missing-token', '缺少 Bearer 令牌 (missing bearer token)');
    const token = authorization.slice(7).trim();
    const claims = await this.claimsOf(token);
    const oidc = this.config.oidc;
    if (oidc?.identitySource === 'claims') return actorFromClaims(claims, oidc, this.directory.directory);
    return actorFromRegistry(userIdOf(claims, oidc?.userClaim ?? 'sub'), this.directory.directory);
  }

  private async claimsOf(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token)?.claims;
    if (known && known.exp * 1000 > Date.now()) return known;
    this.verified.delete(token);
    let payload: JWTPayload;
    try {
      payload = await this.check(token);
    } catch (e) {
      this.warnUnexpected(e);
      throw rejectionFor(e, token, this.expected);
    }
    if (typeof payload.exp === 'number') this.verified.set(token, { token, claims: payload as VerifiedPayload });
    return payload;
  }

  /**
   * Bad tokens are the client's business (the 401 says why); an unreachable key set or an error jose does not name
   * is the operator's. Logged at most once a minute, so an outage under load does not flood the log.
   */
  private warnUnexpected(e: unknown): void {
    if (e instanceof errors.JOSEError) return;
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = now;
    this.logger.warn(
      e instanceof KeySetUnavailableError ? e.message : `token verification failed unexpectedly: ${(e as Error)?.stack ?? String(e)}`,
    );
  }
}
