import { OFFICER_1, OFFICER_2, REVIEWER } from '../support/fixtures';
import { describeWithPg } from '../support/pg-test-database';
import {
  ConsoleHarness,
  fillOpenCase,
  screenshot,
  seriousAxeViolations,
  signIn,
  startConsoleHarness,
  submitOpenCase,
} from './console-browser';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

/** The console on the service with EVENT_STORE=postgres (a database of the suite's own): the same pages, the same API. */
describeWithPg('web console in Chromium on EVENT_STORE=postgres', (db) => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness({ EVENT_STORE: 'postgres', DATABASE_URL: db().url, PG_POOL_SIZE: '4' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('an officer opens a case with the form and finds it in the case list and on its page', async () => {
    const health = await h.http.request('GET', '/api/v1/health');
    expect(health.body).toMatchObject({ store: 'postgres' });
    const party = `郴州市北湖区PostgreSQL测试烟花爆竹经营部${Date.now() % 100000}`;
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案件查询' }).click();
    await page.getByRole('button', { name: '立案登记' }).click();
    await fillOpenCase(page, { party, creditCode: '91431002MA4L000079', discoveredAt: '2026-09-01', officers: [OFFICER_1, OFFICER_2] });
    await submitOpenCase(page);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('case-stage').filter({ hasText: '立案审批' }).waitFor();
    await expect(page.getByText(party).count()).resolves.toBe(1);

    // The list is a read model (PostgreSQL's here): search for the party until the projection has the case.
    const search = `/cases?party=${encodeURIComponent(party)}`;
    await page.goto(search);
    const row = page.locator('tbody tr.ant-table-row').filter({ hasText: party });
    for (let i = 0; i < 50 && !(await row.count()); i++) {
      await page.waitForTimeout(200);
      await page.reload();
      await page.locator('tbody tr').first().waitFor();
    }
    await expect(row.textContent()).resolves.toContain('立案审批');
    await screenshot(page, 'case-list-postgres');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    await page.getByTestId('case-stage').filter({ hasText: '立案审批' }).waitFor();
    const view = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect(view).toMatchObject({ stage: 'filing', party: { name: party }, handlingOfficerIds: [OFFICER_1, OFFICER_2] });
    expect(h.cspViolations).toEqual([]);
  });
});
