import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The placeholder the console's index.html carries where each response puts its own style nonce. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** Where `npm run build` writes the console: dist/console under the project root (found from here, built or not). */
export function consoleDir(): string | null {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const built = path.join(dir, 'dist/console');
  return existsSync(path.join(built, 'index.html')) ? built : null;
}

/**
 * Origins besides the service's own that the console's scripts may call: with OIDC sign-in, the provider's (its
 * discovery document and token endpoint, fetched by the browser); otherwise none.
 */
export function consoleConnectSources(config: Pick<AppConfig, 'oidc' | 'oidcSignIn'>): string[] {
  return config.oidc && config.oidcSignIn ? [new URL(config.oidc.issuer).origin] : [];
}

/**
 * Security headers of the console's routes. Scripts, styles, fonts, images and requests only from the service itself
 * (requests also to `connectSources`, the identity provider): no CDN, no third-party origin. Ant Design writes its
 * styles into <style> elements at run time, so those carry a per-response nonce; inline style attributes (positions
 * of popups) are allowed, inline scripts never.
 */
export function consoleSecurityHeaders(nonce: string, connectSources: readonly string[] = []): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      `style-src 'self' 'nonce-${nonce}'`,
      // report-sample: a refused element's first characters appear in the violation report, so it can be traced.
      `style-src-elem 'self' 'nonce-${nonce}' 'report-sample'`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      ["connect-src 'self'", ...connectSources].join(' '),
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** Paths under /api are the API's, unknown ones included (they answer its own 404). */
const isApi = (req: FastifyRequest) => req.url === '/api' || req.url.startsWith('/api/') || req.url.startsWith('/api?');

/**
 * Serves the built console at `/`: its hashed assets under /assets/, and index.html for every other path outside
 * /api (the console routes in the browser). Paths under /api keep the API's own 404. Without a built console
 * (tests that do not build it) nothing is registered and `/` stays a 404.
 */
export function serveConsole(app: NestFastifyApplication, dir: string | null = consoleDir()): void {
  if (!dir) {
    new Logger('Console').warn('控制台未构建 console not built (npm run build): / is not served');
    return;
  }
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const connectSources = consoleConnectSources(app.get<typeof APP_CONFIG, AppConfig>(APP_CONFIG, { strict: false }));
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(async (scope) => {
    scope.addHook('onSend', async (req, reply) => {
      if (isApi(req)) return;
      const nonce = (reply as FastifyReply & { cspNonce?: string }).cspNonce ?? randomBytes(16).toString('base64');
      void reply.headers(consoleSecurityHeaders(nonce, connectSources));
    });
    await scope.register(fastifyStatic, {
      root: path.join(dir, 'assets'),
      prefix: '/assets/',
      index: false,
      // File names carry their content hash: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
    });
    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      if (isApi(req)) return reply.callNotFound();
      const nonce = randomBytes(16).toString('base64');
      (reply as FastifyReply & { cspNonce?: string }).cspNonce = nonce;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index.replaceAll(NONCE_PLACEHOLDER, nonce));
    };
    scope.get('/', page);
    scope.get('/*', page);
  });
}
