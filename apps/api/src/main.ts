import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStoreUnavailableError, redactConnectionString } from '@app/event-store';
import { AppModule } from './app.module';
import { ConfigError, fastifyTrustProxy, loadAppConfig } from './config/app-config';
import { configureApp } from './configure-app';

/**
 * Configuration problems (environment, rules file, calendar overrides) stop the service with EX_CONFIG (78); an
 * event store database that cannot be reached, with EX_UNAVAILABLE (69). Both print one clear message, no stack.
 */
function exitOnConfigError(e: unknown): never {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(78);
  }
  if (e instanceof EventStoreUnavailableError) {
    console.error(e.message);
    process.exit(69);
  }
  throw e;
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (e) {
    exitOnConfigError(e);
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 4 * 1024 * 1024, trustProxy: fastifyTrustProxy(config.trustedProxy) }),
    {
      logger: ['error', 'warn', 'log'],
      abortOnError: false,
    },
  ).catch(exitOnConfigError);
  configureApp(app);
  // Start-up reads the store (the registry, the demo seed): a store that cannot be reached stops here too (69).
  await app.listen(config.port, config.host).catch(exitOnConfigError);
  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(`casetrail 已启动 listening: ${base}/api/v1  (health: ${base}/api/v1/health)`);
  console.log(`API 文档 OpenAPI docs: ${base}/api/docs`);
  console.log(`控制台 web console: ${base}/`);
  const identity =
    config.authMode === 'dev'
      ? ` (dev users: ${base}/api/v1/auth/dev-users)`
      : config.oidc
        ? ` (issuer ${config.oidc.issuer}, keys ${config.oidc.key.kind === 'jwks' ? config.oidc.key.url : config.oidc.key.origin}, identity from ${config.oidc.identitySource})`
        : '';
  const readModels = config.postgres
    ? `PostgreSQL ${redactConnectionString(config.postgres.url)} (schema ${config.postgres.schema})`
    : null;
  const store =
    config.eventStore === 'postgres'
      ? readModels!
      : config.eventStoreDbConnectionString
        ? `EventStoreDB ${redactConnectionString(config.eventStoreDbConnectionString)}, read models ${readModels ?? 'none (501)'}`
        : `SQLite ${config.dataDir}`;
  console.log(`事件存储 store: ${store} · 身份 auth: ${config.authMode}${identity}`);
}

void bootstrap();
