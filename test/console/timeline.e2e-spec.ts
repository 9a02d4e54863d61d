import { Page } from 'playwright-core';
import { HASH, HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, interferenceBody } from '../support/fixtures';
import { openAndFile } from '../support/cases';
import { ConsoleHarness, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

describe('时间线 in Chromium: scrub a 21-event case, compare two points', () => {
  let h: ConsoleHarness;
  let caseId: string;
  let latest: number;

  async function run(userId: string, command: string, body: object) {
    const res = await h.http.as(userId, 'POST', `/api/v1/cases/${caseId}/commands/${command}`, body);
    if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Moves the revision scrubber with the keyboard: Home to the first revision (0), then right. */
  async function scrubTo(page: Page, revision: number) {
    const handle = page.getByRole('slider', { name: '选择版本' });
    await handle.focus();
    await handle.press('Home');
    for (let r = 0; r < revision; r++) await handle.press('ArrowRight');
    await page.getByTestId('timeline-point').locator(`[data-revision="${revision}"]`).waitFor();
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    // Opened (立案审批), filed (调查取证), an interference record, evidence, then the penalty notice.
    caseId = await openAndFile(h.http);
    await run(OFFICER_2, 'record-interference', interferenceBody({ content: '打招呼要求从轻', occurredAt: at('2026-09-02', '15:00:00') }));
    for (let i = 1; i <= 15; i++)
      await run(OFFICER_1, 'record-evidence', {
        kind: 'inspection',
        title: `现场检查笔录第${i}份`,
        officerIds: [OFFICER_1, OFFICER_2],
        contentHash: HASH,
        occurredAt: at('2026-09-03'),
      });
    const penalties = [{ kind: 'fine', amountYuan: 20000 }];
    const legalBasis = ['安全生产法 Art. 99'];
    await run(OFFICER_1, 'conclude-investigation', {
      findings: '属实',
      proposedOutcome: 'penalty',
      proposedPenalties: penalties,
      legalBasis,
      occurredAt: at('2026-09-04'),
    });
    await run(OFFICER_1, 'issue-penalty-notice', { proposedPenalties: penalties, legalBasis, occurredAt: at('2026-09-04') });
    latest = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}`)).body.revision;
  }, 300_000);
  afterAll(async () => h?.close());

  it('a legal reviewer scrubs to a point, compares the first and last revisions, and sees the interference entry whole', async () => {
    // Revisions count from 0: twenty-one events (the 告知书 is issued right after it is served).
    expect(latest).toBe(20);
    const endStage = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}`)).body.stageName.zh as string;
    const page = await h.newPage();
    await signIn(page, REVIEWER);
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('link', { name: '时间线' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}/timeline$`));
    await page.getByTestId('timeline-point').locator(`[data-revision="${latest}"]`).waitFor();

    // Revision 2: filed, and the interference record as the API returns it to a reader of such records.
    await scrubTo(page, 2);
    const point = page.getByTestId('timeline-point');
    await expect(page.getByTestId('timeline-stage').textContent()).resolves.toBe('调查取证');
    const event = point.locator('[data-revision="2"]');
    await expect(event.textContent()).resolves.toContain('打招呼要求从轻');
    await expect(event.textContent()).resolves.toMatch(/发生时间 2026-09-02 15:00 · 记录时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(event.getByText('补录').count()).resolves.toBe(1);
    await screenshot(page, 'timeline-point');

    // 截至某日: the case as it stood at the end of 2026-09-03 (what had happened by then): the scrubber follows.
    const date = page.getByPlaceholder('截至某日');
    await date.fill('2026-09-03');
    await date.press('Enter');
    await page.getByTestId('timeline-point').locator('[data-revision="17"]').waitFor();
    await expect(page.getByRole('slider', { name: '选择版本' }).getAttribute('aria-valuenow')).resolves.toBe('17');
    await expect(page.getByTestId('timeline-stage').textContent()).resolves.toBe('调查取证');

    // A at revision 0 (立案审批), B at the last revision, with the keyboard alone: the stage change and every event after A.
    await scrubTo(page, 0);
    await page.getByRole('button', { name: '设为对比起点 A' }).press('Enter');
    await page.getByRole('slider', { name: '选择版本' }).press('End');
    await page.getByTestId('timeline-point').locator(`[data-revision="${latest}"]`).waitFor();
    await page.getByRole('button', { name: '设为对比终点 B' }).press('Enter');
    const diff = page.getByTestId('timeline-diff');
    await diff.waitFor();
    await expect(page.getByTestId('diff-stage').textContent()).resolves.toBe(`立案审批 → ${endStage}`);
    const between = await diff
      .getByTestId('diff-events')
      .locator('[data-revision]')
      .evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-revision'))));
    expect(between).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    await expect(diff.textContent()).resolves.toContain(`其间的事件（${latest} 件）`);
    await expect(diff.getByRole('list', { name: '期限变化' }).textContent()).resolves.toContain('新增');

    await screenshot(page, 'timeline-diff');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the approving head sees the same interference entry redacted, as the API returns it to them', async () => {
    const page = await h.newPage();
    await signIn(page, HEAD);
    await page.goto(`/cases/${caseId}/timeline`);
    await page.getByTestId('timeline-point').locator(`[data-revision="${latest}"]`).waitFor();
    await scrubTo(page, 2);
    const event = page.getByTestId('timeline-point').locator('[data-revision="2"]');
    await expect(event.getByText('已隐去', { exact: true }).count()).resolves.toBe(1);
    await expect(page.content()).resolves.not.toContain('打招呼要求从轻');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
