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
