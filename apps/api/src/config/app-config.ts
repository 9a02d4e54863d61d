import { existsSync } from 'node:fs';
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
  authMode: 'dev' | 'jwt';
  /** HS256 secret for dev tokens (AUTH_MODE=dev) or for verifying tokens (AUTH_MODE=jwt). */
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  seedDemo: boolean;
  rulesFile: string;
  calendarOverridesFile: string | null;
  /** 裁量基准 table (the shipped one is sample data). */
  benchmarkFile: string;
  /** How often the deadline scheduler looks for passed deadlines; 0 turns the timer off. */
  schedulerIntervalSeconds: number;
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

/** Reads and validates the environment at start-up; every problem is reported at once (fail fast). */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV="${env.NODE_ENV}": must be development, production or test`);

  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT="${env.PORT}": must be an integer 0–65535`);

  const authMode = (env.AUTH_MODE || (nodeEnv === 'production' ? 'jwt' : 'dev')) as AppConfig['authMode'];
  if (!['dev', 'jwt'].includes(authMode)) problems.push(`AUTH_MODE="${env.AUTH_MODE}": must be dev or jwt`);
  if (authMode === 'dev' && nodeEnv === 'production')
    problems.push('AUTH_MODE=dev is refused when NODE_ENV=production: dev identity issues tokens to anyone (set AUTH_MODE=jwt)');

  const jwtSecret = env.JWT_SECRET || (authMode === 'dev' ? DEV_JWT_SECRET : '');
  if (authMode === 'jwt') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET is required when AUTH_MODE=jwt');
    else if (env.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET must not be the built-in development secret');
    else if (env.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  }

  const dataDir = path.resolve(env.DATA_DIR || './data');
  const schedulerIntervalSeconds = Number(env.SCHEDULER_INTERVAL_SECONDS ?? '60');
  if (!Number.isInteger(schedulerIntervalSeconds) || schedulerIntervalSeconds < 0)
    problems.push(`SCHEDULER_INTERVAL_SECONDS="${env.SCHEDULER_INTERVAL_SECONDS}": must be a whole number of seconds ≥ 0`);
  const root = projectRoot();
  const rulesFile = env.RULES_FILE ? path.resolve(env.RULES_FILE) : path.join(root, 'workflows/enforcement-case/rules/versions.json');
  const benchmarkFile = env.DISCRETION_BENCHMARK_FILE ? path.resolve(env.DISCRETION_BENCHMARK_FILE) : path.join(root, 'workflows/enforcement-case/rules/discretion-benchmark.sample.json');
  const overrides = env.CALENDAR_OVERRIDES_FILE ? path.resolve(env.CALENDAR_OVERRIDES_FILE) : path.join(root, 'libs/calendar/calendar-overrides.json');

  const config: AppConfig = {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    dataDir,
    authMode,
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER || 'casetrail-dev',
    jwtAudience: env.JWT_AUDIENCE || 'casetrail-api',
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, authMode === 'dev', problems),
    rulesFile,
    calendarOverridesFile: overrides,
    benchmarkFile,
    schedulerIntervalSeconds,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
