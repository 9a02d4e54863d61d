import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { Actor } from '@app/case-engine';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/event-store';
import { AccessPolicy } from '../auth/access-policy';
import { Action } from '../auth/access-rules';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';

/**
 * Where a report reads and for which agencies: the asked agency (default the reader's own), with the agencies below
 * it when asked; each must be readable by the actor (403 otherwise). Read models live in the embedded store's file.
 */
@Injectable()
export class ReportScope {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: DirectoryService,
    private readonly policy: AccessPolicy,
  ) {}

  resolve(actor: Actor, agencyId: string | undefined, includeSubordinates: boolean | undefined): { db: Database; root: string; agencies: string[] } {
    if (!(this.store instanceof SqliteEventStore)) throw new ProblemException(problem(501, 'not-implemented', '该事件存储不支持 (not available for this event store)'));
    return { db: this.store.db, ...this.agencies(actor, agencyId, includeSubordinates) };
  }

  /** The agencies in scope, each allowed to the actor for the action (403 otherwise); also for reports built from the registry alone. */
  agencies(actor: Actor, agencyId: string | undefined, includeSubordinates: boolean | undefined, action: Action = 'reports.read'): { root: string; agencies: string[] } {
    const dir = this.directory.directory;
    const root = agencyId ?? actor.agencyId;
    // The root first: an unknown one has no subordinates to list, and must not pass as an empty scope.
    this.policy.assert(actor, action, { agencyId: root });
    const agencies = includeSubordinates ? dir.listAgencies().filter((a) => dir.isWithin(a.id, root)).map((a) => a.id) : [root];
    for (const a of agencies) this.policy.assert(actor, action, { agencyId: a });
    return { root, agencies };
  }
}
