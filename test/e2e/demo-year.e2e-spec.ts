import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { caseStreamId } from '@app/case-engine';
import { STAGES } from '@workflows/enforcement-case';
import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';

/** The service's clock at first start: the demo year is dated back from it. */
const NOW = new Date('2026-11-27T15:00:00+08:00');
const TODAY = '2026-11-27';
const SUPERVISOR = 'u-431000-supervisor';
const CITY_REVIEWER = 'u-431000-reviewer';
const CITY = '?agencyId=ag-431000&includeSubordinates=true';

interface Seeded {
  set: string;
  caseIds: string[];
  failed: string[];
}

/**
 * The demo year (SEED_DEMO=true, the default in dev mode): seeded at first start through the engine, every case to its
 * last step, with every stage, missed and soon-due deadlines, 督办, interference records and published decisions — and
 * never twice. SEED_DEMO=false seeds nothing.
 */
describe('the demo year', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-demo-year-'));
  let t: TestApp;
  let seed: Seeded;
  let store: EventStore;
  const clock = () => new Date(NOW);
  const cases = (query: string) => t.http.as(SUPERVISOR, 'GET', `/api/v1/cases${CITY}&pageSize=200${query}`);

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true' }, clock, dataDir });
    store = t.app.get<EventStore>(EVENT_STORE);
    seed = (await store.readStream('demo-seed'))[0].data as Seeded;
    await projectionsCaughtUp(t.http);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds at least 60 cases across the city’s bureaus, each driven to its last step', async () => {
    expect(seed.set).toBe('year');
    expect(seed.failed).toEqual([]);
    expect(seed.caseIds.length).toBeGreaterThanOrEqual(60);
    const all = await cases('');
    expect(all.body.total).toBe(seed.caseIds.length);
    expect(new Set(all.body.items.map((c: { agencyId: string }) => c.agencyId)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(all.body.items.map((c: { industry: string }) => c.industry)).size).toBeGreaterThanOrEqual(9);
  });

  it('has cases at every stage of the procedure, with the counts printed', async () => {
    const counts: Record<string, number> = {};
    for (const stage of Object.keys(STAGES)) counts[stage] = (await cases(`&stage=${stage}`)).body.total;
    console.log(`demo year by stage: ${JSON.stringify(counts)}`);
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
    expect((await cases('&flag=interference_recorded')).body.total).toBeGreaterThanOrEqual(3);
    expect((await cases('&flag=criminal_indicators')).body.total).toBeGreaterThanOrEqual(2);
  });

  it('records missed deadlines through the scheduler, and leaves some open deadlines due within days', async () => {
    const missed: Record<string, number> = {};
    const soon: string[] = [];
    let openSupervisions = 0;
    let replied = 0;
    for (const id of seed.caseIds) {
      for (const e of await store.readStream(caseStreamId(id))) {
        if (e.type === 'DeadlineMissed') {
          const kind = (e.data as { kind: string }).kind;
          missed[kind] = (missed[kind] ?? 0) + 1;
          expect((e.metadata as { actor: { id: string } }).actor.id).toBe('system');
        }
        if (e.type === 'SupervisionReplied') replied++;
      }
      const view = (await t.http.as(SUPERVISOR, 'GET', `/api/v1/cases/${id}`)).body;
      openSupervisions += view.openSupervisions.length;
      for (const d of view.deadlines as { kind: string; status: string; dueDate: string }[])
        if (d.status === 'open' && d.dueDate >= TODAY && d.dueDate <= '2026-12-04')
          soon.push(`${view.caseNo ?? id} ${d.kind} ${d.dueDate}`);
    }
    console.log(`demo year missed deadlines: ${JSON.stringify(missed)}; due by 2026-12-04: ${soon.length}`);
    expect(Object.keys(missed)).toEqual(expect.arrayContaining(['payment', 'handling_period', 'supervision_reply']));
    expect(soon.length).toBeGreaterThanOrEqual(3);
    expect((await cases('&overdue=payment')).body.total).toBeGreaterThanOrEqual(2);
    expect(openSupervisions).toBeGreaterThanOrEqual(2);
    expect(replied).toBeGreaterThanOrEqual(1);
  });

  it('shows interference records in the register, and published decisions on the public page', async () => {
    const register = await t.http.as(CITY_REVIEWER, 'GET', '/api/v1/interference?agencyId=ag-431000');
    expect(register.status).toBe(200);
    expect(register.body.items.length).toBeGreaterThanOrEqual(4);
    const published = await t.http.request('GET', '/api/v1/public/decisions?pageSize=100');
    expect(published.status).toBe(200);
    expect(published.body.total ?? published.body.items.length).toBeGreaterThanOrEqual(20);
  });

  it('passes integrity verification over the seeded store', async () => {
    const verified = await t.http.as(CITY_REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, headPosition: await t.http.headPosition() });
  });

  it('does not seed again on the next start', async () => {
    const head = await t.http.headPosition();
    await t.close();
    t = await startTestApp({ env: { SEED_DEMO: 'true' }, clock, dataDir });
    store = t.app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream('demo-seed')).toHaveLength(1);
    expect(await t.http.headPosition()).toBe(head);
  });
});

describe('SEED_DEMO=false', () => {
  it('seeds nothing: no organisation, no cases', async () => {
    const t = await startTestApp({ env: { SEED_DEMO: 'false' } });
    try {
      const store = t.app.get<EventStore>(EVENT_STORE);
      expect(await store.readStream('demo-seed')).toEqual([]);
      expect(await store.readStream('directory')).toEqual([]);
      expect(await store.headPosition()).toBe(0n);
    } finally {
      await t.close();
    }
  });
});
