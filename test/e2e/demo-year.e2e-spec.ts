import { EVENT_STORE, EventStore } from '@app/event-store';
import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';

const NOW = new Date('2026-11-27T15:00:00+08:00');

describe('the demo year (SEED_DEMO=true)', () => {
  let t: TestApp;
  let seed: { set: string; caseIds: string[]; failed: string[] };

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true' }, clock: () => new Date(NOW) });
    const store = t.app.get<EventStore>(EVENT_STORE);
    seed = (await store.readStream('demo-seed'))[0].data as typeof seed;
    await projectionsCaughtUp(t.http);
  }, 180_000);
  afterAll(async () => t?.close());

  it('seeds at least 60 cases, every one through to its last step', () => {
    expect(seed.failed).toEqual([]);
    expect(seed.caseIds.length).toBeGreaterThanOrEqual(60);
  });
});
