import { ClientConfig, Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import { PostgresUnavailableError, describeConnectionString, isUnavailable } from './postgres.errors';

/**
 * The store's pool and how its errors are told: a database that cannot be reached becomes PostgresUnavailableError
 * (naming the target, never the password), and errors of background work go to `onBackgroundError`.
 */
export class PgDatabase {
  /** Where the store connects, without the password: for messages and logs. */
  readonly target: string;
  readonly pool: Pool;

  constructor(
    private readonly connectionString: string,
    poolSize: number,
    private readonly connectTimeoutMs: number,
    private readonly onBackgroundError?: (error: unknown) => void,
  ) {
    this.target = describeConnectionString(connectionString);
    this.pool = new Pool({ ...this.clientConfig(), max: Math.max(1, poolSize), idleTimeoutMillis: 30_000 });
    // An idle pooled connection that dies (server restart) emits here; unhandled, it would crash the process.
    this.pool.on('error', (error) => this.report(error));
  }

  /** For a connection of its own (the LISTEN connection). */
  clientConfig(): ClientConfig {
    return {
      connectionString: this.connectionString,
      // node-postgres waits forever by default; an unreachable server must fail start-up, not hang it.
      connectionTimeoutMillis: this.connectTimeoutMs,
      application_name: 'casetrail',
    };
  }

  async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  async query<R extends QueryResultRow>(config: QueryConfig | string): Promise<R[]> {
    try {
      return (await this.pool.query<R>(config)).rows;
    } catch (error) {
      throw this.wrap(error);
    }
  }

  wrap(error: unknown): unknown {
    return isUnavailable(error) && !(error instanceof PostgresUnavailableError) ? new PostgresUnavailableError(this.target, error) : error;
  }

  report(error: unknown): void {
    this.onBackgroundError?.(this.wrap(error));
  }

  async end(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
