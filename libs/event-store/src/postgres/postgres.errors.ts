import { EventStoreUnavailableError } from '../common/store-errors';
/**
 * Where a connection string points, for messages and logs: scheme, user, host, port and database, never the
 * password (a connection string is a secret as a whole only because of it).
 */
export function describeConnectionString(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return '(not a URL)';
  }
  const host = url.hostname || url.searchParams.get('host') || 'localhost (socket)';
  const port = url.port || '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `${url.protocol}//${user}${host}:${port}/${database}`;
}

/** The connection string with its password masked, e.g. for echoing a configuration value back. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) if (/pass/i.test(key)) url.searchParams.set(key, '***');
    return url.href;
  } catch {
    // Not a URL: whatever sits between "//user:" and "@" could still be a password.
    return connectionString.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** PostgreSQL errors and Node socket errors that mean "cannot reach or log in to the database", not "bad request". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '28P01', // invalid_password
  '28000', // invalid_authorization_specification (e.g. no pg_hba.conf entry)
  '3D000', // invalid_catalog_name: the database does not exist
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
]);

export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  // node-pg's own words for a connect timeout and a connection that closed under a query.
  return typeof e.message === 'string' && /timeout expired|Connection terminated|connection timeout/i.test(e.message);
}

/**
 * The database cannot be reached or refuses the login. The message names where casetrail tried to connect (host,
 * port, database, user) and why, never the password.
 */
export class PostgresUnavailableError extends EventStoreUnavailableError {
  readonly code: string | undefined;

  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    const c = cause as { code?: unknown; message?: unknown } | null;
    const code = typeof c?.code === 'string' ? c.code : undefined;
    const why = [code, typeof c?.message === 'string' && c.message ? c.message : undefined].filter(Boolean).join(': ') || String(cause);
    // One kind of "the store is unavailable" for callers (the API answers 503 for every remote store).
    super('PostgreSQL', `数据库不可达 (database unreachable): PostgreSQL at ${target}: ${why}`, { cause });
    this.message = this.reason;
    this.name = 'PostgresUnavailableError';
    this.code = code;
  }
}
