/** The signed-in user as the dev identity lists them (the token itself is opaque to the console). */
export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
  agencyId: string;
  agencyName?: string;
}

export interface Session {
  token: string;
  user: SessionUser;
  /** Signed in at an OpenID provider (AUTH_MODE=oidc): what refreshing the token and signing out need. */
  oidc?: OidcSession;
}

export interface OidcSession {
  clientId: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  idToken?: string;
  refreshToken?: string;
  /** When the access token (`token`) lapses, in milliseconds since the epoch. */
  expiresAt: number;
}

// sessionStorage: the token lives as long as the tab, and never outlives the browser session.
const KEY = 'casetrail.session';

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
