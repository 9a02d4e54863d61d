import { freshSession, refreshSession } from '../auth/oidc';
import { clearSession, currentSession } from '../auth/session';

/** An RFC 9457 problem document as the API sends it (Chinese first, then English in parentheses). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/** A non-2xx answer of the API, carrying its problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

export const API_BASE = '/api/v1';

/** Called when the API answers 401: the session is over (expired or revoked token). */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Public routes send no token. */
  anonymous?: boolean;
}

export function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * One request to the public API; the answer's body, or an ApiError with the problem document. With an OIDC session
 * the token is refreshed before it lapses, and once more when the API answers 401 (then the request is sent again).
 */
export function api<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; etag: string | null }> {
  return send<T>(path, options, false);
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<{ body: T; etag: string | null }> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const session = options.anonymous ? null : await freshSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${path.startsWith('/api/') ? '' : API_BASE}${path}${queryString(options.query)}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    if (res.status === 401 && session) {
      // A request sent with a token that another request has since replaced tries the new one, without a refresh.
      const current = currentSession();
      const replaced = current !== null && current.token !== session.token;
      if (session.oidc && !retried && (replaced || (await refreshSession()))) return send<T>(path, options, true);
      clearSession();
      onSignedOut();
    }
    const problem = (
      body && typeof body === 'object' ? body : { type: 'about:blank', title: res.statusText, status: res.status }
    ) as Problem;
    throw new ApiError({ ...problem, status: problem.status ?? res.status });
  }
  return { body: body as T, etag: res.headers.get('etag') };
}
