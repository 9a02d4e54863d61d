import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_BUSY_TIMEOUT_MS, SQLITE_PROJECTION_HOST, SqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, eventPayloadsProjection } from '@app/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProblemException, problem } from '../problem/problem';
import { PgReadModels, PgReadModelsOptions } from './pg-read-models';
import { READ_MODELS, ReadModels } from './read-models';
import { SqliteReadModels } from './sqlite-read-models';

/**
 * Where the read models live, when not in the embedded store's file: provide this token with a pool (to share, e.g.
 * the PostgreSQL event store's) or a connection string, and the API reads PostgreSQL read models (and the projection
 * service runs them under a lease). Null (AppModule's default), the SQLite store's own file serves them.
 */
export const PG_READ_MODELS_OPTIONS = Symbol('PG_READ_MODELS_OPTIONS');

/**
 * EVENT_STORE=postgres: the read models and their checkpoints live in the same database and schema as the events, so
 * every instance of a deployment shares them (docs/deployment.md §2). EVENT_STORE=eventstoredb with DATABASE_URL: they live there,
 * fed through the store port, keeping the case events' payloads for the audit trail themselves. Otherwise none here
 * (the SQLite file serves them).
 */
export const pgReadModelsOptionsProvider: Provider = {
  provide: PG_READ_MODELS_OPTIONS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): PgReadModelsOptions | null =>
    config.postgres
      ? {
          connectionString: config.postgres.url,
          schema: config.postgres.schema,
          poolSize: config.postgres.poolSize,
          eventPayloads: config.eventStore !== 'postgres',
        }
      : null,
};

const notAvailable = () => new ProblemException(problem(501, 'not-implemented', '该事件存储不支持 (not available for this event store)'));

/** A store without read models (in-memory): every read answers 501, the projections' lag is empty. */
export class UnavailableReadModels implements ReadModels {
  readonly kind = 'none';
  assertAvailable(): void {
    throw notAvailable();
  }
  private async fail(): Promise<never> {
    throw notAvailable();
  }
  searchCases = () => this.fail();
  auditTrail = () => this.fail();
  interferenceRegister = () => this.fail();
  interferenceCounts = () => this.fail();
  publicDecisions = () => this.fail();
  assessment = () => this.fail();
  assessmentFigures = () => this.fail();
  assessmentCases = () => this.fail();
  assessmentExtras = () => this.fail();
  consistencyDecisions = () => this.fail();
  consistencyFineCounts = () => this.fail();
  consistencyOutliers = () => this.fail();
  openDeadlines = () => this.fail();
  casesAwaiting = () => this.fail();
  dueDeadlines = () => this.fail();
  async checkpoints() {
    return [];
  }
  async close() {}
}

/** The projections a SQLite file of read models alone is built by (the events live in another store). */
export const PORT_FED_SQLITE_PROJECTIONS = [...ALL_PROJECTIONS, eventPayloadsProjection];

/**
 * EventStoreDB without DATABASE_URL: the read models in a SQLite file of their own under DATA_DIR (`read-models.db`),
 * built by this instance through the store port; rebuildable, so written with synchronous=NORMAL.
 */
function portFedSqliteReadModels(dataDir: string): SqliteReadModels {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'read-models.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
  for (const p of PORT_FED_SQLITE_PROJECTIONS) p.sqlite.setup(db);
  return new SqliteReadModels(db, 'event_payloads');
}

/**
 * PostgreSQL read models when configured; else those in the SQLite store's own file (its projection host); else, for
 * EventStoreDB, a SQLite file of their own fed through the port; else none.
 */
export const readModelsProvider: Provider = {
  provide: READ_MODELS,
  inject: [SQLITE_PROJECTION_HOST, APP_CONFIG, { token: PG_READ_MODELS_OPTIONS, optional: true }],
  useFactory: async (host: SqliteProjectionHost | null, config: AppConfig, pg?: PgReadModelsOptions | null): Promise<ReadModels> => {
    if (pg) return PgReadModels.open(pg);
    if (host) return new SqliteReadModels(host.db);
    if (config.eventStore === 'eventstoredb') return portFedSqliteReadModels(config.dataDir);
    return new UnavailableReadModels();
  },
};

@Injectable()
export class ReadModelsCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}
