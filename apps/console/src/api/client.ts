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

/** A refusal as a person reads it: the API's title (Chinese first) and its detail (the limit, the missing fields…). */
export function problemText(e: unknown): string {
  if (!(e instanceof ApiError)) return String(e);
  const { title, detail } = e.problem;
  return detail ? `${title}：${detail}` : title;
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
export async function api<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; etag: string | null }> {
  const json = options.body === undefined ? undefined : { content: JSON.stringify(options.body), type: 'application/json' };
  const res = await send(path, { ...options, headers: { accept: 'application/json', ...options.headers } }, json, false);
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : null) as T, etag: res.headers.get('etag') };
}

/** A file the API answered: its bytes, its name (from Content-Disposition) and its headers. */
export interface ApiFile {
  blob: Blob;
  fileName: string | null;
  headers: Headers;
}

/**
 * A file from the public API (a document, the 案卷, an evidence file), fetched with the session's token like every
 * request; a refusal is an ApiError with the problem document. `upload` sends a file as the body, with its type.
 */
export async function apiFile(path: string, options: RequestOptions & { upload?: Blob } = {}): Promise<ApiFile> {
  const upload = options.upload && { content: options.upload, type: options.upload.type || 'application/octet-stream' };
  const res = await send(path, options, upload, false);
  return { blob: await res.blob(), fileName: dispositionFileName(res.headers.get('content-disposition')), headers: res.headers };
}

/** The file name of a Content-Disposition header: the UTF-8 `filename*` (Chinese names), else the plain one. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

async function send(
  path: string,
  options: RequestOptions,
  payload: { content: BodyInit; type: string } | undefined,
  retried: boolean,
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const session = options.anonymous ? null : await freshSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (payload) headers['content-type'] = payload.type;
  const res = await fetch(`${path.startsWith('/api/') ? '' : API_BASE}${path}${queryString(options.query)}`, {
    method: options.method ?? 'GET',
    headers,
    body: payload?.content,
  });
  if (res.ok) return res;
  if (res.status === 401 && session) {
    // A request sent with a token that another request has since replaced tries the new one, without a refresh.
    const current = currentSession();
    const replaced = current !== null && current.token !== session.token;
    if (session.oidc && !retried && (replaced || (await refreshSession()))) return send(path, options, payload, true);
    clearSession();
    onSignedOut();
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not a problem document (a proxy's page): the status speaks.
  }
  const problem = (body && typeof body === 'object' ? body : { type: 'about:blank', title: res.statusText, status: res.status }) as Problem;
  throw new ApiError({ ...problem, status: problem.status ?? res.status });
}
