import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { tap } from 'rxjs';
import { EventStore, EventStoreDbEventStore } from '@app/event-store';
import { FakeEsdbClient } from '@app/event-store/testing';
import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { HEAD, OFFICER_1, REVIEWER, at, openCaseBody } from '../support/fixtures';
import { projectionsCaughtUp } from '../support/projections';

/** What the service read through the store port by position (readAll, subscribe): where each read began, and how many events. */
interface PortReads {
  from: bigint[];
  events: number;
}

/** The store, counting the events it hands out by position; a case's own stream (readStream) is not history. */
function counting(store: EventStore): { store: EventStore; reads: PortReads } {
  const reads: PortReads = { from: [], events: 0 };
  const counted: Partial<EventStore> = {
    readAll: async (options) => {
      reads.from.push(options?.after ?? 0n);
      const events = await store.readAll(options);
      reads.events += events.length;
      return events;
    },
    subscribe: (after) => {
      reads.from.push(after ?? 0n);
      return store.subscribe(after).pipe(tap(() => reads.events++));
    },
  };
  const proxy = new Proxy(store, {
    get: (target, name: keyof EventStore) => {
      const own: unknown = Reflect.get(target, name, target);
      return counted[name] ?? (typeof own === 'function' ? (own as (...a: unknown[]) => unknown).bind(target) : own);
    },
  });
  return { store: proxy, reads };
}

/**
 * A restart reads only what was appended since the checkpoints, and the scheduler still records each expiry exactly
 * once. The EventStoreDB store with its read models in a SQLite file of the instance: every read of history goes
 * through the store port, where it is counted (the adapter talks to its in-process model of the server).
 */
describe('deadline scheduler after a restart: from its checkpoint, each expiry once', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-scheduler-restart-'));
  const client = new FakeEsdbClient();
  const logger = { warn: () => undefined, error: () => undefined };
  const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' };
  let now = new Date('2026-09-30T12:00:00+08:00');
  const clock = () => now;
  let t: TestApp;
  let first: string;
  let headBefore: bigint;

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tick = () => t.app.get(DeadlineSchedulerService).tick();
  const missed = async (id: string) =>
    (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.filter((e: { type: string }) => e.type === 'DeadlineMissed');
  const openAndFile = async (opened: string, filed: string) => {
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ occurredAt: at(opened) }))).body.case.caseId;
    await t.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at(filed) });
    return id as string;
  };

  it('records the first case’s miss before the restart', async () => {
    t = await startTestApp({ clock, dataDir, env, eventStore: new EventStoreDbEventStore({ client, logger }) });
    first = await openAndFile('2026-09-01', '2026-09-02'); // handling period due 2026-10-08
    now = new Date('2026-10-09T00:00:01+08:00');
    expect(await tick()).toBeGreaterThanOrEqual(1);
    expect(await missed(first)).toHaveLength(1);
    await projectionsCaughtUp(t.http, REVIEWER);
    headBefore = BigInt((await t.http.request('GET', '/api/v1/health')).body.headPosition);
    await t.close();
  });

  it('after the restart reads nothing before the head it stopped at, and records the new miss once and the old one never again', async () => {
    const history = (await new EventStoreDbEventStore({ client, logger }).readAll()).length;
    const { store, reads } = counting(new EventStoreDbEventStore({ client, logger }));
    now = new Date('2026-09-30T12:00:00+08:00');
    t = await startTestApp({ clock, dataDir, env, eventStore: store });
    const second = await openAndFile('2026-09-11', '2026-09-12'); // due 2026-10-12
    now = new Date('2026-10-13T09:00:00+08:00');
    await tick();
    expect(await tick()).toBe(0);
    expect(await missed(first)).toHaveLength(1);
    expect((await missed(second)).map((e: { data: { dueDate: string } }) => e.data.dueDate)).toEqual(['2026-10-12']);

    // Every read by position began at or after the head before the restart: no follower started from the beginning.
    expect(reads.from.length).toBeGreaterThan(0);
    expect(reads.from.every((from) => from >= headBefore)).toBe(true);
    const appended = (await new EventStoreDbEventStore({ client, logger }).readAll({ after: headBefore })).length;
    // Each follower (the read models, the registry) sees each new event once at most; the history is far larger.
    expect(reads.events).toBeLessThanOrEqual(2 * appended);
    expect(history).toBeGreaterThan(2 * appended);
  });
});
