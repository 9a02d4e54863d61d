import { readFileSync } from 'node:fs';
import { CASE_SOURCE_NAMES, INDUSTRY_NAMES, PARTY_KIND_NAMES, STAGES, Stage } from '@workflows/enforcement-case';
import { HEAD, OFFICER_1, REVIEWER, at } from '../support/fixtures';
import { openAndFile } from '../support/cases';
import { ConsoleHarness, choose, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

/** A CSV as rows of cells (quoted cells with doubled quotes, CRLF line ends), without its byte order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('案件详情, 立案 and 案件查询 in Chromium: the state diagram, live checks, CSV export', () => {
  let h: ConsoleHarness;
  let caseId: string;

  async function audit(page: Parameters<typeof screenshot>[0], name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    // A filed case (调查取证) whose handling clock the head has suspended: a parallel track away from its start.
    caseId = await openAndFile(h.http);
    const res = await h.http.as(HEAD, 'POST', `/api/v1/cases/${caseId}/commands/suspend-case`, {
      reason: '等待技术鉴定',
      occurredAt: at('2026-09-10'),
    });
    if (res.status !== 200) throw new Error(`suspend-case: ${res.status} ${JSON.stringify(res.body)}`);
  }, 300_000);
  afterAll(async () => h?.close());

  it('the case page draws the machine with the current stage and the suspended clock marked, not by colour alone', async () => {
    const view = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect(view.state).toMatchObject({ procedure: { open: 'investigation' }, clock: 'suspended' });
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await page.goto(`/cases/${caseId}`);
    const diagram = page.getByTestId('state-diagram');
    await diagram.waitFor();

    // The lit box of the procedure is the case's stage, by the same Chinese name as the stage tag.
    const stage = (await page.getByTestId('case-stage').textContent())!;
    expect(stage).toBe(STAGES[view.stage as Stage].zh);
    const lit = diagram.locator('[data-region="procedure"] g[data-current="true"]');
    await expect(lit.count()).resolves.toBe(1);
    await expect(lit.locator('[data-state-label]').textContent()).resolves.toBe(stage);
    await expect(lit.locator('[data-current-label]').textContent()).resolves.toBe('当前');
    await expect(lit.locator('rect[stroke-width="3"]').count()).resolves.toBe(1);

    // The parallel tracks are drawn, each with its current state: the clock suspended (中止).
    const tracks = diagram.locator('[data-parallel-track="true"]');
    await expect(tracks.count()).resolves.toBe(3);
    const clock = diagram.locator('[data-region="clock"] g[data-current="true"] [data-state-label]');
    await expect(clock.textContent()).resolves.toBe('中止');
    await expect(diagram.locator('desc').textContent()).resolves.toContain('办案期限：中止');
    await expect(page.getByTestId('current-states').textContent()).resolves.toContain('查封扣押未查封扣押');

    // The legend is reachable with the keyboard.
    const legend = page.getByRole('region', { name: '状态图图例' });
    await legend.focus();
    await expect(legend.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await audit(page, 'case-page-diagram');
  });

  it('the 立案 form flags a wrong check character as it is typed, before anything is sent', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await page.goto('/cases');
    await page.getByRole('button', { name: '立案登记' }).click();
    await choose(page, 'openCase_source', CASE_SOURCE_NAMES.inspection.zh);
    await choose(page, 'openCase_industry', INDUSTRY_NAMES.fireworks.zh);
    await choose(page, 'openCase_party_kind', PARTY_KIND_NAMES.organization.zh);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') sent.push(r.url());
    });
    // 91431002MA4L000079 is valid: the last character changed to 8 breaks the GB 32100-2015 check.
    await page.locator('#openCase_party_creditCode').pressSequentially('91431002MA4L000078');
    const error = page.locator('#openCase_party_creditCode_help');
    await error.getByText('统一社会信用代码校验位错误（GB 32100-2015），请核对').waitFor();
    await page.locator('#openCase_party_creditCode').fill('91431002MA4L000079');
    await error.waitFor({ state: 'detached' });

    // The officers come from the registry with whether each may handle a case today; one alone is warned about.
    const help = (await h.http.as(OFFICER_1, 'GET', '/api/v1/cases/filing-help')).body;
    expect(help.officers.find((o: { id: string }) => o.id === OFFICER_1)).toMatchObject({ certified: true });
    expect(help.limitation).toMatchObject({ general: 2, lifeOrHealth: 5 });
    const officers = page.locator('#openCase_handlingOfficerIds');
    await officers.fill(OFFICER_1);
    await officers.press('Enter');
    await officers.press('Escape');
    await page
      .locator('#openCase_handlingOfficerIds_help')
      .getByText(/只选了 1 名执法人员/)
      .waitFor();

    // A violation committed more than two years before its discovery: the limitation period, with its article.
    await page.locator('#openCase_violations_0_committedOn').fill('2020-01-01');
    await page.locator('#openCase_discoveredAt').fill('2026-09-01');
    await page
      .locator('#openCase_discoveredAt_help')
      .getByText(/超过 2 年追责时效.*行政处罚法 Art\. 36/)
      .waitFor();
    await audit(page, 'open-case-live-checks');
    expect(sent).toEqual([]);
  });

  it('exports the current search as CSV whose rows are the list’s', async () => {
    // A second case, so the export has more than one row to match.
    const second = await openAndFile(h.http);
    // The list reads the case index projection: wait until it has caught up with the second case.
    const query = '/api/v1/cases?stage=investigation&sort=openedAt&order=asc&pageSize=200';
    while (!(await h.http.as(OFFICER_1, 'GET', query)).body.items.some((c: { caseId: string }) => c.caseId === second))
      await new Promise((r) => setTimeout(r, 200));
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await page.goto('/cases?stage=investigation&sort=openedAt&order=asc');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
    const search = (await h.http.as(OFFICER_1, 'GET', query)).body;

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...body] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header.slice(0, 5)).toEqual(['案件编号', '当事人', '当事人类型', '阶段', '行业']);
    expect(body.length).toBe(search.total);
    expect(body.map((r) => r[header.indexOf('案件ID')])).toEqual(search.items.map((c: { caseId: string }) => c.caseId));
    expect(body.slice(0, listed.length).map((r) => r[0])).toEqual(listed);
    expect(new Set(body.map((r) => r[header.indexOf('阶段')]))).toEqual(new Set([STAGES.investigation.zh]));
    expect(body.map((r) => r[header.indexOf('行业')])).toEqual(
      search.items.map((c: { industry: keyof typeof INDUSTRY_NAMES }) => INDUSTRY_NAMES[c.industry].zh),
    );
    // The export has finished (its progress is gone and the button is no longer busy) before the page is audited.
    await page.getByText(`已导出 ${body.length} 件`).waitFor();
    await page.getByTestId('export-progress').waitFor({ state: 'detached' });
    // The pointer leaves the button it clicked (its hover colour is Ant Design's, not the page's).
    await page.mouse.move(0, 0);
    await audit(page, 'case-list-export');
  });
});
