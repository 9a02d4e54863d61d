import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { OFFICER_1, REVIEWER, evidenceBody } from '../support/fixtures';
import { decidedCase, openAndFile } from '../support/cases';
import { startServerProcess, waitForExit } from '../support/server-process';
import { ConsoleHarness, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

const SUPERVISOR = 'u-431000-supervisor';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

describe('审计日志 and 完整性校验 in Chromium, against the built service', () => {
  let h: ConsoleHarness;
  let caseId: string;
  let copyDir: string | undefined;
  let copy: ChildProcess | undefined;

  async function audit(page: Page, name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  /** The case's positions in the audit trail (a read model: waits until the projection has the case's last event). */
  async function trailOf(id: string): Promise<string[]> {
    const head = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${id}`)).body.revision as number;
    for (let i = 0; ; i++) {
      const items = (await h.http.as(REVIEWER, 'GET', `/api/v1/audit?caseId=${id}&limit=1000`)).body.items as {
        position: string;
        revision: number;
      }[];
      if (items.some((e) => e.revision === head) || i > 100) return items.map((e) => e.position);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    caseId = await decidedCase(
      h.http,
      { kind: 'individual', name: '审计测试人', idNumber: '11010519491231002X' },
      {
        penalties: [{ kind: 'fine', amountYuan: 3000 }],
        legalBasis: ['安全生产法 Art. 99'],
        publish: false,
      },
    );
  }, 180_000);
  afterAll(async () => {
    copy?.kill('SIGTERM');
    if (copy) await waitForExit(copy);
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
    await h?.close();
  });

  it('menus offer the audit pages only to the roles the API lets read them', async () => {
    const officer = await h.newPage();
    await signIn(officer, OFFICER_1);
    const nav = officer.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '案件查询' }).waitFor();
    await expect(nav.getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: '完整性校验' }).count()).resolves.toBe(0);
  });

  it('a legal reviewer filters the trail to a case and sees its events, each with an intact chain', async () => {
    const positions = await trailOf(caseId);
    expect(positions.length).toBeGreaterThan(5);
    const page = await h.newPage();
    await signIn(page, REVIEWER);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL(/\/audit$/);
    // With the keyboard: type the case into its filter and submit with Enter.
    await page.getByLabel('案件 ID').fill(caseId);
    await page.getByLabel('案件 ID').press('Enter');
    await page.waitForURL(new RegExp(`caseId=${caseId}`));
    const rows = page.locator('tbody tr.ant-table-row');
    // The filtered answer, not the unfiltered one it replaces (the table holds no stale rows while loading).
    await rows.nth(positions.length).waitFor({ state: 'detached' });
    await rows.nth(positions.length - 1).waitFor();
    await expect(rows.locator('td:first-child').allTextContents()).resolves.toEqual(positions);
    await page.locator('[data-chain="verified"]').first().waitFor();
    await expect(page.locator('[data-chain="verified"]').count()).resolves.toBe(positions.length);
    await expect(rows.first().textContent()).resolves.toContain('CaseOpened');
    await audit(page, 'audit-trail');

    // The export goes through the API's format parameter with the reviewer's token.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit.csv');
  });

  it('a supervisor anchors the chain head with a reason; a reviewer may verify but not anchor', async () => {
    const reviewer = await h.newPage();
    await signIn(reviewer, REVIEWER);
    await reviewer.goto('/integrity');
    await reviewer.getByText('哈希链完整').waitFor();
    await expect(reviewer.getByRole('button', { name: '锚定当前链头' }).count()).resolves.toBe(0);

    const supervisor = await h.newPage();
    await signIn(supervisor, SUPERVISOR);
    await supervisor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '完整性校验' }).click();
    await supervisor.getByText('哈希链完整').waitFor();
    await supervisor.getByLabel('锚定原因').fill('控制台测试锚定');
    await supervisor.getByLabel('锚定原因').press('Enter');
    await supervisor.getByRole('cell', { name: '控制台测试锚定' }).waitFor();
    await audit(supervisor, 'integrity-anchors');
    const anchors = (await h.http.as(SUPERVISOR, 'GET', '/api/v1/integrity/anchors')).body as { reason: string }[];
    expect(anchors.map((a) => a.reason)).toContain('控制台测试锚定');
  });

  it('on a copy of the store with one event edited, the integrity page names that position and the audit trail flags it', async () => {
    const positions = await trailOf(caseId);
    const edited = positions[2];
    // A consistent copy of the live store file, then one event's stored bytes changed behind the engine's back.
    copyDir = mkdtempSync(path.join(tmpdir(), 'casetrail-console-tampered-'));
    const live = new Database(path.join(h.dataDir, 'casetrail.db'), { readonly: true });
    await live.backup(path.join(copyDir, 'casetrail.db'));
    live.close();
    const db = new Database(path.join(copyDir, 'casetrail.db'));
    expect(db.prepare("UPDATE events SET data = data || ' ' WHERE position = ?").run(Number(edited)).changes).toBe(1);
    db.close();
    const server = await startServerProcess({
      DATA_DIR: copyDir,
      AUTH_MODE: 'dev',
      SEED_DEMO: 'true',
      SCHEDULER_INTERVAL_SECONDS: '0',
      NODE_ENV: 'test',
    });
    copy = server.proc;

    const page = await h.newPage(server.baseUrl);
    await signIn(page, REVIEWER);
    await page.goto('/integrity');
    const problem = page.getByTestId('integrity-problem');
    await problem.waitFor();
    await expect(page.getByText(`发现篡改：第 ${edited} 条`).count()).resolves.toBe(1);
    await expect(problem.textContent()).resolves.toContain('事件内容被改动');
    await audit(page, 'integrity-tampered');

    await page.goto(`/audit?caseId=${caseId}`);
    await page.locator('[data-chain="broken"]').waitFor();
    const broken = page.locator('tbody tr.ant-table-row').filter({ has: page.locator('[data-chain="broken"]') });
    await expect(broken.locator('td:first-child').allTextContents()).resolves.toEqual([edited]);
    await expect(page.locator('[data-chain="verified"]').count()).resolves.toBe(2);
    await audit(page, 'audit-trail-tampered');
    expect(h.cspViolations).toEqual([]);
  });

  it('a stored evidence file altered on disk is named on the integrity page: case, evidence item and file hash', async () => {
    const photo = readFileSync(path.join(__dirname, '../fixtures/evidence/site-photo.jpg'));
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const id = await openAndFile(h.http);
    const recorded = await h.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidenceBody({ kind: 'photo' }));
    const evidenceId = recorded.body.events[0].data.evidenceId as string;
    const uploaded = await fetch(`${h.baseUrl}/api/v1/cases/${id}/evidence/${evidenceId}/files?fileName=photo.jpg`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.http.token(OFFICER_1)}`, 'content-type': 'image/jpeg' },
      body: photo,
    });
    expect(uploaded.status).toBe(201);
    writeFileSync(path.join(h.dataDir, 'evidence', sha256.slice(0, 2), sha256.slice(2)), Buffer.concat([photo, Buffer.from('x')]));

    const page = await h.newPage();
    await signIn(page, REVIEWER);
    await page.goto('/integrity');
    const table = page.getByTestId('evidence-file-problems');
    await table.waitFor();
    await page.getByText('哈希链完整，但证据文件有问题').waitFor();
    const row = table.locator('tbody tr.ant-table-row');
    await expect(row.allTextContents()).resolves.toEqual([`${id}${evidenceId}${sha256}证据文件被改动（与记录的 SHA-256 不符）`]);
    await audit(page, 'integrity-evidence-file-altered');
    expect(h.cspViolations).toEqual([]);
  });
});
