import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { HASH, OFFICER_1, OFFICER_2, at, openCaseBody } from '../support/fixtures';
import { openAndFile } from '../support/cases';
import { projectionsCaughtUp } from '../support/projections';
import { ConsoleHarness, screenshot, seriousAxeViolations, signIn, startConsoleHarness } from './console-browser';

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

const SUPERVISOR = 'u-431000-supervisor';
const PHOTO = path.resolve(__dirname, '../fixtures/evidence/site-photo.jpg');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, '');

/** Clicks what starts a download and returns the file's bytes and the name it is saved under. */
async function downloaded(page: Page, trigger: Locator): Promise<{ bytes: Buffer; name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const file = (await download.path())!;
  return { bytes: readFileSync(file), name: download.suggestedFilename(), file };
}

/** The row of the 文书 table for a document title. */
const documentRow = (page: Page, title: string) =>
  page
    .getByRole('table', { name: '文书' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: title, exact: true }) });

describe('文书 and 案卷 on the case page in Chromium: preview, PDF, 签发 with its hash, the 案卷, evidence files', () => {
  let h: ConsoleHarness;
  /** A demo case with a penalty decision whose 决定书 the case can render and has not issued. */
  let decided: { id: string; officer: string; decisionNo: string; party: string };
  /** A case of this test in 调查取证 with one evidence item. */
  let investigating: { id: string; evidenceId: string };

  async function audit(page: Page, name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    // The search is a read model: once it has caught up with the seed, the demo's decisions, latest first.
    await projectionsCaughtUp(h.http);
    const found = await h.http.as(SUPERVISOR, 'GET', '/api/v1/cases?sort=decidedAt&order=desc&pageSize=100');
    const decisions = (found.body.items as { caseId: string; decisionNo: string | null }[]).filter((c) => c.decisionNo);
    for (const { caseId } of decisions) {
      const docs = (await h.http.as(SUPERVISOR, 'GET', `/api/v1/cases/${caseId}/documents`)).body;
      const decision = docs.produced.find((d: { kind: string }) => d.kind === 'penalty-decision');
      const issued = docs.items.some((d: { kind: string }) => d.kind === 'penalty-decision');
      if (!decision || decision.missing.length || issued) continue;
      const view = (await h.http.as(SUPERVISOR, 'GET', `/api/v1/cases/${caseId}`)).body;
      decided = { id: caseId, officer: view.handlingOfficerIds[0], decisionNo: view.decision.decisionNo, party: view.party.name };
      break;
    }
    if (!decided) throw new Error(`none of the demo year's ${decisions.length} decisions renders its 决定书: the seed changed`);

    const id = await openAndFile(h.http);
    const evidence = await h.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, {
      kind: 'inspection',
      title: '现场检查照片',
      officerIds: [OFFICER_1, OFFICER_2],
      contentHash: HASH,
      occurredAt: at('2026-09-03'),
    });
    if (evidence.status !== 200) throw new Error(`record-evidence: ${evidence.status} ${JSON.stringify(evidence.body)}`);
    investigating = { id, evidenceId: evidence.body.events[0].data.evidenceId };
  }, 300_000);
  afterAll(async () => h?.close());

  it('lists the documents the case has produced; the preview and the PDF show the decision number and the party', async () => {
    const page = await h.newPage();
    await signIn(page, decided.officer);
    await page.goto(`/cases/${decided.id}`);
    const row = documentRow(page, '行政处罚决定书');
    await row.waitFor();
    await expect(row.getByRole('cell', { name: decided.decisionNo }).count()).resolves.toBe(1);
    await expect(row.getByText('未签发').count()).resolves.toBe(1);
    // Every document the API says the case produced is listed, in its order.
    const produced = (await h.http.as(decided.officer, 'GET', `/api/v1/cases/${decided.id}/documents`)).body.produced as {
      title: string;
    }[];
    const titles = await page.getByRole('table', { name: '文书' }).locator('tbody tr td:first-child').allTextContents();
    expect(titles).toEqual(produced.map((d) => d.title));
    expect(titles).toEqual(expect.arrayContaining(['立案审批表', '行政处罚告知书', '行政处罚决定书']));

    await page.getByRole('button', { name: '预览行政处罚决定书' }).click();
    const preview = page.frameLocator('[data-testid="document-preview"]').locator('body');
    await preview.getByText(decided.decisionNo).first().waitFor();
    expect(squeeze(await preview.textContent())).toContain(squeeze(decided.party));
    // No script runs in the frame; its own stylesheet applies (given the page's nonce): the title is centred.
    await expect(page.getByTestId('document-preview').getAttribute('sandbox')).resolves.toBe('allow-same-origin allow-modals');
    await expect(preview.locator('h1.title').evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).textAlign)).resolves.toBe(
      'center',
    );
    await screenshot(page, 'documents-preview');
    // axe cannot enter a frame where no script runs: the page is audited with the preview closed.
    await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('document-preview').waitFor({ state: 'detached' });
    await audit(page, 'documents-list');

    const pdf = await downloaded(page, page.getByRole('button', { name: '下载行政处罚决定书 PDF' }));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.name).toBe(`行政处罚决定书${decided.decisionNo}.pdf`);
    const text = squeeze(execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squeeze(decided.party));
    expect(text).toContain(decided.decisionNo);

    const docx = await downloaded(page, page.getByRole('button', { name: '下载行政处罚决定书 DOCX' }));
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.name).toBe(`行政处罚决定书${decided.decisionNo}.docx`);
  });

  it('签发 issues the decision after a confirmation; the list shows its number and the SHA-256 of the issued PDF', async () => {
    const page = await h.newPage();
    await signIn(page, decided.officer);
    await page.goto(`/cases/${decided.id}`);
    const row = documentRow(page, '行政处罚决定书');
    await row.getByRole('button', { name: '签发行政处罚决定书' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/占用文号.*SHA-256/);
    await confirm.getByRole('button', { name: '签发' }).click();
    await row.getByText('已签发').waitFor();

    const listed = (await h.http.as(decided.officer, 'GET', `/api/v1/cases/${decided.id}/documents`)).body.items as {
      kind: string;
      number: string;
      sha256: string;
    }[];
    const issued = listed.find((d) => d.kind === 'penalty-decision')!;
    expect(issued.number).toBe(decided.decisionNo);
    const shown = await row.locator('[data-sha256]').getAttribute('data-sha256');
    expect(shown).toBe(issued.sha256);
    await expect(row.locator('[data-sha256]').textContent()).resolves.toBe(`${issued.sha256.slice(0, 12)}…`);
    const file = await downloaded(page, row.getByRole('button', { name: `下载签发的行政处罚决定书（${decided.decisionNo}）` }));
    expect(sha256(file.bytes)).toBe(shown);
    // Issued once: no second 签发 is offered.
    await expect(row.getByRole('button', { name: '签发行政处罚决定书' }).count()).resolves.toBe(0);
    await audit(page, 'documents-issued');
  });

  it('案卷 downloads the case file as a PDF; before filing the API’s reason is shown', async () => {
    const page = await h.newPage();
    await signIn(page, decided.officer);
    await page.goto(`/cases/${decided.id}`);
    const dossier = await downloaded(page, page.getByRole('button', { name: '下载案卷（PDF）' }));
    expect(dossier.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(squeeze(execFileSync('pdftotext', ['-l', '2', dossier.file, '-'], { encoding: 'utf8' }))).toContain('卷内目录');

    const unfiled = (await h.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId as string;
    const own = await h.newPage();
    await signIn(own, OFFICER_1);
    await own.goto(`/cases/${unfiled}`);
    await own.getByRole('button', { name: '下载案卷（PDF）' }).click();
    await own.getByRole('alert').filter({ hasText: '本案尚未产生该文书' }).waitFor();
  });

  it('上传文件 attaches an evidence file: listed with its size, type and SHA-256, downloaded byte for byte', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER_1);
    await page.goto(`/cases/${investigating.id}`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '为「现场检查照片」上传文件' }).click(),
    ]);
    // Text under a .jpg name: the browser declares image/jpeg, the bytes say otherwise — 415, in the API's words.
    await chooser.setFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    await page.getByRole('alert').filter({ hasText: '文件内容与声明的类型不符' }).waitFor();
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '为「现场检查照片」上传文件' }).click(),
    ]);
    await again.setFiles(PHOTO);
    const bytes = readFileSync(PHOTO);
    const entry = page.locator(`[data-evidence-file="${sha256(bytes)}"]`);
    await entry.waitFor();
    expect(squeeze(await entry.textContent())).toContain(squeeze(`site-photo.jpg${(bytes.length / 1024).toFixed(1)} KB · image/jpeg`));
    const file = await downloaded(page, entry.getByRole('button', { name: '下载site-photo.jpg' }));
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(file.name).toBe('site-photo.jpg');
    await audit(page, 'evidence-files');
  });

  it('reported no Content-Security-Policy violation on any page', () => {
    expect(h.cspViolations).toEqual([]);
  });
});
