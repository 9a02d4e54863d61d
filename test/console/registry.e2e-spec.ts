import { Page } from 'playwright-core';
import { openAndFile } from '../support/cases';
import { AG, HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, interferenceBody } from '../support/fixtures';
import { projectionsCaughtUp } from '../support/projections';
import { ConsoleHarness, choose, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

const ADMIN = 'u-431000-admin';
const NEW_USER = 'u-431002-officer-9';
const INTERVENER = '控制台测试干预人';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

/** Today in China Standard Time, as the registry judges training dates and the staffing report its year. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

interface StaffingRow {
  agencyId: string;
  onDuty: number;
  certified: number;
  notValid: unknown[];
  training: { below: unknown[] };
}

describe('干预记录 and 机构与人员 in Chromium, against the built service', () => {
  let h: ConsoleHarness;
  let caseId: string;
  let caseNo: string;

  async function audit(page: Page, name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

  async function staffingOf(agencyId: string): Promise<StaffingRow & { minimum: number }> {
    const body = (await h.http.as(ADMIN, 'GET', `/api/v1/reports/staffing?agencyId=${agencyId}`)).body as {
      agencies: StaffingRow[];
      parameters: { trainingHoursPerYear: { hours: number } };
    };
    return { ...body.agencies[0], minimum: body.parameters.trainingHoursPerYear.hours };
  }

  /** The staffing report's row of 北湖区 as the console shows it: on duty, certified, not counting, below the training minimum. */
  async function staffingRowShown(page: Page): Promise<{ onDuty: number; certified: number; notValid: number; below: number }> {
    const panel = page.getByRole('tabpanel', { name: '人员配备报告' });
    const row = panel.locator('tr.ant-table-row').filter({ has: page.getByRole('cell', { name: '北湖区应急管理局', exact: true }) });
    await row.waitFor();
    // Cells: expand button, 机构, 层级, 在职人数, 持证人数, 持证比例, 目标, 是否达标, 即将到期, 不计入, 培训未达标.
    const cells = await row.locator('td').allTextContents();
    return { onDuty: Number(cells[3]), certified: Number(cells[4]), notValid: Number(cells[9]), below: Number(cells[10]) };
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    caseId = await openAndFile(h.http);
    const recorded = await h.http.as(
      OFFICER_2,
      'POST',
      `/api/v1/cases/${caseId}/commands/record-interference`,
      interferenceBody({
        intervener: { name: INTERVENER, unit: '某区政府', post: '副区长', relation: 'leading_cadre' },
        means: 'phone',
        content: '要求从轻处理',
        handling: '已拒绝并如实记录',
        occurredAt: at('2026-09-05'),
      }),
    );
    expect(recorded.status).toBe(200);
    caseNo = recorded.body.case.caseNo as string;
    await projectionsCaughtUp(h.http);
  }, 180_000);
  afterAll(async () => h?.close());

  it('a legal reviewer finds the entry recorded on a case in the register and follows it to the case', async () => {
    const page = await h.newPage();
    await signIn(page, REVIEWER);
    await nav(page).getByRole('link', { name: '干预记录' }).click();
    await page.waitForURL(/\/interference/);
    await page.getByLabel('干预人姓名').fill(INTERVENER);
    await page.getByLabel('干预人姓名').press('Enter');
    await page.waitForURL(/intervener=/);
    // The unfiltered register may still be on screen for a moment: wait for the filtered answer, one entry.
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.filter({ hasText: INTERVENER }).first().waitFor();
    for (let i = 0; (await rows.count()) !== 1; i++) {
      if (i > 300) throw new Error(`the register lists ${await rows.count()} entries for ${INTERVENER}, not 1`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const text = await rows.first().textContent();
    for (const shown of [caseNo, INTERVENER, '领导干部', '电话', '要求从轻处理', '已拒绝并如实记录', '张敏']) expect(text).toContain(shown);
    await audit(page, 'interference-register');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toBe('interference-register.csv');

    await rows.first().getByRole('link', { name: caseNo }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
  });

  it('the register reads page after page: 加载更多 appends the next page until there is none', async () => {
    const second = await h.http.as(
      OFFICER_2,
      'POST',
      `/api/v1/cases/${caseId}/commands/record-interference`,
      interferenceBody({
        intervener: { name: '第二位干预人', unit: '某局', post: '科长', relation: 'other' },
        content: '打听案情',
        occurredAt: at('2026-09-06'),
      }),
    );
    expect(second.status).toBe(200);
    await projectionsCaughtUp(h.http);
    const api = await h.http.as(REVIEWER, 'GET', `/api/v1/interference?caseId=${caseId}&limit=1`);
    expect(api.body.items).toHaveLength(1);
    expect(api.body.next).not.toBeNull();

    const page = await h.newPage();
    await signIn(page, REVIEWER);
    // One entry a page, so the case's two entries take two pages.
    await page.goto(`/interference?caseId=${caseId}&limit=1`);
    const rows = page.locator('tbody tr.ant-table-row');
    const more = page.getByRole('button', { name: /加载更多/ });
    await more.waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(INTERVENER);
    await more.click();
    await rows.nth(1).waitFor();
    await expect(rows.nth(1).textContent()).resolves.toContain('第二位干预人');
    await expect(rows.count()).resolves.toBe(2);
    // The last page has no `next`: nothing more to load.
    await more.waitFor({ state: 'detached' });
    await audit(page, 'interference-register-pages');
  });

  it('the quarterly report counts the quarter’s records per agency and shows a quarter without any as 零报告', async () => {
    const supervisor = 'u-431000-supervisor';
    const api = (await h.http.as(supervisor, 'GET', '/api/v1/interference/quarterly-report?year=2026&quarter=3')).body as {
      agencies: { agencyId: string; records: number; zeroReport: boolean }[];
    };
    const bureau = api.agencies.find((a) => a.agencyId === AG)!;
    expect(bureau.records).toBeGreaterThanOrEqual(1);

    const page = await h.newPage();
    await signIn(page, supervisor);
    await page.goto('/interference?tab=quarterly&year=2026&quarter=3');
    const bureauRow = page.locator('tr.ant-table-row').filter({ has: page.getByRole('cell', { name: '北湖区应急管理局', exact: true }) });
    await bureauRow.getByRole('link', { name: `${bureau.records} 条，查看登记` }).waitFor();
    await expect(page.getByText('零报告', { exact: true }).count()).resolves.toBe(api.agencies.filter((a) => a.zeroReport).length);
    await audit(page, 'interference-quarterly');

    // A quarter nobody recorded anything in: every agency of the tree files a zero report.
    await choose(page, 'quarterlyFilter_year', '2017 年');
    await choose(page, 'quarterlyFilter_quarter', '第 1 季度');
    await page.getByRole('button', { name: '生成报告' }).click();
    await page.waitForURL(/year=2017&quarter=1/);
    await page.getByText('2017 年第 1 季度：13 个机构零报告').waitFor();
    await page.getByTestId(`zero-report-${AG}`).waitFor();
    await expect(page.getByText('零报告', { exact: true }).count()).resolves.toBe(13);
  });

  it('an officer has no 干预记录 or 机构与人员 entry, and going there directly shows the API’s refusal in Chinese', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await nav(page).getByRole('link', { name: '案件查询' }).waitFor();
    await expect(nav(page).getByRole('link', { name: '干预记录' }).count()).resolves.toBe(0);
    await expect(nav(page).getByRole('link', { name: '机构与人员' }).count()).resolves.toBe(0);
    await page.goto('/interference');
    const refusal = page.getByRole('alert').filter({ hasText: '无权操作' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/须由 法制审核人员、监督人员、纪检人员 执行/);
    await expect(page.locator('tbody tr.ant-table-row').count()).resolves.toBe(0);
    await audit(page, 'interference-refused');
  });

  it('a head reads the staffing report but not the registry', async () => {
    const page = await h.newPage();
    await signIn(page, HEAD);
    await nav(page).getByRole('link', { name: '机构与人员' }).click();
    await page.getByRole('tab', { name: '人员配备报告' }).waitFor();
    await expect(page.getByRole('tab', { name: '机构与人员' }).count()).resolves.toBe(0);
    await staffingRowShown(page);
  });

  it('an administrator registers a user with a role, records training, suspends the certificate, deactivates them; the staffing report follows', async () => {
    const before = await staffingOf(AG);
    const page = await h.newPage();
    await signIn(page, ADMIN);
    await nav(page).getByRole('link', { name: '机构与人员' }).click();
    await page.getByRole('tree').getByText('北湖区应急管理局', { exact: true }).click();
    await page.getByRole('heading', { name: '人员：北湖区应急管理局' }).waitFor();
    await page.getByRole('cell', { name: '王海涛', exact: true }).waitFor();
    await audit(page, 'registry');

    await page.getByRole('button', { name: '登记人员' }).click();
    await page.locator('#registerUser_id').fill(NEW_USER);
    await page.locator('#registerUser_name').fill('测试新员');
    await choose(page, 'registerUser_roles', '执法人员');
    await page.locator('#registerUser_certificate_number').fill('43100220260099');
    const date = async (id: string, value: string) => {
      await page.locator(`#${id}`).fill(value);
      // Tab, not Enter: Enter in a form's text field would also submit the form.
      await page.locator(`#${id}`).press('Tab');
    };
    // A term that ends before it starts: the registry's 422 appears on the field it names.
    await date('registerUser_certificate_validFrom', '2026-01-01');
    await date('registerUser_certificate_validUntil', '2025-12-31');
    await page.getByRole('dialog').getByRole('button', { name: '登记', exact: true }).click();
    await page
      .locator('#registerUser_certificate_validUntil_help')
      .getByText(/有效期起始日不得晚于截止日/)
      .waitFor();
    await audit(page, 'registry-user-refused');
    await date('registerUser_certificate_validUntil', '2030-12-31');
    await page.getByRole('dialog').getByRole('button', { name: '登记', exact: true }).click();
    const row = page.locator('tr.ant-table-row').filter({ has: page.getByRole('cell', { name: NEW_USER, exact: true }) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('执法人员');
    await expect(row.textContent()).resolves.toContain('在职');

    const today = shanghaiToday();
    await row.getByRole('button', { name: '为 测试新员 登记培训' }).click();
    await page.locator('#training_year').fill(today.slice(0, 4));
    await page.locator('#training_hours').fill(String(before.minimum));
    await page.locator('#training_course').fill('安全生产执法程序培训');
    await date('training_date', today);
    await page.getByRole('dialog').getByRole('button', { name: '登记培训' }).click();
    await row.getByRole('cell', { name: String(before.minimum), exact: true }).waitFor();
    await row.getByRole('button', { name: '测试新员 详情' }).click();
    await page.getByRole('cell', { name: '安全生产执法程序培训' }).waitFor();
    await page.getByRole('cell', { name: '登记培训', exact: true }).waitFor();
    await page
      .getByRole('button', { name: 'Close' })
      .or(page.getByRole('button', { name: '关闭' }))
      .first()
      .click();

    // The new officer counts as on duty and certified, and has met the training minimum.
    await page.getByRole('tab', { name: '人员配备报告' }).click();
    await expect(staffingRowShown(page)).resolves.toEqual({
      onDuty: before.onDuty + 1,
      certified: before.certified + 1,
      notValid: before.notValid.length,
      below: before.training.below.length,
    });
    await audit(page, 'registry-staffing');

    // Suspended from today, the certificate no longer counts.
    await page.getByRole('tab', { name: '机构与人员' }).click();
    await page.getByRole('tree').getByText('北湖区应急管理局', { exact: true }).click();
    await row.getByRole('button', { name: '变更 测试新员 的执法证状态' }).click();
    await choose(page, 'certificateStatus_status', '暂扣');
    await date('certificateStatus_effectiveFrom', today);
    await page.locator('#certificateStatus_reason').fill('执法过错调查期间暂扣');
    await page.getByRole('dialog').getByRole('button', { name: '确认变更' }).click();
    await row.getByText(/暂扣自/).waitFor();
    await page.getByRole('tab', { name: '人员配备报告' }).click();
    await expect(staffingRowShown(page)).resolves.toEqual({
      onDuty: before.onDuty + 1,
      certified: before.certified,
      notValid: before.notValid.length + 1,
      below: before.training.below.length,
    });

    await page.getByRole('tab', { name: '机构与人员' }).click();
    await page.getByRole('tree').getByText('北湖区应急管理局', { exact: true }).click();
    await row.getByRole('button', { name: '停用 测试新员' }).click();
    await page.locator('#deactivate_reason').fill('调离执法岗位');
    await page.getByRole('dialog').getByRole('button', { name: '确认停用' }).click();
    await row.getByText(`停用（自 ${today}）`).waitFor();

    await page.getByRole('tab', { name: '人员配备报告' }).click();
    await expect(staffingRowShown(page)).resolves.toEqual({
      onDuty: before.onDuty,
      certified: before.certified,
      notValid: before.notValid.length,
      below: before.training.below.length,
    });
    expect(await staffingOf(AG)).toMatchObject({ onDuty: before.onDuty, certified: before.certified });
    expect(h.cspViolations).toEqual([]);
  });
});
