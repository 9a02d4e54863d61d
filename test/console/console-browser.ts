import { CASE_SOURCE_NAMES, INDUSTRY_NAMES, PARTY_KIND_NAMES } from '@workflows/enforcement-case';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Locator, Page, chromium } from 'playwright-core';
import { HttpClient } from '../support/http-client';
import { startServerProcess, waitForExit } from '../support/server-process';

const ROOT = path.resolve(__dirname, '../..');
/** Screenshots of each page the tests visit (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, '.screenshots');

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

export interface ConsoleHarness {
  baseUrl: string;
  /** The service's DATA_DIR (its store file is casetrail.db there). */
  dataDir: string;
  http: HttpClient;
  browser: Browser;
  /** Content-Security-Policy violations the pages reported while the tests ran. */
  cspViolations: CspViolation[];
  /** A page in a fresh context, on this service or on another one (`baseUrl`). */
  newPage(baseUrl?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built service (dist/, with the console in dist/console) in its own process on a free port and a fresh data
 * directory with the demo organisation seeded, and one Chromium for the whole suite (Debian's, not a downloaded one).
 * `env` adds to or overrides the service's environment (another AUTH_MODE and its settings).
 */
export async function startConsoleHarness(env: Record<string, string> = {}): Promise<ConsoleHarness> {
  if (!existsSync(path.join(ROOT, 'dist/console/index.html')))
    throw new Error('dist/console is missing: run "npm run build" first (npm test does)');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-console-'));
  let proc: ChildProcess | undefined;
  try {
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      AUTH_MODE: 'dev',
      SEED_DEMO: 'true',
      SCHEDULER_INTERVAL_SECONDS: '0',
      NODE_ENV: 'test',
      ...env,
    });
    proc = server.proc;
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const cspViolations: CspViolation[] = [];
    const contexts: BrowserContext[] = [];
    return {
      baseUrl: server.baseUrl,
      dataDir,
      http: new HttpClient(server.baseUrl),
      browser,
      cspViolations,
      async newPage(baseURL = server.baseUrl) {
        // A fresh context per page: its own sessionStorage, so each person signs in as themselves.
        const context = await browser.newContext({
          baseURL,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          viewport: { width: 1440, height: 900 },
        });
        contexts.push(context);
        await context.exposeBinding('__reportCspViolation', (_source, v: CspViolation) => void cspViolations.push(v));
        await context.addInitScript({
          content:
            "document.addEventListener('securitypolicyviolation', (e) => window.__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));",
        });
        const page = await context.newPage();
        page.setDefaultTimeout(90_000);
        return page;
      },
      async close() {
        for (const c of contexts) await c.close().catch(() => undefined);
        await browser.close();
        proc?.kill('SIGTERM');
        if (proc) await waitForExit(proc);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    proc?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Signs in through the console's sign-in page as one of the seeded users. */
export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('button', { name: new RegExp(`（${userId}）`) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('signed-in-user').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  // The page at rest: the pointer off every control, so no hover colour is judged in place of the real one, and every
  // finite animation (a tooltip fading, a colour easing back) finished, so no colour is judged half-way.
  await page.mouse.move(0, 0);
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))',
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Picks an option of an Ant Design Select with the keyboard, as the keyboard-only user does: the list opens with
 * ArrowDown, the arrows move to the option, Enter takes it. (A mouse click on an option while the list is still
 * moving in can be lost on a busy machine; the keys are not.) Then reads back what the select shows.
 */
export async function choose(page: Page, id: string, option: string): Promise<void> {
  const input = page.locator(`#${id}`);
  const list = page.locator('.ant-select-dropdown:visible');
  await input.focus();
  await input.press('ArrowDown');
  await list.first().waitFor();
  for (let i = 0; i < 200 && (await list.locator('.ant-select-item-option-active').first().getAttribute('title')) !== option; i++) {
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  // A multiple select keeps its list open for more choices: close it.
  const select = page.locator('.ant-select').filter({ has: input }).first();
  if ((await select.getAttribute('class'))?.includes('ant-select-multiple')) await input.press('Escape');
  await list.first().waitFor({ state: 'hidden' });
  const shown = await select.textContent();
  if (!shown?.includes(option)) throw new Error(`#${id} shows "${shown}" after choosing "${option}"`);
}

/** Fills the 立案登记 form (built from POST /cases's schema) with the keyboard and the mouse, as an officer would. */
export async function fillOpenCase(
  page: Page,
  o: { party: string; creditCode: string; discoveredAt: string; officers: string[]; committedOn?: string; occurredAt?: string },
): Promise<void> {
  await choose(page, 'openCase_source', CASE_SOURCE_NAMES.inspection.zh);
  await choose(page, 'openCase_industry', INDUSTRY_NAMES.fireworks.zh);
  await choose(page, 'openCase_party_kind', PARTY_KIND_NAMES.organization.zh);
  await page.locator('#openCase_party_name').fill(o.party);
  await page.locator('#openCase_party_creditCode').fill(o.creditCode);
  await page.locator('#openCase_violations_0_description').fill('烟花爆竹超量储存');
  await addTags(page, 'openCase_violations_0_provisions', ['安全生产法 Art. 41']);
  if (o.committedOn) await page.locator('#openCase_violations_0_committedOn').fill(o.committedOn);
  await page.locator('#openCase_discoveredAt').fill(o.discoveredAt);
  await addTags(page, 'openCase_handlingOfficerIds', o.officers);
  await page.locator('#openCase_summary').fill('检查发现仓库超量储存烟花爆竹');
  if (o.occurredAt) await page.locator('#openCase_occurredAt').fill(o.occurredAt);
}

/**
 * Submits the filled 立案登记 form and waits for the new case's page. When the form stays, the error names what the
 * page shows instead (field messages, alerts) and a screenshot is kept, so a refusal is read, not guessed.
 */
export async function submitOpenCase(page: Page): Promise<string> {
  await page.getByRole('button', { name: '提交立案申请' }).click();
  try {
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  } catch {
    await screenshot(page, 'open-case-not-submitted');
    const form = page.getByRole('form', { name: '立案登记' });
    const shown = await form.locator('.ant-form-item-explain-error, .ant-alert-error').allTextContents();
    throw new Error(`the 立案 form was not submitted; it shows: ${JSON.stringify(shown)}`);
  }
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Adds free-text entries to a tags Select. */
export async function addTags(page: Page, id: string, values: string[]): Promise<void> {
  const input = page.locator(`#${id}`);
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
  await closeListIfOpen(page, input);
}

/**
 * Escape closes a Select's list if it is open; with no list open it would close the drawer the form is in. The list of
 * a tags Select can open a moment after the typing that opens it (on a busy machine, after one look found it closed),
 * so the page is watched until it has shown no open list for a while.
 */
async function closeListIfOpen(page: Page, input: Locator): Promise<void> {
  const list = page.locator('.ant-select-dropdown:visible');
  for (let quiet = 0; quiet < 5;) {
    if (await list.count()) {
      await input.press('Escape');
      await list.first().waitFor({ state: 'hidden' });
      quiet = 0;
    } else {
      quiet++;
      await page.waitForTimeout(200);
    }
  }
}
