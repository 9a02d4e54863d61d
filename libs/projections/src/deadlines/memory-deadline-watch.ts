import Database from 'better-sqlite3';
import { Subscription } from 'rxjs';
import type { DeadlineWatchList, DueDeadline, DueDeadlinesQuery } from '@app/case-engine';
import { EventStore } from '@app/event-store';
import { SqliteProjectionRunner } from '../sqlite-projection-runner';
import { deadlineWatchProjection, sqliteDueDeadlines } from './deadline-watch.projection';

/**
 * The watch list of a store without read models (the in-memory store, whose whole history lives in memory and is
 * gone at a restart): the deadline-watch read model in an in-memory SQLite file, fed by a subscription from the
 * start — the same tables and the same due query as the persisted read models.
 */
export class MemoryDeadlineWatch implements DeadlineWatchList {
  private readonly db = new Database(':memory:');
  private readonly runner = new SqliteProjectionRunner({ db: this.db }, [deadlineWatchProjection]);
  private subscription: Subscription | null = null;

  constructor(private readonly store: Pick<EventStore, 'subscribe'>) {}

  start(): void {
    this.subscription ??= this.store.subscribe(this.runner.position()).subscribe((e) => this.runner.apply([e], this.runner.position()));
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.db.close();
  }

  async position(): Promise<bigint> {
    return this.runner.position();
  }

  async due(q: DueDeadlinesQuery): Promise<DueDeadline[]> {
    return sqliteDueDeadlines(this.db, q);
  }
}
