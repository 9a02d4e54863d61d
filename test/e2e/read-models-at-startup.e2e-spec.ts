import { TestApp, startTestApp } from '../support/test-app';
import { OFFICER_1 } from '../support/fixtures';

/**
 * The read models' tables exist from the first request on, while their thread may still be catching up: a search,
 * a report and the register answer (possibly lagging), never a 500 for a missing table.
 */
describe('read models right after start-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers search, reports and the register at once', async () => {
    const responses = await Promise.all([
      t.http.as(OFFICER_1, 'GET', '/api/v1/cases'),
      t.http.as(OFFICER_1, 'GET', '/api/v1/reports/assessment?year=2026'),
      t.http.as('u-431000-supervisor', 'GET', '/api/v1/interference'),
      t.http.as('u-431000-supervisor', 'GET', '/api/v1/audit'),
      t.http.request('GET', '/api/v1/public/decisions'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});
