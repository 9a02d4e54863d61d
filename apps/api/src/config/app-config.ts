import { KeyObject, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';

/** The checkout's root (the nearest folder above this file with a package.json), for the shipped config files. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  authMode: 'dev' | 'jwt' | 'oidc';
  /** HS256 secret for dev tokens (AUTH_MODE=dev) or for verifying tokens (AUTH_MODE=jwt); unused with oidc. */
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** The external OpenID Connect provider whose tokens are accepted (AUTH_MODE=oidc only, else null). */
  oidc: OidcConfig | null;
  /** How the web console signs people in at that provider (AUTH_MODE=oidc with OIDC_CLIENT_ID, else null). */
  oidcSignIn: OidcSignInConfig | null;
  seedDemo: boolean;
  /**
   * Which demo cases the seed writes: `year` (a year of the city's enforcement, the default) or `basic` (six cases on
   * fixed 2026 dates that the API's end-to-end tests count on; SEED_DEMO=basic).
   */
  demoSet: 'year' | 'basic';
  rulesFile: string;
  calendarOverridesFile: string | null;
  /** 裁量基准 table (the shipped one is sample data). */
  benchmarkFile: string;
  /** DEADLINE_WARNING_WORKING_DAYS: deadlines due within this many working days are shown as soon due (预警). */
  deadlineWarningWorkingDays: number;
  /** How often the deadline scheduler looks for passed deadlines; 0 turns the timer off. */
  schedulerIntervalSeconds: number;
  /** Which event store adapter the service runs on (EVENT_STORE). */
  eventStore: EventStoreKind;
  /**
   * DATABASE_URL: the PostgreSQL database of the events and read models (EVENT_STORE=postgres, required), or of the
   * read models alone (EVENT_STORE=eventstoredb, optional: without it the read side answers 501); else null.
   */
  postgres: PostgresConfig | null;
  /** EVENT_STORE=eventstoredb only (EVENTSTORE_CONNECTION_STRING), else null. */
  eventStoreDbConnectionString: string | null;
  /**
   * TRUSTED_PROXY: which proxies may say who the client is (X-Forwarded-For), as Fastify's trustProxy takes it:
   * false (the default: none; the socket's address is recorded), a hop count, or addresses and CIDR ranges.
   */
  trustedProxy: TrustedProxy;
  /** DOCUMENT_FONT_PATH: a TrueType/OpenType font for the PDF documents (e.g. an agency's licensed 仿宋); null: the packaged Noto Serif SC. */
  documentFontPath: string | null;
  /**
   * EVIDENCE_DIR: where uploaded evidence files are kept, content-addressed by SHA-256 (default DATA_DIR/evidence);
   * for several instances, a directory they all mount (docs/evidence-files.md).
   */
  evidenceDir: string;
  /** EVIDENCE_FILE_MAX_BYTES: the largest evidence file accepted (413 above it); default 200 MiB. */
  evidenceFileMaxBytes: number;
  /** What the in-process caches may hold, in estimated bytes (CASE_CACHE_MB, HISTORY_CACHE_MB, TOKEN_CACHE_MB). */
  cacheBytes: CacheBytes;
}

export interface CacheBytes {
  /** Folded cases of the case engine; default 64 MiB. */
  cases: number;
  /** Parsed case histories (GET /events, timeline); default 32 MiB. */
  histories: number;
  /** Verified bearer tokens' claims; default 4 MiB. */
  tokens: number;
}

export type TrustedProxy = false | number | string[];

/**
 * TRUSTED_PROXY in the form Fastify's adapter takes: a hop count n becomes "trust the n hops nearest the service",
 * which is what Fastify itself does with a number (the adapter's options type names no number).
 */
export function fastifyTrustProxy(trusted: TrustedProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted;
}

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export interface PostgresConfig {
  /** DATABASE_URL as given (it may hold the password: never log it; see redactConnectionString). */
  url: string;
  /** PG_POOL_SIZE: connections in the pool. */
  poolSize: number;
  /** PG_SCHEMA: the schema holding the event store's tables. */
  schema: string;
}

export const DEV_JWT_SECRET = 'casetrail-dev-only-secret-do-not-use-in-production';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 (invalid configuration):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function bool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name}="${raw}": must be true or false`);
  return fallback;
}

/** Where the provider's signing keys come from: its JWKS endpoint, or one PEM public key (SPKI). */
export type OidcKeySource = { kind: 'jwks'; url: string } | { kind: 'pem'; pem: string; origin: string };

export interface OidcConfig {
  /** Expected `iss` (the provider's issuer identifier, OpenID Connect Discovery §4.3). */
  issuer: string;
  /** Expected `aud`: casetrail's client or resource identifier at the provider. */
  audience: string;
  key: OidcKeySource;
  /** Accepted `alg` values: asymmetric only (never `none`, never HS*). */
  algorithms: string[];
  clockToleranceSeconds: number;
  /** The claim holding the registry user id. */
  userClaim: string;
  /** `registry`: roles, agency and name from the organisation registry; `claims`: from the token. */
  identitySource: 'registry' | 'claims';
  rolesClaim: string;
  agencyClaim: string;
}

/** The console as a public client of the provider: authorization code with PKCE, no client secret (RFC 7636). */
export interface OidcSignInConfig {
  /** The console's client_id at the provider. */
  clientId: string;
  /** Where the provider sends the browser back with the code: a console path under /login/. */
  redirectPath: string;
  /** Scopes the console asks for; always includes `openid`. */
  scopes: string[];
}

/**
 * Asymmetric JWS algorithms (RFC 7518 §3.1, RFC 8037). `none` carries no signature and HS* would need the provider
 * to share a secret with every relying party, so neither can prove a token came from the provider.
 */
export const OIDC_SUPPORTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
const OIDC_DEFAULT_ALGORITHMS = 'RS256,ES256';
/** More than five minutes of skew means a broken clock, not drift; refuse rather than widen every token's life. */
const MAX_CLOCK_TOLERANCE_SECONDS = 300;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The JWS algorithms a public key can verify (RFC 7518 §3.3–3.5: an EC key only for its own curve's ES*). */
export function algorithmsForKey(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec':
      return { prime256v1: ['ES256'], secp384r1: ['ES384'], secp521r1: ['ES512'] }[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? [];
    case 'ed25519':
    case 'ed448':
      return ['EdDSA'];
    default:
      return [];
  }
}

/** Parses a PEM public key, or says why it is not one (a private key is refused: it must never sit in casetrail's config). */
export function parsePublicKeyPem(pem: string): { key: KeyObject } | { error: string } {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    return { error: 'is a private key; give the provider’s public key (-----BEGIN PUBLIC KEY-----)' };
  try {
    return { key: createPublicKey(pem) };
  } catch (e) {
    return { error: `is not a PEM public key (${(e as Error).message})` };
  }
}

function oidcKey(env: NodeJS.ProcessEnv, nodeEnv: string, algorithms: string[], problems: string[]): OidcKeySource | null {
  const given = (['OIDC_JWKS_URL', 'OIDC_PUBLIC_KEY', 'OIDC_PUBLIC_KEY_FILE'] as const).filter((name) => env[name]);
  if (given.length === 0) {
    problems.push('AUTH_MODE=oidc needs the provider’s signing key: set OIDC_JWKS_URL, OIDC_PUBLIC_KEY or OIDC_PUBLIC_KEY_FILE');
    return null;
  }
  if (given.length > 1) {
    problems.push(`set exactly one of OIDC_JWKS_URL, OIDC_PUBLIC_KEY, OIDC_PUBLIC_KEY_FILE (got ${given.join(' and ')})`);
    return null;
  }
  if (env.OIDC_JWKS_URL) {
    const raw = env.OIDC_JWKS_URL;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      problems.push(`OIDC_JWKS_URL="${raw}": not a URL`);
      return null;
    }
    // Keys fetched over plain http can be swapped in transit, and whoever swaps them mints tokens for anyone.
    if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && nodeEnv === 'production')
      problems.push(`OIDC_JWKS_URL="${raw}": must be https when NODE_ENV=production (http only for localhost or 127.0.0.1)`);
    else if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`OIDC_JWKS_URL="${raw}": must be an https URL`);
    return { kind: 'jwks', url: url.href };
  }
  let pem: string;
  let origin: string;
  if (env.OIDC_PUBLIC_KEY) {
    // A PEM squeezed into one line of an env file keeps its line breaks as literal \n.
    pem = env.OIDC_PUBLIC_KEY.replace(/\\n/g, '\n');
    origin = 'OIDC_PUBLIC_KEY';
  } else {
    const file = path.resolve(env.OIDC_PUBLIC_KEY_FILE!);
    origin = `OIDC_PUBLIC_KEY_FILE=${file}`;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`${origin}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return null;
    }
  }
  const parsed = parsePublicKeyPem(pem);
  if ('error' in parsed) {
    problems.push(`${origin}: ${parsed.error}`);
    return null;
  }
  const usable = algorithmsForKey(parsed.key);
  if (parsed.key.asymmetricKeyType?.startsWith('rsa') && (parsed.key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    problems.push(`${origin}: an RSA key must have at least 2048 bits (RFC 7518 §3.3)`);
  else if (algorithms.length && !algorithms.some((a) => usable.includes(a)))
    problems.push(
      `${origin}: the ${parsed.key.asymmetricKeyType} key verifies ${usable.join(', ') || 'none of the supported algorithms'}, but OIDC_ALGORITHMS allows only ${algorithms.join(', ')}`,
    );
  return { kind: 'pem', pem, origin };
}

function oidcAlgorithms(raw: string | undefined, problems: string[]): string[] {
  const names = (raw || OIDC_DEFAULT_ALGORITHMS)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const ok: string[] = [];
  for (const name of names) {
    if (name.toLowerCase() === 'none' || /^HS\d+$/i.test(name))
      problems.push(`OIDC_ALGORITHMS: ${name} is never accepted (unsigned or shared-secret tokens cannot prove the provider issued them)`);
    else if (!(OIDC_SUPPORTED_ALGORITHMS as readonly string[]).includes(name))
      problems.push(`OIDC_ALGORITHMS: unknown algorithm "${name}" (use ${OIDC_SUPPORTED_ALGORITHMS.join(', ')})`);
    else if (!ok.includes(name)) ok.push(name);
  }
  if (!names.length) problems.push(`OIDC_ALGORITHMS="${raw}": name at least one algorithm`);
  return ok;
}

function oidcConfig(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim() ?? '';
  const audience = env.OIDC_AUDIENCE?.trim() ?? '';
  if (!issuer)
    problems.push('OIDC_ISSUER is required when AUTH_MODE=oidc (the provider’s issuer, e.g. https://id.example.gov.cn/realms/casetrail)');
  if (!audience) problems.push('OIDC_AUDIENCE is required when AUTH_MODE=oidc (casetrail’s client or resource id at the provider)');
  const algorithms = oidcAlgorithms(env.OIDC_ALGORITHMS, problems);
  const key = oidcKey(env, nodeEnv, algorithms, problems);

  const tolerance = Number(env.OIDC_CLOCK_TOLERANCE_SECONDS || '30');
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS)
    problems.push(
      `OIDC_CLOCK_TOLERANCE_SECONDS="${env.OIDC_CLOCK_TOLERANCE_SECONDS}": must be a whole number of seconds 0–${MAX_CLOCK_TOLERANCE_SECONDS}`,
    );

  const identitySource = (env.OIDC_IDENTITY_SOURCE || 'registry') as OidcConfig['identitySource'];
  if (!['registry', 'claims'].includes(identitySource))
    problems.push(`OIDC_IDENTITY_SOURCE="${env.OIDC_IDENTITY_SOURCE}": must be registry or claims`);
  const claimName = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    if (value === undefined || value === '') return fallback;
    return value;
  };
  if (!key) return null;
  return {
    issuer,
    audience,
    key,
    algorithms,
    clockToleranceSeconds: tolerance,
    userClaim: claimName('OIDC_USER_CLAIM', 'sub'),
    identitySource,
    rolesClaim: claimName('OIDC_ROLES_CLAIM', 'roles'),
    agencyClaim: claimName('OIDC_AGENCY_CLAIM', 'agency_id'),
  };
}

/** client_id is VSCHAR (RFC 6749 Appendix A.1); spaces are refused too, since they would not survive a copy into the provider. */
const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;
/** A console path under /login/ (the sign-in page's own routes), plain path characters only. */
const REDIRECT_PATH = /^\/login\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/;
/** scope-token = 1*NQCHAR (RFC 6749 Appendix A.4). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function oidcSignInConfig(env: NodeJS.ProcessEnv, nodeEnv: string, problems: string[]): OidcSignInConfig | null {
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const redirectPath = env.OIDC_REDIRECT_PATH?.trim() || '/login/callback';
  const scopes = (env.OIDC_SCOPES?.trim() || 'openid profile').split(/\s+/);
  if (!clientId) {
    const given = (['OIDC_REDIRECT_PATH', 'OIDC_SCOPES'] as const).filter((name) => env[name]?.trim());
    if (given.length) problems.push(`${given.join(' and ')} set without OIDC_CLIENT_ID (the console’s client id at the provider)`);
    return null;
  }
  const before = problems.length;
  // The browser discovers the provider's endpoints under the issuer and sends the user's password there.
  const issuer = env.OIDC_ISSUER?.trim() ?? '';
  const url = URL.canParse(issuer) ? new URL(issuer) : null;
  if (issuer && (!url || !['https:', 'http:'].includes(url.protocol)))
    problems.push(`OIDC_ISSUER="${issuer}": the console signs in at the issuer, so it must be an https URL (with OIDC_CLIENT_ID)`);
  else if (url?.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && nodeEnv === 'production')
    problems.push(`OIDC_ISSUER="${issuer}": must be https when NODE_ENV=production (http only for localhost or 127.0.0.1)`);
  if (!CLIENT_ID.test(clientId)) problems.push(`OIDC_CLIENT_ID="${clientId}": use at most 200 printable ASCII characters, no spaces`);
  if (!REDIRECT_PATH.test(redirectPath) || redirectPath.split('/').some((part) => part === '.' || part === '..'))
    problems.push(`OIDC_REDIRECT_PATH="${redirectPath}": must be a path under /login/ (the console’s sign-in), e.g. /login/callback`);
  const bad = scopes.filter((scope) => !SCOPE_TOKEN.test(scope));
  if (bad.length) problems.push(`OIDC_SCOPES: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not a scope name (RFC 6749 §3.3)`);
  else if (!scopes.includes('openid'))
    problems.push(`OIDC_SCOPES="${env.OIDC_SCOPES}": must include openid (OpenID Connect Core §3.1.2.1)`);
  return problems.length > before ? null : { clientId, redirectPath, scopes: [...new Set(scopes)] };
}

const PG_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
const ESDB_URL = /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/[^\s/?#,]+(,[^\s/?#,]+)*\/?(\?\S*)?$/;

/** Masks the password of a URL-shaped value before it is echoed in a message. */
function redact(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function eventStoreConfig(
  env: NodeJS.ProcessEnv,
  problems: string[],
): Pick<AppConfig, 'eventStore' | 'postgres' | 'eventStoreDbConnectionString'> {
  const kind = (env.EVENT_STORE || 'sqlite') as EventStoreKind;
  if (!EVENT_STORE_KINDS.includes(kind)) problems.push(`EVENT_STORE="${env.EVENT_STORE}": must be ${EVENT_STORE_KINDS.join(', ')}`);

  let poolSize = 10;
  if (env.PG_POOL_SIZE !== undefined && env.PG_POOL_SIZE !== '') {
    poolSize = Number(env.PG_POOL_SIZE);
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100)
      problems.push(`PG_POOL_SIZE="${env.PG_POOL_SIZE}": must be a whole number 1–100`);
  }
  const schema = env.PG_SCHEMA || 'casetrail';
  if (!PG_SCHEMA.test(schema))
    problems.push(`PG_SCHEMA="${env.PG_SCHEMA}": use lower-case letters, digits and _ (at most 63, not starting with a digit)`);

  let postgres: PostgresConfig | null = null;
  if (kind === 'postgres' || kind === 'eventstoredb') {
    const raw = env.DATABASE_URL?.trim() ?? '';
    if (!raw) {
      if (kind === 'postgres')
        problems.push('DATABASE_URL is required when EVENT_STORE=postgres (e.g. postgres://casetrail:secret@db.example:5432/casetrail)');
    } else {
      let url: URL | null = null;
      try {
        url = new URL(raw);
      } catch {
        problems.push(`DATABASE_URL="${redact(raw)}": not a URL (expected postgres://user:password@host:5432/database)`);
      }
      if (url && url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
        problems.push(`DATABASE_URL="${redact(raw)}": must be a postgres:// or postgresql:// URL`);
      else if (url) postgres = { url: raw, poolSize, schema };
    }
  }

  let esdb: string | null = null;
  if (kind === 'eventstoredb') {
    const raw = env.EVENTSTORE_CONNECTION_STRING?.trim() ?? '';
    if (!raw)
      problems.push('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)');
    else if (!ESDB_URL.test(raw))
      problems.push(
        `EVENTSTORE_CONNECTION_STRING="${redact(raw)}": must be an esdb://, esdb+discover:// or kurrentdb:// connection string`,
      );
    else esdb = raw;
  }
  return { eventStore: kind, postgres, eventStoreDbConnectionString: esdb };
}

/** proxy-addr's names for ranges (loopback 127.0.0.1/8 and ::1, link-local, unique-local). */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustedProxy(raw: string | undefined, problems: string[]): TrustedProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'none') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 32) return hops;
    problems.push(`TRUSTED_PROXY="${raw}": a hop count must be 1–32`);
    return false;
  }
  const entries = value.split(',').map((e) => e.trim());
  const isRange = (e: string) => {
    if (PROXY_RANGE_NAMES.includes(e)) return true;
    const [address, prefix, ...rest] = e.split('/');
    const family = isIP(address);
    if (!family || rest.length) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  const bad = entries.filter((e) => !isRange(e));
  if (bad.length) {
    problems.push(
      `TRUSTED_PROXY="${raw}": ${bad.map((e) => JSON.stringify(e)).join(', ')} is no address, CIDR range or ${PROXY_RANGE_NAMES.join('/')} (or give a hop count, or none)`,
    );
    return false;
  }
  return entries;
}

/** 200 MiB: a long on-site audio-video recording (全程音像记录) at a phone's bit rate. */
const DEFAULT_EVIDENCE_FILE_MAX_BYTES = 200 * 1024 * 1024;

const MIB = 1024 * 1024;

/** The cache budgets: whole MiB, 1–4096 each, so a typo cannot give a cache the whole heap or nothing. */
function cacheBytes(env: NodeJS.ProcessEnv, problems: string[]): CacheBytes {
  const mib = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback * MIB;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 4096) problems.push(`${name}="${raw}": must be a whole number of MiB 1–4096`);
    return n * MIB;
  };
  return { cases: mib('CASE_CACHE_MB', 64), histories: mib('HISTORY_CACHE_MB', 32), tokens: mib('TOKEN_CACHE_MB', 4) };
}

/** Reads and validates the environment at start-up; every problem is reported at once (fail fast). */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV="${env.NODE_ENV}": must be development, production or test`);

  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT="${env.PORT}": must be an integer 0–65535`);

  const authMode = (env.AUTH_MODE || (nodeEnv === 'production' ? 'jwt' : 'dev')) as AppConfig['authMode'];
  if (!['dev', 'jwt', 'oidc'].includes(authMode)) problems.push(`AUTH_MODE="${env.AUTH_MODE}": must be dev, jwt or oidc`);
  if (authMode === 'dev' && nodeEnv === 'production')
    problems.push('AUTH_MODE=dev is refused when NODE_ENV=production: dev identity issues tokens to anyone (set AUTH_MODE=oidc or jwt)');

  const jwtSecret = env.JWT_SECRET || (authMode === 'dev' ? DEV_JWT_SECRET : '');
  if (authMode === 'jwt') {
    // In production AUTH_MODE defaults to jwt, so OIDC_* settings without AUTH_MODE=oidc would otherwise be ignored silently.
    if (!env.JWT_SECRET)
      problems.push(
        `JWT_SECRET is required when AUTH_MODE=jwt${!env.AUTH_MODE && env.OIDC_ISSUER ? ' (OIDC_ISSUER is set: did you mean AUTH_MODE=oidc?)' : ''}`,
      );
    else if (env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET must not be the built-in development secret');
    else if (env.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  }

  const oidc = authMode === 'oidc' ? oidcConfig(env, nodeEnv, problems) : null;
  const oidcSignIn = authMode === 'oidc' ? oidcSignInConfig(env, nodeEnv, problems) : null;

  const dataDir = path.resolve(env.DATA_DIR || './data');
  const schedulerIntervalSeconds = Number(env.SCHEDULER_INTERVAL_SECONDS ?? '60');
  if (!Number.isInteger(schedulerIntervalSeconds) || schedulerIntervalSeconds < 0)
    problems.push(`SCHEDULER_INTERVAL_SECONDS="${env.SCHEDULER_INTERVAL_SECONDS}": must be a whole number of seconds ≥ 0`);
  const deadlineWarningWorkingDays = Number(env.DEADLINE_WARNING_WORKING_DAYS || '3');
  if (!Number.isInteger(deadlineWarningWorkingDays) || deadlineWarningWorkingDays < 1 || deadlineWarningWorkingDays > 30)
    problems.push(`DEADLINE_WARNING_WORKING_DAYS="${env.DEADLINE_WARNING_WORKING_DAYS}": must be a whole number of working days 1–30`);
  const root = projectRoot();
  const rulesFile = env.RULES_FILE ? path.resolve(env.RULES_FILE) : path.join(root, 'workflows/enforcement-case/rules/versions.json');
  const benchmarkFile = env.DISCRETION_BENCHMARK_FILE
    ? path.resolve(env.DISCRETION_BENCHMARK_FILE)
    : path.join(root, 'workflows/enforcement-case/rules/discretion-benchmark.sample.json');
  const overrides = env.CALENDAR_OVERRIDES_FILE
    ? path.resolve(env.CALENDAR_OVERRIDES_FILE)
    : path.join(root, 'libs/calendar/calendar-overrides.json');

  const store = eventStoreConfig(env, problems);

  const evidenceFileMaxBytes = Number(env.EVIDENCE_FILE_MAX_BYTES || DEFAULT_EVIDENCE_FILE_MAX_BYTES);
  if (!Number.isSafeInteger(evidenceFileMaxBytes) || evidenceFileMaxBytes < 1)
    problems.push(`EVIDENCE_FILE_MAX_BYTES="${env.EVIDENCE_FILE_MAX_BYTES}": must be a whole number of bytes ≥ 1`);

  const config: AppConfig = {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    dataDir,
    authMode,
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER || 'casetrail-dev',
    jwtAudience: env.JWT_AUDIENCE || 'casetrail-api',
    oidc,
    oidcSignIn,
    seedDemo: env.SEED_DEMO === 'basic' || bool('SEED_DEMO', env.SEED_DEMO, authMode === 'dev', problems),
    demoSet: env.SEED_DEMO === 'basic' ? 'basic' : 'year',
    rulesFile,
    calendarOverridesFile: overrides,
    benchmarkFile,
    schedulerIntervalSeconds,
    deadlineWarningWorkingDays,
    ...store,
    trustedProxy: trustedProxy(env.TRUSTED_PROXY, problems),
    documentFontPath: env.DOCUMENT_FONT_PATH ? path.resolve(env.DOCUMENT_FONT_PATH) : null,
    evidenceDir: env.EVIDENCE_DIR ? path.resolve(env.EVIDENCE_DIR) : path.join(dataDir, 'evidence'),
    evidenceFileMaxBytes,
    cacheBytes: cacheBytes(env, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
