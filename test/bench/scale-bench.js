#!/usr/bin/env node
'use strict';
/**
 * casetrail scale bench (`npm run bench:scale`, which builds first): the same probes on a small store and on a
 * province-sized one, in one run.
 *
 *   1. small store: the service on a fresh store, real trunk cases driven through the API (8 connections) for
 *      --seed-seconds; then the probes (below);
 *   2. big store: the small store's closed cases replicated as distinct cases (lib/replicate.js) up to --events,
 *      written through the store's own append path; `npm run projections:rebuild` on it (SQLite);
 *   3. the service started on the big store (start-up time until /health answers), the same probes.
 *
 * Probes: trunk commands/s and p99 under the same load (8 connections, --duration s), the median time and body size
 * of the read paths (audit trail, assessment report, party search, a deep page, consistency report, a case's timeline,
 * the public decisions list), the service's peak RSS, and `npm run verify` (SQLite). A probe that fails prints its
 * status and the bench goes on. Prints one table (small beside big, with the ratio) and writes .bench/scale.json.
 */
const autocannon = require('autocannon');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const proc = require('./lib/proc');
const trunk = require('./lib/trunk');
const { runRebuildCli } = require('./lib/rebuild');
const { replicate, storeWriter, sqliteBatchWriter, readSqliteRows, readPostgresRows, postgresLastNumbers } = require('./lib/replicate');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SERVICE_MAIN = path.join(DIST, 'apps/api/src/main.js');
const CITY = 'ag-431000';
const SUPERVISOR = 'u-431000-supervisor';
const CONNECTIONS = 8;
const log = (...a) => console.error(...a);

const USAGE = `usage: npm run bench:scale -- [--events N] [--store sqlite|postgres] [--database-url URL] [--keep DIR|NAME]
                                [--smoke] [--duration N] [--seed-seconds N] [--runs N] [--skip-rebuild]
  --events N        events in the big store (default 10000000 on sqlite, 2000000 on postgres)
  --store NAME      sqlite (default) or postgres (a server from --database-url, BENCH_DATABASE_URL or TEST_DATABASE_URL)
  --database-url U  the PostgreSQL server (a role that may CREATE DATABASE)
  --keep DIR|NAME   keep the big store and reuse it on the next run (sqlite: its DATA_DIR; postgres: a database name);
                    a kept store already holding N events is not replicated again
  --skip-rebuild    do not run projections:rebuild on a reused store (its read models are already built)
  --smoke           a quick run: 100000 events, 3 s of load, 8 s of seeding, 3 runs per read probe
  --duration N      seconds of measured command load per store (default 10)
  --seed-seconds N  seconds of trunk load that make the small store's real cases (default 20)
  --runs N          timed runs of each read probe (default 5; the median is printed)`;

function parseArgs(argv) {
  const o = {
    store: 'sqlite',
    events: null,
    keep: null,
    smoke: false,
    duration: 10,
    seedSeconds: 20,
    runs: 5,
    skipRebuild: false,
    databaseUrl: null,
  };
  for (let i = 0; i < argv.length; i++) {
    let [arg, value] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    const int = () => {
      const n = Number(next());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} needs a positive integer`);
      return n;
    };
    if (arg === '--events') o.events = int();
    else if (arg === '--store') o.store = next();
    else if (arg === '--database-url') o.databaseUrl = next();
    else if (arg === '--keep') o.keep = next();
    else if (arg === '--smoke') o.smoke = true;
    else if (arg === '--skip-rebuild') o.skipRebuild = true;
    else if (arg === '--duration') o.duration = int();
    else if (arg === '--seed-seconds') o.seedSeconds = int();
    else if (arg === '--runs') o.runs = int();
    else if (arg === '-h' || arg === '--help') o.help = true;
    else throw new Error(`unknown argument "${argv[i]}"`);
  }
  if (!['sqlite', 'postgres'].includes(o.store)) throw new Error(`--store ${o.store}: sqlite or postgres`);
  if (o.smoke) Object.assign(o, { events: o.events ?? 100_000, duration: 3, seedSeconds: 8, runs: 3 });
  o.events = o.events ?? (o.store === 'sqlite' ? 10_000_000 : 2_000_000);
  if (o.databaseUrl) process.env.BENCH_DATABASE_URL = o.databaseUrl;
  return o;
}

/* ------------------------------------------------------------------------------------------------------------ */

const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

function runAutocannon(opts) {
  return new Promise((resolve, reject) => autocannon({ timeout: 10, pipelining: 1, ...opts }, (e, r) => (e ? reject(e) : resolve(r))));
}

/** The service, as `npm run serve` starts it, on `env` (DATA_DIR or the PostgreSQL database); resolves once /health answers. */
async function startService(dataDir, storeEnv) {
  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const flags = proc.scriptNodeFlags(ROOT, 'serve');
  const env = proc.serviceEnv(port, dataDir, storeEnv);
  const t0 = process.hrtime.bigint();
  const child = proc.startChild('casetrail', [...flags, SERVICE_MAIN], { cwd: ROOT, env });
  await proc.waitForHttp(`${url}/api/v1/health`, child, 600_000);
  return { child, url, startSeconds: seconds(t0), sampler: proc.startRssSampler(child.pid, 200) };
}

async function devToken(url, userId) {
  const res = await fetch(`${url}/api/v1/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (res.status !== 200) throw new Error(`dev-token ${userId}: HTTP ${res.status}`);
  return (await res.json()).token;
}

/**
 * Waits until every read model has caught up with the store (GET /projections: lag 0), so the probes read complete
 * read models (on PostgreSQL the service projects a grown store on start; on SQLite the rebuild did it already).
 * Returns the seconds waited, or a failure.
 */
async function waitCaughtUp(url, timeoutMs = 3_600_000) {
  const t0 = process.hrtime.bigint();
  const token = await devToken(url, 'u-431000-admin');
  let last = '';
  while (seconds(t0) * 1000 < timeoutMs) {
    const res = await fetch(`${url}/api/v1/projections`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json().catch(() => null);
    if (res.status !== 200 || !Array.isArray(body)) return { failure: `GET /projections: HTTP ${res.status}` };
    if (body.every((p) => p.lag === '0')) return { seconds: seconds(t0) };
    last = body.map((p) => `${p.name ?? '?'} ${p.lag}`).join(', ');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { failure: `read models still lagging after ${timeoutMs / 1000} s: ${last}` };
}

/** Trunk commands under `CONNECTIONS` connections for `duration` s (after a 2 s warm-up); keeps the closed cases. */
async function commandLoad(url, tokens, duration, closed) {
  await runAutocannon({
    url,
    connections: CONNECTIONS,
    duration: 2,
    requests: trunk.buildTrunkRequests({ tokens, stats: trunk.newStats() }),
  });
  const stats = trunk.newStats();
  const r = await runAutocannon({ url, connections: CONNECTIONS, duration, requests: trunk.buildTrunkRequests({ tokens, stats }) });
  if (closed) closed.push(...stats.closed);
  return { perSec: r.requests.mean, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, casesClosed: stats.casesClosed };
}

/** `runs` timed GETs after one untimed: the median time, the body size, or the failure. */
async function readProbe(url, pathAndQuery, token, runs) {
  const times = [];
  let bytes = null;
  let failure = null;
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    try {
      const res = await fetch(`${url}${pathAndQuery}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(120_000),
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status >= 400) {
        failure = `HTTP ${res.status}: ${body.toString('utf8').slice(0, 160)}`;
        break;
      }
      if (i > 0) times.push(seconds(t0) * 1000);
      bytes = body.length;
    } catch (e) {
      failure = `${e.name}: ${e.cause ? e.cause.code || e.cause.message : e.message}`;
      break;
    }
  }
  times.sort((a, b) => a - b);
  return failure ? { failure } : { medianMs: times[Math.floor(times.length / 2)], bytes };
}

/** `npm run verify` on a SQLite DATA_DIR: events/s of the whole chain. */
function verify(dataDir) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    execFile(
      process.execPath,
      [path.join(DIST, 'apps/api/src/integrity/verify.cli.js')],
      { env: { ...process.env, DATA_DIR: dataDir }, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const took = seconds(t0);
        const m = /(\d+) events/.exec(stdout);
        if (err || !m) resolve({ failure: (stderr || stdout || String(err)).trim().slice(0, 200) });
        else resolve({ events: Number(m[1]), seconds: took, eventsPerSec: Number(m[1]) / took });
      },
    );
  });
}

/** The probes of one store, on a running service; a probe that fails is recorded, not thrown. */
async function probeStore(label, svc, tokens, opts, ctx) {
  const out = { startSeconds: svc.startSeconds };
  log(`${label}: waiting for the read models to catch up ...`);
  out.catchUp = await waitCaughtUp(svc.url).catch((e) => ({ failure: e.message }));
  const attempt = async (name, fn) => {
    log(`${label}: ${name} ...`);
    try {
      out[name] = await fn();
    } catch (e) {
      out[name] = { failure: e.message };
    }
    if (svc.child.exited) {
      out[name] = {
        ...(out[name] || {}),
        failure: `service exited (code ${svc.child.exitCode}, signal ${svc.child.exitSignal}): ${svc.child.tail.slice(-3).join(' | ')}`,
      };
    }
  };
  const closed = [];
  await attempt('commands', () => commandLoad(svc.url, tokens, opts.duration, closed));
  const sup = await devToken(svc.url, SUPERVISOR).catch(() => null);
  // The timeline of the whole case: up to its last revision (the route asks for one).
  // The same case on both stores; a kept big store was not copied from this run's small store: one of its own cases.
  const tl = ctx.timelineCase && !(label === 'big' && ctx.reused) ? ctx.timelineCase : closed[0];
  const tlToken = tl && tokens[tl.code].officer1;
  const tlRevision = tl
    ? await fetch(`${svc.url}/api/v1/cases/${tl.caseId}`, { headers: { authorization: `Bearer ${tlToken}` } })
        .then((res) => res.json())
        .then((v) => v.revision)
        .catch(() => undefined)
    : undefined;
  const scope = `agencyId=${CITY}&includeSubordinates=true`;
  const reads = [
    ['audit', `/api/v1/audit?agencyId=${CITY}&limit=100`, sup],
    ['assessment', `/api/v1/reports/assessment?${scope}&year=${ctx.year}`, sup],
    ['party', `/api/v1/cases?${scope}&party=${encodeURIComponent('矿业')}`, sup],
    ['deepPage', `/api/v1/cases?${scope}&stage=closed&page=50`, sup],
    ['consistency', `/api/v1/reports/consistency?${scope}&year=${ctx.year}`, sup],
    ['timeline', tl && tlRevision != null ? `/api/v1/cases/${tl.caseId}/timeline?revision=${tlRevision}` : null, tlToken],
    ['publicDecisions', `/api/v1/public/decisions`, null],
  ];
  for (const [name, p, token] of reads) {
    if (!p) out[name] = { failure: 'no closed case (or its revision) to read' };
    else await attempt(name, () => readProbe(svc.url, p, token, opts.runs));
  }
  out.memory = svc.sampler.finish();
  return out;
}

/* ------------------------------------------------------------------------------------------------------------ */

/** Where a store lives: SQLite (a DATA_DIR) or PostgreSQL (a database on the bench server). */
async function sqliteStores(opts) {
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-scale-small-'));
  proc.onCleanup(() => fs.rmSync(small, { recursive: true, force: true }));
  let big = opts.keep ? path.resolve(opts.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-scale-big-'));
  if (!opts.keep) proc.onCleanup(() => fs.rmSync(big, { recursive: true, force: true }));
  fs.mkdirSync(big, { recursive: true });
  const file = (dir) => path.join(dir, 'casetrail.db');
  return {
    small: { dataDir: small, env: {} },
    big: { dataDir: big, env: {} },
    reused: fs.existsSync(file(big)),
    /** The big store starts as a copy of the small one (VACUUM INTO: a consistent copy of a WAL database). */
    seedBig() {
      const Database = require('better-sqlite3');
      const src = new Database(file(small), { readonly: true });
      src.exec(`VACUUM INTO '${file(big).replace(/'/g, "''")}'`);
      src.close();
    },
    sourceRows: () => readSqliteRows(file(small)),
    openWriter: (which) => sqliteBatchWriter(path.join(DIST, 'libs/event-store/src/sqlite'), file(which.dataDir)),
  };
}

async function postgresStores(opts) {
  const admin = opts.databaseUrl || process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!admin) throw new Error('--store postgres needs a server: --database-url, BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const { Client } = require('pg');
  const q = async (sql) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const urlOf = (db) => Object.assign(new URL(admin), { pathname: `/${db}` }).href;
  const smallDb = `casetrail_scale_small_${process.pid}`;
  const bigDb = opts.keep || `casetrail_scale_big_${process.pid}`;
  await q(`CREATE DATABASE "${smallDb}"`);
  proc.onCleanup(() => q(`DROP DATABASE IF EXISTS "${smallDb}" WITH (FORCE)`));
  const reused = (await q(`SELECT 1 FROM pg_database WHERE datname = '${bigDb.replace(/'/g, "''")}'`)).rowCount > 0;
  if (!opts.keep) proc.onCleanup(() => q(`DROP DATABASE IF EXISTS "${bigDb}" WITH (FORCE)`));
  const env = (db) => ({ EVENT_STORE: 'postgres', DATABASE_URL: urlOf(db), PG_SCHEMA: 'casetrail' });
  const tmp = (name) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), `casetrail-scale-${name}-`));
    proc.onCleanup(() => fs.rmSync(d, { recursive: true, force: true }));
    return d;
  };
  return {
    small: { dataDir: tmp('small'), env: env(smallDb) },
    big: { dataDir: tmp('big'), env: env(bigDb) },
    reused,
    /** The big database starts as a copy of the small one (CREATE DATABASE … TEMPLATE). */
    seedBig: () => q(`CREATE DATABASE "${bigDb}" TEMPLATE "${smallDb}"`),
    sourceRows: () => readPostgresRows({ url: urlOf(smallDb), schema: 'casetrail' }),
    /** The adapter's append path: appends queued together share its group-commit transactions. */
    async openWriter(which) {
      const { PostgresEventStore } = require(path.join(DIST, 'libs/event-store/src/postgres/postgres.event-store.js'));
      const store = await PostgresEventStore.open({ connectionString: which.env.DATABASE_URL, schema: 'casetrail', listen: false });
      const lastNumbers = () => postgresLastNumbers({ url: which.env.DATABASE_URL, schema: 'casetrail' });
      return { ...storeWriter(store), lastNumbers, close: () => store.close() };
    },
  };
}

/** `npm run projections:rebuild` on a SQLite DATA_DIR; a failure is recorded, not thrown. */
function rebuild(dataDir) {
  const t0 = process.hrtime.bigint();
  try {
    return { ...runRebuildCli(ROOT, dataDir), seconds: seconds(t0) };
  } catch (e) {
    const text = [e.stderr, e.stdout, e.message].filter(Boolean).join(' ');
    return { failure: text.trim().split('\n').slice(-2).join(' ').slice(0, 300) };
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n) => (n < 10 ? `${n.toFixed(1)} ms` : `${fmtInt(n)} ms`);
const fmtBytes = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(1)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} kB` : `${b} B`);

/** The table: one row per probe, small beside big, with the ratio big/small. */
function table(r) {
  const rows = [];
  const cell = (x, f) => (!x ? '—' : x.failure ? `FAILED: ${x.failure}` : f(x));
  const ratio = (a, b, get) => (a && b && !a.failure && !b.failure && get(a) ? `${(get(b) / get(a)).toFixed(2)}×` : '');
  const read = (x) => `${fmtMs(x.medianMs)}, ${fmtBytes(x.bytes)}`;
  const s = r.small;
  const b = r.big || {};
  rows.push([
    `trunk commands, ${CONNECTIONS} connections`,
    cell(s.commands, (x) => `${fmtInt(x.perSec)} cmd/s, p99 ${x.p99} ms`),
    cell(b.commands, (x) => `${fmtInt(x.perSec)} cmd/s, p99 ${x.p99} ms`),
    ratio(s.commands, b.commands, (x) => x.perSec) +
      (s.commands && b.commands && !s.commands.failure && !b.commands.failure
        ? ` (p99 ${(b.commands.p99 / s.commands.p99).toFixed(2)}×)`
        : ''),
  ]);
  const reads = [
    ['audit', `GET /audit?agencyId=${CITY}&limit=100 (supervisor)`],
    ['assessment', `GET /reports/assessment?…&includeSubordinates=true&year=${r.year}`],
    ['party', 'GET /cases?…&party=矿业'],
    ['deepPage', 'GET /cases?…&stage=closed&page=50'],
    ['consistency', `GET /reports/consistency?…&year=${r.year}`],
    ['timeline', 'GET /cases/{id}/timeline (a trunk case)'],
    ['publicDecisions', 'GET /public/decisions'],
  ];
  for (const [k, label] of reads) rows.push([label, cell(s[k], read), cell(b[k], read), ratio(s[k], b[k], (x) => x.medianMs)]);
  rows.push([
    'start-up until /health answers',
    cell(s, (x) => `${x.startSeconds.toFixed(1)} s`),
    cell(b, (x) => (x.startSeconds == null ? '—' : `${x.startSeconds.toFixed(1)} s`)),
    '',
  ]);
  rows.push([
    'read models caught up, after start-up',
    cell(s.catchUp, (x) => `${x.seconds.toFixed(1)} s`),
    cell(b.catchUp, (x) => `${x.seconds.toFixed(1)} s`),
    '',
  ]);
  const mem = (x) => (x.memory && x.memory.peakBytes ? `${fmtInt(x.memory.peakBytes / 1048576)} MB` : 'n/a');
  rows.push(['peak RSS of the service', cell(s, mem), cell(b, mem), '']);
  const ver = (x) => `${fmtInt(x.eventsPerSec)} events/s (${fmtInt(x.events)} in ${x.seconds.toFixed(1)} s)`;
  const sqliteOnly = r.config.store === 'sqlite' ? null : 'n/a (a SQLite CLI)';
  rows.push(['npm run verify', sqliteOnly ?? cell(s.verify, ver), sqliteOnly ?? cell(b.verify, ver), '']);
  if (r.replication)
    rows.push([
      'replication (distinct cases)',
      '',
      `${fmtInt(r.replication.eventsPerSec)} events/s (${fmtInt(r.replication.cases)} cases, ${fmtInt(r.replication.events)} events in ${r.replication.seconds.toFixed(1)} s)`,
      '',
    ]);
  if (sqliteOnly)
    rows.push(['npm run projections:rebuild', '', `${sqliteOnly}: the service projects the grown store on start (above)`, '']);
  else if (r.rebuild)
    rows.push([
      'npm run projections:rebuild',
      '',
      cell(
        r.rebuild,
        (x) =>
          `${fmtInt(x.eventsPerSec)} events/s (${fmtInt(x.events)} in ${x.seconds.toFixed(1)} s, longest lock ${x.longestLockSeconds ?? '?'} s)`,
      ),
      '',
    ]);
  const head = [
    `at ${fmtInt(r.bigEvents || r.config.events)} events (${r.config.store})`,
    `small store (${fmtInt(r.smallEvents || 0)} events)`,
    'big store',
    'big / small',
  ];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const line = (row) => `| ${row.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

async function headOf(url) {
  try {
    return Number((await (await fetch(`${url}/api/v1/health`)).json()).headPosition);
  } catch {
    return null;
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    log(`scale-bench: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  if (!fs.existsSync(SERVICE_MAIN)) {
    log('scale-bench: dist/ not found — run `npm run build` (or use `npm run bench:scale`)');
    return 1;
  }
  proc.installSignalHandlers({ log });
  const stores = opts.store === 'sqlite' ? await sqliteStores(opts) : await postgresStores(opts);
  const phases = {};
  const timed = async (name, fn) => {
    const t0 = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      phases[name] = seconds(t0);
      log(`  (${name}: ${phases[name].toFixed(1)} s)`);
    }
  };
  const result = {
    config: { ...opts, connections: CONNECTIONS },
    machine: { cores: os.availableParallelism(), node: process.version },
    phases,
  };
  const ctx = { closed: [], year: null, timelineCase: null, reused: stores.reused };

  // 1. The small store: real cases through the API, then the probes.
  log(`scale: small store — the service on a fresh ${opts.store} store, ${opts.seedSeconds} s of trunk cases ...`);
  let svc = await timed('small: start', () => startService(stores.small.dataDir, stores.small.env));
  try {
    const tokens = await trunk.fetchTokens(svc.url);
    await timed('small: seed cases', () => commandLoad(svc.url, tokens, opts.seedSeconds, ctx.closed));
    ctx.timelineCase = ctx.closed[0] || null;
    ctx.year = 2026; // the trunk's cases are dated 2026 (the holiday calendar's last year)
    result.small = await timed('small: probes', () => probeStore('small', svc, tokens, opts, ctx));
    result.smallEvents = await headOf(svc.url);
  } finally {
    await proc.stopChild(svc.child);
  }
  if (opts.store === 'sqlite') result.small.verify = await timed('small: verify', () => verify(stores.small.dataDir));

  // 2. The big store: replicas of the small store's closed cases, then the read models rebuilt.
  if (!stores.reused) await timed('big: copy small store', () => stores.seedBig());
  const writer = await stores.openWriter(stores.big);
  const head = Number(await writer.headPosition());
  if (head < opts.events) {
    log(
      `scale: replicating ${stores.reused ? `the kept store (${fmtInt(head)} events)` : 'the small store'} to ${fmtInt(opts.events)} events ...`,
    );
    const sourceRows = await stores.sourceRows();
    let lastPrint = 0;
    result.replication = await timed('big: replicate', () =>
      replicate({
        writer,
        sourceRows,
        targetEvents: opts.events,
        onProgress: (n, target) => {
          if (Date.now() - lastPrint < 2000) return;
          lastPrint = Date.now();
          process.stderr.write(`\r  ${fmtInt(n)} / ${fmtInt(target)} events`);
        },
      }),
    );
    log(
      `\n  ${fmtInt(result.replication.eventsPerSec)} events/s: ${fmtInt(result.replication.cases)} distinct cases from ${result.replication.templates} closed cases, years ${result.replication.years.join('–')}, ${result.replication.agencies.length} agencies`,
    );
  } else log(`scale: reusing the kept big store (${fmtInt(head)} events)`);
  await writer.close();
  if (opts.store === 'sqlite' && !(opts.skipRebuild && stores.reused && !result.replication)) {
    log('scale: npm run projections:rebuild on the big store ...');
    result.rebuild = await timed('big: rebuild', () => rebuild(stores.big.dataDir));
    if (result.rebuild.failure) log(`  rebuild FAILED: ${result.rebuild.failure}`);
  }

  // 3. The service on the big store, the same probes.
  log('scale: big store — starting the service ...');
  try {
    svc = await timed('big: start', () => startService(stores.big.dataDir, stores.big.env));
    try {
      const tokens = await trunk.fetchTokens(svc.url);
      result.bigEvents = await headOf(svc.url);
      result.big = await timed('big: probes', () => probeStore('big', svc, tokens, opts, ctx));
    } finally {
      await proc.stopChild(svc.child);
    }
  } catch (e) {
    result.big = { failure: `service did not start: ${e.message}` };
  }
  if (opts.store === 'sqlite') result.big.verify = await timed('big: verify', () => verify(stores.big.dataDir));
  result.year = ctx.year;

  console.log(
    `\ncasetrail scale bench — ${result.machine.cores} cores, ${opts.store}${stores.reused ? ' (kept big store reused)' : ''}${opts.keep ? `, big store kept at ${opts.keep}` : ''}\n`,
  );
  console.log(table(result));
  console.log(
    `\nphases: ${Object.entries(phases)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}`,
  );
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.bench/scale.json'), JSON.stringify(result, null, 2) + '\n');
  return 0;
}

proc.runMain('scale-bench', main);
