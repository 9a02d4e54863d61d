import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, StoredEvent, WrongExpectedRevisionError } from '@app/event-store';
import {
  DIRECTORY_STREAM,
  Directory,
  DirectoryFollower,
  RegistryDecision,
  demoDirectoryEvents,
  directoryEventAgencies,
} from '@app/directory';
import { Actor, deterministicUuid } from '@app/case-engine';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProblemException, problem } from '../problem/problem';

/** The envelope of a registry event (as case events carry theirs: who, when, which request). */
export interface DirectoryEventMetadata {
  [key: string]: unknown;
  actor: Actor | { id: 'system'; name: string; roles: []; agencyId: string };
  command?: string;
  occurredAt?: string;
  recordedAt: string;
  requestId?: string;
  correlationId?: string;
  causationId?: string;
  clientIp?: string;
  userAgent?: string;
  /** The agencies the change concerns (a moved user: both), so the history can be scoped to an administrator's line. */
  agencyIds?: string[];
}

export type DirectoryChange = Extract<RegistryDecision, { ok: false }> | { ok: true; events: StoredEvent[]; revision: number };

/**
 * The organisation registry: folded from the `directory` stream at start-up (seeded with the demo organisation) and
 * kept up with it by subscription, so changes written through another instance on the same store are followed
 * within moments; and the writer of that stream. A change is decided on the registry in memory, appended with the
 * stream's revision as the expected one (optimistic concurrency) and applied at once, so the next request already
 * sees it.
 */
@Injectable()
export class DirectoryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Directory');
  readonly directory = new Directory();
  private readonly follower: DirectoryFollower;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.follower = new DirectoryFollower(store, this.directory, (e) =>
      this.logger.warn(`registry follow: ${(e as Error)?.message ?? String(e)}`),
    );
  }

  async onModuleInit(): Promise<void> {
    const stored = await this.store.readStream(DIRECTORY_STREAM);
    if (!stored.length && this.config.seedDemo) {
      const metadata: DirectoryEventMetadata = {
        actor: { id: 'system', name: '系统 (demo seed)', roles: [], agencyId: '' },
        command: 'seed-demo',
        recordedAt: new Date().toISOString(),
      };
      const seed = demoDirectoryEvents().map((e, i) => ({
        id: deterministicUuid(`demo-directory:${i}`),
        type: e.type,
        data: e.data,
        metadata,
      }));
      await this.store.append(DIRECTORY_STREAM, seed, 'no_stream');
    }
    this.follower.apply(stored);
    await this.follower.start();
  }

  onModuleDestroy(): void {
    this.follower.stop();
  }

  /**
   * Decides a change on the current registry and appends its events. This process's changes run one at a time (each
   * decides on the registry its predecessor left); when the stream moved on all the same (another process appended
   * first) it catches up, decides again on the new state and retries once; a second conflict is a 409. A decision
   * without events writes nothing.
   */
  change(
    decide: (directory: Directory) => RegistryDecision,
    metadata: Omit<DirectoryEventMetadata, 'agencyIds'>,
  ): Promise<DirectoryChange> {
    const run = this.writes.then(() => this.changeNow(decide, metadata));
    this.writes = run.catch(() => undefined);
    return run;
  }

  private writes: Promise<unknown> = Promise.resolve();

  private async changeNow(
    decide: (directory: Directory) => RegistryDecision,
    metadata: Omit<DirectoryEventMetadata, 'agencyIds'>,
  ): Promise<DirectoryChange> {
    for (let attempt = 0; ; attempt++) {
      const decision = decide(this.directory);
      if (!decision.ok) return decision;
      if (!decision.events.length) return { ok: true, events: [], revision: this.directory.revision };
      const agencyIds = [...new Set(decision.events.flatMap((e) => directoryEventAgencies(this.directory, e)))];
      const expected = this.directory.revision < 0 ? 'no_stream' : this.directory.revision;
      try {
        const result = await this.store.append(
          DIRECTORY_STREAM,
          decision.events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { ...metadata, agencyIds } })),
          expected,
        );
        this.follower.apply(result.events);
        return { ok: true, events: result.events, revision: result.nextExpectedRevision };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        await this.follower.catchUp();
        if (attempt >= 1)
          throw new ProblemException(
            problem(409, 'registry-conflict', '机构与人员登记已被他人同时修改 (the registry changed concurrently)', {
              detail: `${e.message}; 请重试 (please retry)`,
            }),
          );
      }
    }
  }

  /** The registry's history as stored (for the administrators' event history). */
  history(): Promise<StoredEvent[]> {
    return this.store.readStream(DIRECTORY_STREAM);
  }
}
