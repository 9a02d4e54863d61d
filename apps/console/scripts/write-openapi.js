/**
 * Writes the service's OpenAPI document to a file without listening on a port: the built app (dist/) is created with
 * a throw-away data directory, configured exactly as main.ts configures it, and its document route is injected.
 * The console's API types are generated from this file, so an API change that breaks the console breaks the build.
 */
require('reflect-metadata');
const { mkdtempSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const dist = (p) => require(path.join(root, 'dist/apps/api/src', p));

async function main() {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist/console-build/openapi.json'));
  const { NestFactory } = require('@nestjs/core');
  const { FastifyAdapter } = require('@nestjs/platform-fastify');
  const { AppModule } = dist('app.module');
  const { loadAppConfig } = dist('config/app-config');
  const { configureApp } = dist('configure-app');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-openapi-'));
  try {
    const config = loadAppConfig({
      NODE_ENV: 'test',
      AUTH_MODE: 'dev',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      SCHEDULER_INTERVAL_SECONDS: '0',
    });
    const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), { logger: ['error'], abortOnError: false });
    configureApp(app);
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/docs/openapi.json answered ${res.statusCode}`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(JSON.parse(res.body), null, 2) + '\n');
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`OpenAPI document written to ${path.relative(root, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
