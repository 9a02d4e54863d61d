import { Page } from 'playwright-core';
import { HEAD, OFFICER_1, OFFICER_2, REVIEWER } from '../support/fixtures';
import { decidedCase } from '../support/cases';
import {
  ConsoleHarness,
  fillOpenCase,
  screenshot,
  seriousAxeViolations,
  signIn,
  signOut,
  startConsoleHarness,
  submitOpenCase,
} from './console-browser';

/** A date N days before today in Asia/Shanghai, as YYYY-MM-DD. */
function daysAgo(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
}

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

describe('web console in Chromium, against the built service', () => {
  let h: ConsoleHarness;
  const audited: string[] = [];

  /** A screenshot, and axe-core on the page as it stands: no serious or critical violation. */
  async function audit(page: Page, name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
    audited.push(name);
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
  }, 120_000);
  afterAll(async () => h?.close());

  it('serves the console at / with a Content-Security-Policy admitting only its own assets', async () => {
    const res = await fetch(`${h.baseUrl}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/style-src-elem 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    // The API keeps its own answers, without the console's headers.
    const api = await fetch(`${h.baseUrl}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('an officer opens a case with the console form; the head, signed in as themselves, approves the filing', async () => {
    const party = `郴州市北湖区控制台测试烟花爆竹经营部${Date.now() % 100000}`;
    const officer = await h.newPage();
    await signIn(officer, OFFICER_1);
    await audit(officer, 'desk-officer');
    await officer.getByRole('link', { name: '案件查询' }).click();
    await officer.getByRole('button', { name: '立案登记' }).click();
    await fillOpenCase(officer, { party, creditCode: '91431002MA4L000079', discoveredAt: daysAgo(2), officers: [OFFICER_1, OFFICER_2] });
    await audit(officer, 'open-case-form');
    await submitOpenCase(officer);
    await expect(officer.getByTestId('case-stage').textContent()).resolves.toBe('立案审批');
    await expect(officer.getByTestId('case-no').textContent()).resolves.toBe('待立案');
    const caseUrl = new URL(officer.url()).pathname;
    // The officer may not approve: the button is not offered.
    await expect(officer.locator('[data-command="approve-filing"]').count()).resolves.toBe(0);
    await signOut(officer);

    const head = await h.newPage();
    await signIn(head, HEAD);
    // 待办: the new case waits for the head's approval.
    const todo = head.getByLabel('待办', { exact: true }).getByRole('listitem').filter({ hasText: party });
    await todo.getByText('立案批准').waitFor();
    await audit(head, 'desk-head');
    await todo.getByRole('link').click();
    expect(new URL(head.url()).pathname).toBe(caseUrl);
    await head.locator('[data-command="approve-filing"]').click();
    await head.locator('#approve-filing_opinion').fill('同意立案');
    await audit(head, 'command-form-approve-filing');
    await head.getByRole('button', { name: '提交' }).click();
    await head.getByTestId('case-stage').filter({ hasText: '调查取证' }).waitFor();
    await head.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(head.getByTestId('case-no').textContent()).resolves.toMatch(/〔\d{4}〕\d+号$/);
    // Deadlines from the filing, each with its legal basis.
    await expect(head.getByRole('cell', { name: /行政处罚法/ }).count()).resolves.toBeGreaterThan(0);
    await audit(head, 'case-detail');

    // The API holds what the forms sent: the head is the approver, the officers the handling officers.
    const caseId = caseUrl.split('/').pop()!;
    const view = (await h.http.as(HEAD, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect(view).toMatchObject({
      stage: 'investigation',
      filingApproverId: HEAD,
      handlingOfficerIds: [OFFICER_1, OFFICER_2],
      party: { name: party },
    });
  });

  it('an illegal step shows every unmet condition with its rule and article, and writes nothing', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    const before = await h.http.headPosition();
    await page.goto('/cases');
    await page.getByRole('button', { name: '立案登记' }).click();
    // Discovered in the future, a violation past the limitation period, and an officer of another county.
    await fillOpenCase(page, {
      party: '违法条件测试企业',
      creditCode: '91431002MA4L000079',
      discoveredAt: '2099-01-01',
      committedOn: '2020-01-01',
      officers: [OFFICER_1, 'u-431003-officer-1'],
    });
    await page.getByRole('button', { name: '提交立案申请' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '不符合法定条件' });
    await alert.waitFor();
    const items = alert.getByRole('listitem');
    await expect(items.count()).resolves.toBe(3);
    const rules = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(['discoveredNotInFuture', 'twoCertifiedOfficers', 'withinLimitationPeriod']);
    const text = await alert.textContent();
    expect(text).toContain('依据：行政处罚法 Art. 42, 55; 安全生产法 Art. 67');
    expect(text).toContain('依据：行政处罚法 Art. 36');
    await audit(page, 'open-case-422');
    expect(await h.http.headPosition()).toBe(before);
  });

  it('shows published decisions without sign-in, masked as the API publishes them', async () => {
    // A decision published through the API (the officers' steps are not what this test is about).
    const party = { kind: 'individual', name: '张三丰', idNumber: '11010519491231002X' };
    const id = await decidedCase(h.http, party, {
      penalties: [{ kind: 'fine', amountYuan: 5000 }],
      legalBasis: ['安全生产法 Art. 99'],
      publish: true,
    });
    const decisionNo = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${id}`)).body.decision.decisionNo as string;

    const page = await h.newPage();
    // The publication list is a read model: reload until the projection has caught up.
    await page.goto('/public');
    for (let i = 0; i < 50 && !(await page.getByRole('cell', { name: decisionNo }).count()); i++) {
      await page.waitForTimeout(200);
      await page.reload();
    }
    const row = page.getByRole('row').filter({ hasText: decisionNo });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('张**');
    // The violations as published: their descriptions.
    await expect(row.textContent()).resolves.toContain('烟花爆竹超量储存');
    await expect(page.content()).resolves.not.toContain('11010519491231002X');
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(0);
    await audit(page, 'public-decisions');
  });

  it('the case list filters by stage, keeps its filters in the URL and sorts', async () => {
    const page = await h.newPage();
    await signIn(page, HEAD);
    await page.goto('/cases?stage=investigation&sort=updatedAt&order=desc');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    const stages = await page.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages)).toEqual(new Set(['调查取证']));
    await page.getByRole('columnheader', { name: /案件编号/ }).click();
    await page.waitForURL(/sort=caseNo/);
    expect(new URL(page.url()).searchParams.get('stage')).toBe('investigation');
    await audit(page, 'case-list');
    const signInPage = await h.newPage();
    await signInPage.goto('/login');
    await signInPage.getByRole('button', { name: /（u-431002-head）/ }).waitFor();
    await audit(signInPage, 'sign-in');
  });

  it('every page was checked with axe-core, and the browser reported no Content-Security-Policy violation', () => {
    expect(audited.sort()).toEqual([
      'case-detail',
      'case-list',
      'command-form-approve-filing',
      'desk-head',
      'desk-officer',
      'open-case-422',
      'open-case-form',
      'public-decisions',
      'sign-in',
    ]);
    expect(h.cspViolations).toEqual([]);
  });
});
