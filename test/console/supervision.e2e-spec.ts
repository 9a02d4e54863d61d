import { Page } from 'playwright-core';
import { HEAD, OFFICER_2, OFFICER_3, openCaseBody } from '../support/fixtures';
import { ConsoleHarness, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

const SUPERVISOR = 'u-431000-supervisor';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

/** A Shanghai calendar day `n` days before today, and a moment on it. */
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
const on = (day: string) => `${day}T10:00:00+08:00`;

/**
 * 预警 and 督办 in Chromium, against the built service with its deadline scheduler running: one case whose handling
 * period was missed a month ago and one whose handling period ends within days (both driven through the engine with
 * past dates); the officer's desk shows them red and amber with working days left; a supervisor of the city finds the
 * missed one on the 督办 page and issues a 督办 with the case's command form; the officer sees the notice on the
 * desk, replies, and the notice is gone.
 */
describe('督办 and 预警 in Chromium, against the built service', () => {
  let h: ConsoleHarness;
  const cases = {} as Record<'missed' | 'soon', { id: string; no: string }>;

  async function audit(page: Page, name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  /** Opens a case of OFFICER_3 and OFFICER_2 on a past day, filed the next day (its handling period runs 30 days from then). */
  async function openAndFile(openedDaysAgo: number, party: string) {
    const opened = await h.http.as(
      OFFICER_3,
      'POST',
      '/api/v1/cases',
      openCaseBody({
        handlingOfficerIds: [OFFICER_3, OFFICER_2],
        party: { kind: 'organization', name: party, creditCode: '91431002MA4L000079', legalRepresentative: '王测试' },
        discoveredAt: daysAgo(openedDaysAgo),
        occurredAt: on(daysAgo(openedDaysAgo)),
      }),
    );
    if (opened.status !== 201) throw new Error(`open-case: ${opened.status} ${JSON.stringify(opened.body)}`);
    const id = opened.body.case.caseId as string;
    const filed = await h.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, {
      occurredAt: on(daysAgo(openedDaysAgo - 1)),
    });
    if (filed.status !== 200) throw new Error(`approve-filing: ${filed.status} ${JSON.stringify(filed.body)}`);
    return { id, no: filed.body.case.caseNo as string };
  }

  /** Waits until the read model lists the case's deadlines for the officer (the projection runs beside the API). */
  async function listedFor(user: string, query: string, caseId: string, kind: string) {
    for (let i = 0; i < 600; i++) {
      const items = (await h.http.as(user, 'GET', `/api/v1/deadlines?${query}`)).body.items as {
        caseId: string;
        kind: string;
        status: string;
      }[];
      const found = items.find((d) => d.caseId === caseId && d.kind === kind);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${caseId} ${kind} never listed`);
  }

  beforeAll(async () => {
    // The scheduler ticks every second: the missed handling period is recorded as the engine's own event.
    h = await startConsoleHarness({ SCHEDULER_INTERVAL_SECONDS: '1' });
    cases.missed = await openAndFile(61, '郴州市预警测试逾期化工厂');
    cases.soon = await openAndFile(30, '郴州市预警测试临期烟花厂');
    for (let i = 0; ; i++) {
      const events = (await h.http.as(OFFICER_3, 'GET', `/api/v1/cases/${cases.missed.id}/events`)).body as { type: string }[];
      if (events.some((e) => e.type === 'DeadlineMissed')) break;
      if (i > 300) throw new Error('the scheduler recorded no DeadlineMissed');
      await new Promise((r) => setTimeout(r, 100));
    }
    await listedFor(OFFICER_3, 'scope=mine&status=overdue', cases.missed.id, 'handling_period');
    await listedFor(OFFICER_3, 'scope=mine&status=soon&dueWithinWorkingDays=10', cases.soon.id, 'handling_period');
  }, 180_000);
  afterAll(async () => h?.close());

  it('the officer’s desk shows the missed deadline in red and the one due soon in amber, with working days left', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER_3);
    const warnings = page.getByLabel('预警', { exact: true });
    const missed = warnings.locator('tr', { hasText: cases.missed.no });
    await missed.locator('[data-deadline-status="overdue"]').waitFor();
    await expect(missed.textContent()).resolves.toMatch(/办案期限.*已逾期 \d+ 个工作日/);
    const soon = warnings.locator('tr', { hasText: cases.soon.no });
    await soon.locator('[data-deadline-status="soon"]').waitFor();
    await expect(soon.textContent()).resolves.toMatch(/办案期限.*(剩余 \d 个工作日|今日届满)/);
    await audit(page, 'desk-warnings');
  });

  it('a supervisor of the city finds the case on the 督办 page and issues a 督办 with the case’s form', async () => {
    const page = await h.newPage();
    await signIn(page, SUPERVISOR);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
    await page.waitForURL(/\/supervision$/);
    const row = page.getByLabel('已逾期', { exact: true }).locator('tr', { hasText: cases.missed.no });
    await row.waitFor();
    await audit(page, 'supervision');
    await row.getByRole('link', { name: cases.missed.no }).click();
    await page.waitForURL(new RegExp(`/cases/${cases.missed.id}$`));
    await page.locator('[data-command="supervise-case"]').click();
    await page.locator('#supervise-case_reason').fill('办案期限已逾期，请说明原因并加快办理');
    await page.locator('#supervise-case_replyWithinWorkingDays').fill('5');
    await page.getByRole('button', { name: '提交' }).click();
    for (let i = 0; ; i++) {
      const view = (await h.http.as(SUPERVISOR, 'GET', `/api/v1/cases/${cases.missed.id}`)).body;
      if (view.openSupervisions.length) break;
      if (i > 300) throw new Error('no 督办 recorded');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('the officer sees the notice on the desk until they reply; then it is gone', async () => {
    await listedFor(OFFICER_3, 'scope=mine&dueWithinWorkingDays=30', cases.missed.id, 'supervision_reply');
    const page = await h.newPage();
    await signIn(page, OFFICER_3);
    const notice = page.getByLabel('督办通知', { exact: true }).getByRole('listitem').filter({ hasText: cases.missed.no });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('办案期限已逾期，请说明原因并加快办理');
    await audit(page, 'desk-supervision-notice');

    await notice.getByRole('link', { name: cases.missed.no }).click();
    await page.waitForURL(new RegExp(`/cases/${cases.missed.id}$`));
    await page.locator('[data-command="reply-supervision"]').click();
    // The notice replied to is picked from the case's open 督办, named by its reason and reply deadline.
    await page.locator('#reply-supervision_supervisionId').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '办案期限已逾期，请说明原因并加快办理' })
      .filter({ hasText: '回复期限' })
      .click();
    await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
    await page.locator('#reply-supervision_reply').fill('已说明逾期原因，本周内作出处理决定');
    await page.getByRole('button', { name: '提交' }).click();
    for (let i = 0; ; i++) {
      const items = (await h.http.as(OFFICER_3, 'GET', '/api/v1/deadlines?scope=mine&dueWithinWorkingDays=30')).body.items as {
        kind: string;
      }[];
      if (!items.some((d) => d.kind === 'supervision_reply')) break;
      if (i > 300) throw new Error('the reply deadline is still listed');
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
    await page.getByLabel('预警', { exact: true }).locator('tr', { hasText: cases.missed.no }).first().waitFor();
    await expect(page.getByLabel('督办通知', { exact: true }).count()).resolves.toBe(0);
  });
});
