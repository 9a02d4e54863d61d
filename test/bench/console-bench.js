#!/usr/bin/env node
'use strict';
/**
 * The console bench (`npm run bench:console`, which builds first).
 *
 *   1. the initial JavaScript of the built console (gzip), against its budget of 400 KB (pages are lazy-loaded);
 *   2. the built service on a fresh SQLite store, cases opened through the API (the real engine) until the store
 *      holds 100, then 10,000 distinct cases; at each size, the time from navigation to the case list's first rows
 *      in Chromium (median of several navigations, the browser's cache warm as at a bureau's desk), the 100-case
 *      figure the baseline of the same run.
 * Times are reported, never enforced (test/console/initial-js-size.spec.ts asserts the size budget).
 * Exit code: 0 ok; 1 the run broke.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const proc = require('./lib/proc');
const { AGENCY_CODES, fetchTokens } = require('./lib/trunk');
const { BUDGET_GZIP_BYTES, initialJs } = require('./lib/console-size');

const ROOT = path.resolve(__dirname, '../..');
const SERVICE_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const CONSOLE_DIR = path.join(ROOT, 'dist/console');
const OUT_DIR = path.join(ROOT, '.bench');
const SIZES = [100, 10_000];
const NAVIGATIONS = 7;
const CONCURRENCY = 16;
/** The city's supervisor: every case of the city's districts and counties is in their list. */
const VIEWER = 'u-431000-supervisor';
const LIST = '/cases?agencyId=ag-431000&includeSubordinates=true';

const log = (...a) => console.error(...a); // progress on stderr; the report on stdout
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const { isValidCreditCode } = require(path.join(ROOT, 'dist/workflows/enforcement-case/src/party/party-codes.js'));
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A distinct 统一社会信用代码 per case: 17 characters from the district and the number, then its check character. */
function creditCode(code, n) {
  const body = `9143${code.slice(2)}MA${n
    .toString(36)
    .toUpperCase()
    .padStart(7, '0')
    .replace(/[IOZSV]/g, 'A')}`.slice(0, 17);
  for (const c of CREDIT_CHARS) if (isValidCreditCode(body + c)) return body + c;
  throw new Error(`no check character for ${body}`);
}

const INDUSTRIES = ['fireworks', 'hazardous_chemicals', 'mining', 'construction', 'gas', 'crowded_places_fire'];
const SHOPS = ['烟花爆竹经营部', '化工贸易有限公司', '矿业有限公司', '建筑工程有限公司', '燃气服务站', '商贸城'];

/** The n-th generated case: its district, industry, party and dates vary with n (2026, within the limitation period). */
function openCaseBody(n) {
  const code = AGENCY_CODES[n % AGENCY_CODES.length];
  const kind = n % INDUSTRIES.length;
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (n % 9)).padStart(2, '0');
  return {
    code,
    body: {
      agencyId: `ag-${code}`,
      source: n % 5 === 0 ? 'complaint' : 'inspection',
      industry: INDUSTRIES[kind],
      party: { kind: 'organization', name: `郴州市第${n}号${SHOPS[kind]}`, creditCode: creditCode(code, n) },
      violations: [{ description: `检查发现安全隐患第${n}项`, provisions: ['安全生产法 Art. 41'] }],
      discoveredAt: `2026-${month}-${day}`,
      handlingOfficerIds: [`u-${code}-officer-1`, `u-${code}-officer-2`],
      summary: `第${n}号检查发现的安全隐患`,
      occurredAt: `2026-${month}-${day}T10:00:00+08:00`,
    },
  };
}

/** Opens cases n = from … to-1 through POST /api/v1/cases, CONCURRENCY at a time; every third is then filed by its head. */
async function openCases(url, tokens, from, to) {
  let next = from;
  const post = async (pathName, token, body) => {
    const res = await fetch(url + pathName, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${pathName}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  const worker = async () => {
    while (next < to) {
      const n = next++;
      const { code, body } = openCaseBody(n);
      const { case: opened } = await post('/api/v1/cases', tokens[code].officer1, body);
      if (n % 3 === 0)
        await post(`/api/v1/cases/${opened.caseId}/commands/approve-filing`, tokens[code].head, {
          occurredAt: body.occurredAt.replace('T10:', 'T15:'),
        });
      if (n % 1000 === 999) log(`  ${n + 1} cases opened`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function totalCases(url, token) {
  const res = await fetch(`${url}/api/v1${LIST}&pageSize=1`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()).total;
}

/** Waits until the case list (a read model) holds `n` cases. */
async function waitForList(url, token, n) {
  for (let i = 0; ; i++) {
    const total = await totalCases(url, token);
    if (total >= n) return total;
    if (i > 1200) throw new Error(`the case list holds ${total} cases, not ${n}, after 2 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo seed's cases, once the seed (which runs after the service answers) has stopped adding to the list. */
async function settledTotal(url, token) {
  let last = -1;
  for (let same = 0; same < 3;) {
    await new Promise((r) => setTimeout(r, 1000));
    const total = await totalCases(url, token);
    same = total === last && total > 0 ? same + 1 : 0;
    last = total;
  }
  return last;
}

/** The list's API call alone (first page, as the page asks for it), timed from this process: median of NAVIGATIONS. */
async function timeApi(url, token) {
  const times = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/v1${LIST}&page=1&pageSize=20`, { headers: { authorization: `Bearer ${token}` } });
    await res.json();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Navigations to /cases, each timed from navigation start to the first row of the table (performance.now()). */
async function timeFirstRows(page, url) {
  const times = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    await page.goto('about:blank');
    await page.goto(url + LIST);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    times.push(await page.evaluate(() => globalThis.__firstRowsAt));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1], runs: times };
}

async function benchList() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-console-bench-'));
  proc.onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = proc.startChild('service', ['--max-semi-space-size=64', '--max-old-space-size=320', SERVICE_MAIN], {
    cwd: ROOT,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      AUTH_MODE: 'dev',
      SEED_DEMO: 'true', // the dev users and agencies come from the demo directory seed (and its demo cases)
      SCHEDULER_INTERVAL_SECONDS: '0',
    },
  });
  proc.onCleanup(() => proc.stopChild(child));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  proc.onCleanup(() => browser.close());
  try {
    await proc.waitForHttp(`${url}/api/v1/health`, child, 60000);
    const tokens = await fetchTokens(url);
    const viewer = await (
      await fetch(`${url}/api/v1/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: VIEWER }),
      })
    ).json();
    const seeded = await settledTotal(url, viewer.token);

    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    // The moment the first row is in the document, on the page's own clock (0 = navigation start).
    await context.addInitScript({
      content:
        "new MutationObserver((_, o) => { if (document.querySelector('tbody tr.ant-table-row')) { window.__firstRowsAt = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });",
    });
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByRole('button', { name: new RegExp(`（${VIEWER}）`) }).click();
    await page.getByTestId('signed-in-user').waitFor();

    const points = [];
    let opened = 0;
    for (const size of SIZES) {
      const wanted = Math.max(0, size - seeded);
      log(`opening cases until the store holds ${size} (${wanted - opened} more) ...`);
      const started = Date.now();
      await openCases(url, tokens, opened, wanted);
      const openedIn = (Date.now() - started) / 1000;
      opened = wanted;
      const total = await waitForList(url, viewer.token, seeded + opened);
      log(`measuring the case list with ${total} cases ...`);
      points.push({
        cases: total,
        opened: wanted,
        openSeconds: openedIn,
        ...(await timeFirstRows(page, url)),
        apiMedianMs: await timeApi(url, viewer.token),
      });
    }
    return { points, seededDemoCases: seeded };
  } catch (e) {
    e.childTail = child.tail;
    throw e;
  }
}

function report(r) {
  const lines = ['', 'casetrail console bench', '', 'Initial JavaScript (index.html and its static imports; pages lazy-loaded):'];
  for (const c of r.size.chunks) lines.push(`  ${c.file.padEnd(40)} ${kb(c.bytes).padStart(10)}  gzip ${kb(c.gzip).padStart(9)}`);
  lines.push(
    `  total ${kb(r.size.gzip)} gzip of a ${kb(BUDGET_GZIP_BYTES)} budget (${r.size.gzip <= BUDGET_GZIP_BYTES ? 'within' : 'OVER'}); ${r.size.lazyChunks} chunks lazy`,
  );
  lines.push('', `Case list, navigation to first rows in Chromium (median of ${NAVIGATIONS}, cache warm, ${VIEWER} at ${LIST}):`);
  const base = r.list.points[0];
  for (const p of r.list.points)
    lines.push(
      `  ${String(p.cases).padStart(6)} cases: ${p.medianMs.toFixed(0).padStart(5)} ms (min ${p.minMs.toFixed(0)}, max ${p.maxMs.toFixed(0)}) — ${(p.medianMs / base.medianMs).toFixed(2)}× the ${base.cases}-case figure; the API call alone ${p.apiMedianMs.toFixed(0)} ms`,
    );
  lines.push(
    `  (${r.list.points.at(-1).opened} cases opened through the API, every third filed: ${r.list.points.at(-1).openSeconds.toFixed(0)} s)`,
  );
  return lines.join('\n');
}

async function main() {
  for (const f of [SERVICE_MAIN, path.join(CONSOLE_DIR, 'index.html')])
    if (!fs.existsSync(f))
      throw new Error(`${path.relative(ROOT, f)} not found — run \`npm run build\` (or use \`npm run bench:console\`)`);
  const size = initialJs(CONSOLE_DIR);
  size.lazyChunks = size.all.length - size.chunks.length;
  const list = await benchList();
  const result = { size, list };
  console.log(report(result));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'console.json'), JSON.stringify(result, null, 2) + '\n');
  return 0;
}

main()
  .catch((e) => {
    log(`console-bench: ${e.stack || e}`);
    if (e.childTail) log(e.childTail.join('\n'));
    return 1;
  })
  .then(async (code) => {
    await proc.cleanupAll();
    process.exit(code);
  });
