import type { components } from '../api/schema';
import { currentSession, saveSession, type OidcSession, type Session } from './session';
import { codeChallengeS256, randomToken } from './pkce';

/** GET /api/v1/auth/config: how this service signs people in. */
export type AuthConfig = components['schemas']['AuthConfigDto'];

/** The provider's endpoints, from its discovery document (OpenID Connect Discovery 1.0 §3). */
interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

/** What the sign-in keeps between leaving for the provider and coming back (this tab only). */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string | null;
}

const PENDING = 'casetrail.oidc.pending';
const SIGNED_OUT = 'casetrail.oidc.signedOut';
/** A token this close to its end is refreshed before it is used. */
const REFRESH_MARGIN_MS = 30_000;

/** A sign-in that failed at the provider or on the way back; its message is for the person (Chinese first). */
export class SignInError extends Error {}

export async function discover(issuer: string): Promise<ProviderMetadata> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new SignInError(`无法读取身份提供方配置 (discovery answered ${res.status})`);
  const meta = (await res.json()) as ProviderMetadata;
  // Discovery §4.3: the document must name the issuer it was fetched from, else it is someone else's.
  if (meta.issuer !== issuer) throw new SignInError(`身份提供方标识不符 (issuer ${meta.issuer}, expected ${issuer})`);
  return meta;
}

const redirectUriOf = (config: AuthConfig) => `${window.location.origin}${config.redirectPath}`;

/** Leaves for the provider's sign-in page: authorization code with PKCE (S256), state and nonce (RFC 7636, OIDC Core §3.1.2). */
export async function beginSignIn(config: AuthConfig, next: string | null): Promise<void> {
  const meta = await discover(config.issuer!);
  const pending: PendingSignIn = {
    state: randomToken(),
    nonce: randomToken(),
    verifier: randomToken(),
    redirectUri: redirectUriOf(config),
    next,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  sessionStorage.removeItem(SIGNED_OUT);
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId!,
    redirect_uri: pending.redirectUri,
    scope: config.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallengeS256(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  error?: string;
  error_description?: string;
}

async function tokenRequest(tokenEndpoint: string, form: Record<string, string>): Promise<TokenResponse> {
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await res.json().catch(() => ({}))) as TokenResponse;
  if (!res.ok || !body.access_token)
    throw new SignInError(
      `身份提供方拒绝签发令牌 (${body.error ?? res.status}${body.error_description ? `: ${body.error_description}` : ''})`,
    );
  return body;
}

/** The claims of a JWT, unverified: only for the ID token the token endpoint itself handed over (OIDC Core §3.1.3.7). */
function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/**
 * The ID token's issuer, audience, expiry and nonce (OIDC Core §3.1.3.7). It came straight from the token endpoint
 * over the channel the browser opened, so its signature is not checked here; the API verifies every access token.
 */
function checkIdToken(idToken: string, issuer: string, clientId: string, nonce: string): void {
  const claims = jwtClaims(idToken);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer) throw new SignInError('身份令牌签发者不符 (ID token issuer mismatch)');
  if (!aud.includes(clientId)) throw new SignInError('身份令牌受众不符 (ID token audience mismatch)');
  if (claims.nonce !== nonce) throw new SignInError('身份令牌 nonce 不符 (ID token nonce mismatch)');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) throw new SignInError('身份令牌已过期 (ID token expired)');
}

const expiresAt = (t: TokenResponse) => Date.now() + (t.expires_in ?? 300) * 1000;

/**
 * Back from the provider at the redirect path: checks `state`, exchanges the code (public client: the PKCE verifier,
 * no secret) and checks the ID token. Returns the access token and what refreshing and signing out need.
 */
export async function completeSignIn(
  config: AuthConfig,
  location: URL,
): Promise<{ token: string; oidc: OidcSession; next: string | null }> {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  const params = location.searchParams;
  if (!pending || params.get('state') !== pending.state) throw new SignInError('登录状态不符，请重新登录 (state mismatch)');
  const error = params.get('error');
  if (error)
    throw new SignInError(
      `身份提供方未完成登录 (${error}${params.get('error_description') ? `: ${params.get('error_description')}` : ''})`,
    );
  const code = params.get('code');
  if (!code) throw new SignInError('回调缺少授权码 (no code)');
  const meta = await discover(config.issuer!);
  // RFC 9207: a provider that names itself in the answer must be the one the sign-in went to (mix-up defence).
  const iss = params.get('iss');
  if (iss !== null && iss !== meta.issuer) throw new SignInError(`授权响应签发者不符 (iss ${iss}, expected ${meta.issuer})`);
  const tokens = await tokenRequest(meta.token_endpoint, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: config.clientId!,
    code_verifier: pending.verifier,
  });
  if (tokens.id_token) checkIdToken(tokens.id_token, meta.issuer, config.clientId!, pending.nonce);
  return {
    token: tokens.access_token,
    next: pending.next,
    oidc: {
      clientId: config.clientId!,
      tokenEndpoint: meta.token_endpoint,
      endSessionEndpoint: meta.end_session_endpoint,
      idToken: tokens.id_token,
      refreshToken: tokens.refresh_token,
      expiresAt: expiresAt(tokens),
    },
  };
}

let refreshing: Promise<Session | null> | null = null;

/**
 * A new access token from the refresh token; the session keeps the new one (providers rotate refresh tokens). One
 * refresh at a time: requests that need it meanwhile wait for the same one. Null when it cannot be refreshed.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    const session = currentSession();
    if (!session?.oidc?.refreshToken) return null;
    const { oidc } = session;
    try {
      const tokens = await tokenRequest(oidc.tokenEndpoint, {
        grant_type: 'refresh_token',
        refresh_token: oidc.refreshToken!,
        client_id: oidc.clientId,
      });
      const next: Session = {
        ...session,
        token: tokens.access_token,
        oidc: {
          ...oidc,
          refreshToken: tokens.refresh_token ?? oidc.refreshToken,
          idToken: tokens.id_token ?? oidc.idToken,
          expiresAt: expiresAt(tokens),
        },
      };
      saveSession(next);
      return next;
    } catch {
      return null;
    }
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** The session to send with a request: an OIDC token about to lapse is refreshed first. */
export async function freshSession(): Promise<Session | null> {
  const session = currentSession();
  if (!session?.oidc || session.oidc.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session;
  return (await refreshSession()) ?? session;
}

/**
 * Where signing out ends: the provider's end_session_endpoint (RP-Initiated Logout 1.0 §2), which ends the provider's
 * session too and comes back to the sign-in page; null when the provider offers none.
 */
export function endSessionUrl(session: Session): string | null {
  if (!session.oidc?.endSessionEndpoint) return null;
  const url = new URL(session.oidc.endSessionEndpoint);
  url.searchParams.set('client_id', session.oidc.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/login`);
  if (session.oidc.idToken) url.searchParams.set('id_token_hint', session.oidc.idToken);
  return url.toString();
}

/** Signing out leaves a mark, so the sign-in page waits for a click instead of going straight back to the provider. */
export function markSignedOut(): void {
  sessionStorage.setItem(SIGNED_OUT, '1');
}
export function signedOutHere(): boolean {
  return sessionStorage.getItem(SIGNED_OUT) === '1';
}
