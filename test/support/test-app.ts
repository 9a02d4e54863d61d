import { EVENT_STORE, EventStore } from '@app/event-store';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';
import { fastifyTrustProxy, loadAppConfig } from '../../apps/api/src/config/app-config';
import { configureApp } from '../../apps/api/src/configure-app';
import { CLOCK, Clock } from '../../apps/api/src/core/clock';
import { PgReadModelsOptions } from '../../apps/api/src/read-models/pg-read-models';
import { PG_READ_MODELS_OPTIONS } from '../../apps/api/src/read-models/read-models.provider';
import { HttpClient } from './http-client';

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  dataDir: string;
  close(): Promise<void>;
}

/** The real application (same module, pipes and filters as main.ts) on a real port and a fresh SQLite file. */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    dataDir?: string;
    pgReadModels?: PgReadModelsOptions;
    eventStore?: EventStore;
  } = {},
): Promise<TestApp> {
  // A given data directory is reused (a restart) and kept; a fresh one is removed on close.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'casetrail-e2e-'));
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'basic',
    SCHEDULER_INTERVAL_SECONDS: '0',
    ...options.env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (options.clock) builder = builder.overrideProvider(CLOCK).useValue(options.clock);
  if (options.pgReadModels) builder = builder.overrideProvider(PG_READ_MODELS_OPTIONS).useValue(options.pgReadModels);
  // A store built by the test (e.g. the EventStoreDB adapter over its in-process model of the server).
  if (options.eventStore) builder = builder.overrideProvider(EVENT_STORE).useValue(options.eventStore);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter({ trustProxy: fastifyTrustProxy(config.trustedProxy) }),
    {
      logger: ['error'],
    },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const http = new HttpClient(await app.getUrl());
  return {
    app,
    http,
    dataDir,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
