#!/usr/bin/env node
'use strict';
/**
 * casetrail throughput bench (`npm run bench`, which builds first).
 *
 *   1. baseline: a bare Fastify JSON echo server (child process), POST bodies the size of the trunk commands;
 *   2. the service: dist/apps/api/src/main.js (child process) on a fresh temp DATA_DIR, every connection walking
 *      cases through the whole trunk (open-case … close-case);
 *   3. the service's floor, on the same service: the same commands on cases that do not exist (404), so the CPU a
 *      durable command spends above routing, token and access checks is visible;
 * one after the other, each after an uncounted warm-up, each driven by autocannon from this process.
 * Prints a report and writes the same figures to .bench/last.json.
 *
 * Exit code: 0 ok; 1 a target failed to start / the run broke / more than 1% of the service's requests failed
 * (non-2xx, errors, timeouts); 2 bad arguments. Throughput targets are reported, never enforced.
 */

const autocannon = require('autocannon');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { parseArgs, UsageError, USAGE } = require('./lib/args');
const { STORES } = require('./lib/stores');
const proc = require('./lib/proc');
const trunk = require('./lib/trunk');
const { measureTimeline } = require('./lib/timeline');
const { measureRebuild } = require('./lib/rebuild');

const ROOT = path.resolve(__dirname, '../..');
const SERVICE_MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');

const ECHO_SERVER = path.join(__dirname, 'echo-server.js');
const OUT_DIR = path.join(ROOT, '.bench');
const TARGET_RATIO = 0.15;
const TARGET_CPU_US = 200;
const TARGET_RSS_MB = 300;
const MAX_FAILURE_RATE = 0.01;

const log = (...a) => console.error(...a); // progress on stderr; the report on stdout

/* ----------------------------------------------------------------------------------------------------------- */

function runAutocannon(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 10, pipelining: 1, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
    currentRun = instance;
    instance.on('done', () => {
      if (currentRun === instance) currentRun = null;
    });
  });
}
let currentRun = null;
let lastServiceDataDir = null; // the rebuild phase replicates the service run's history
let interrupted = false;

function summarize(result) {
  const total = result.requests.total; // responses received, any status
  return {
    requestsPerSec: result.requests.mean,
    totalResponses: total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors, // connection errors + timeouts
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats || {}).map(([k, v]) => [k, v.count])),
    durationSec: result.duration,
  };
}

/* ----------------------------------------------------------------------------------------------------------- */

async function benchBaseline(opts) {
  const port = await proc.freePort();
  const child = proc.startChild('baseline echo server', [ECHO_SERVER], { cwd: ROOT, env: { PORT: String(port), HOST: '127.0.0.1' } });
  const url = `http://127.0.0.1:${port}`;
  try {
    await proc.waitForHttp(`${url}/health`, child, 15000);
    const bodies = trunk.sampleBodies();
    const requests = bodies.map((body) => ({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + 'x'.repeat(200) },
      body,
    }));
    const base = { url, connections: opts.connections, requests };
    if (opts.warmup > 0) {
      log(`baseline: warm-up ${opts.warmup} s ...`);
      await runAutocannon({ ...base, duration: opts.warmup });
    }
    log(`baseline: measuring ${opts.duration} s ...`);
    const result = summarize(await runAutocannon({ ...base, duration: opts.duration }));
    result.bodyBytes = {
      min: Math.min(...bodies.map((b) => Buffer.byteLength(b))),
      max: Math.max(...bodies.map((b) => Buffer.byteLength(b))),
      mean: Math.round(bodies.reduce((s, b) => s + Buffer.byteLength(b), 0) / bodies.length),
    };
    return result;
  } catch (e) {
    e.childTail = child.tail;
    throw e;
  } finally {
    await proc.stopChild(child);
  }
}

/* ----------------------------------------------------------------------------------------------------------- */

async function benchService(opts, store) {
  if (!fs.existsSync(SERVICE_MAIN)) {
    const e = new Error(`${path.relative(ROOT, SERVICE_MAIN)} not found — run \`npm run build\` (or use \`npm run bench\`)`);
    e.startFailure = true;
    throw e;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-bench-'));
  if (opts.keepData) log(`service DATA_DIR (kept): ${dataDir}`);
  else proc.onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  await store.prepare({ dataDir, log });
  proc.onCleanup(() => store.cleanup({ dataDir }));

  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = proc.serviceEnv(port, dataDir, store.env({ dataDir }));
  // The service runs with the same node flags as `npm run serve` (package.json), e.g. its heap limit.
  const args = [...proc.scriptNodeFlags(ROOT, 'serve'), ...(store.probe ? ['-r', store.probe] : []), SERVICE_MAIN];
  const child = proc.startChild('casetrail', args, { cwd: ROOT, env, ipc: Boolean(store.probe) });
  let sampler = null;
  const out = { dataDir: opts.keepData ? dataDir : undefined };
  lastServiceDataDir = dataDir;
  try {
    try {
      await proc.waitForHttp(`${url}/api/v1/health`, child, 60000);
    } catch (e) {
      e.startFailure = true;
      throw e;
    }
    sampler = proc.startRssSampler(child.pid, 250);
    const tokens = await trunk.fetchTokens(url);

    const printError = (s) => interrupted || log(`  non-2xx: ${s.step} → ${s.status} (ag-${s.agency}, case ${s.caseId ?? '-'}): ${s.body}`);
    const base = { url, connections: opts.connections };

    if (opts.warmup > 0) {
      log(`service: warm-up ${opts.warmup} s ...`);
      const warmStats = trunk.newStats();
      await runAutocannon({
        ...base,
        duration: opts.warmup,
        requests: trunk.buildTrunkRequests({ tokens, stats: warmStats, onError: (s) => printError({ ...s, step: `[warm-up] ${s.step}` }) }),
      });
      out.warmup = { ok: warmStats.ok, non2xx: warmStats.non2xx, casesClosed: warmStats.casesClosed, failures: warmStats.failures };
    }

    const headBefore = await healthHead(url);
    const probeBefore = await proc.askChild(child, 'stats');
    const cpuBefore = proc.readProcCpuSeconds(child.pid);

    log(`service: measuring ${opts.duration} s ...`);
    const stats = trunk.newStats();
    const result = summarize(
      await runAutocannon({ ...base, duration: opts.duration, requests: trunk.buildTrunkRequests({ tokens, stats, onError: printError }) }),
    );

    const cpuAfter = proc.readProcCpuSeconds(child.pid);
    const probeAfter = await proc.askChild(child, 'stats');
    const headAfter = await healthHead(url);

    log(`service: verifying a sample of closed cases ...`);
    const verification = await trunk.verifyClosed(url, tokens, stats.closed, 30);
    const documentNumbers = trunk.checkDocumentNumbers(stats.closed);

    // Peak RSS is the command load's: read it before the timeline phase builds and replays its long case.
    out.memory = sampler ? sampler.finish() : null;
    sampler = null;

    out.floor = await benchFloor(opts, base, child, tokens);

    log(`service: timeline replay of a 1,000-event case ...`);
    const timeline = await measureTimeline(url, tokens);

    Object.assign(out, result, {
      casesOpened: stats.casesOpened,
      casesClosed: stats.casesClosed,
      sequenceRestarts: stats.restarts,
      steps: stats.steps,
      failures: stats.failures,
      errorSamples: stats.errorSamples,
      verification,
      documentNumbers,
      timeline,
      // The service's own CPU (every thread) per answered command over the measured window: the cost a command
      // carries, independent of how many cores the load generator leaves it.
      cpu: cpuUse(cpuBefore, cpuAfter, result),
      eventsAppended: headBefore != null && headAfter != null ? Number(headAfter - headBefore) : null,
      store: storeCounters(probeBefore, probeAfter),
    });
    return out;
  } catch (e) {
    e.childTail = child.tail;
    throw e;
  } finally {
    if (sampler) out.memory = sampler.finish(); // final VmHWM read while the child is still alive
    if (child.exited && !out.exitNoted) out.childExited = { code: child.exitCode, signal: child.exitSignal, tail: child.tail.slice(-20) };
    await proc.stopChild(child);
  }
}

/**
 * The service's own floor, on the same service and under the same load: the trunk's commands on cases that do not
 * exist (routing, token, access guard, the case stream's load, a 404 problem). What a durable command costs above
 * this is casetrail's (fold, decide, validate, append, project); the floor itself is mostly the framework's.
 */
async function benchFloor(opts, base, child, tokens) {
  const requests = trunk.buildMissingCaseRequests({ tokens });
  if (opts.warmup > 0) {
    log(`service floor: warm-up ${opts.warmup} s ...`);
    await runAutocannon({ ...base, duration: opts.warmup, requests });
  }
  const cpuBefore = proc.readProcCpuSeconds(child.pid);
  log(`service floor (missing case): measuring ${opts.duration} s ...`);
  const result = summarize(await runAutocannon({ ...base, duration: opts.duration, requests }));
  const cpuAfter = proc.readProcCpuSeconds(child.pid);
  result.cpu = cpuUse(cpuBefore, cpuAfter, result);
  return result;
}

/** The service's CPU (every thread) over a measured window, per answered request. */
function cpuUse(before, after, result) {
  if (before == null || after == null || result.totalResponses <= 0) return null;
  return {
    seconds: after - before,
    cores: (after - before) / result.durationSec,
    usPerCommand: ((after - before) * 1e6) / result.totalResponses,
  };
}

async function healthHead(url) {
  try {
    const res = await fetch(`${url}/api/v1/health`);
    const body = await res.json();
    return BigInt(body.headPosition);
  } catch {
    return null;
  }
}

function storeCounters(before, after) {
  if (!before || !after || before.error || after.error) return before && before.error ? { error: before.error } : null;
  const d = (k) => (before[k] == null || after[k] == null ? null : after[k] - before[k]);
  return { commits: d('commits'), appends: d('appends'), appendFailures: d('appendFailures') };
}

/* ----------------------------------------------------------------------------------------------------------- */

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n == null ? '?' : n < 1 ? '<1 ms' : n < 10 ? `${Math.round(n * 10) / 10} ms` : `${Math.round(n)} ms`);

function report(r) {
  const lines = [];
  const L = (label, text) => lines.push(`${label.padEnd(38)}: ${text}`);
  lines.push('');
  lines.push(
    `casetrail bench — ${r.machine.cores} cores, ${r.config.connections} connections, ${r.config.durationSec} s each (+${r.config.warmupSec} s warm-up), ${r.config.storeLabel}`,
  );
  const b = r.baseline;
  const s = r.service;
  const w = Math.max(int(b.requestsPerSec).length, int(s.requestsPerSec).length);
  L(
    'baseline  bare Fastify JSON echo',
    `${int(b.requestsPerSec).padStart(w)} req/s  p50 ${ms(b.latencyMs.p50)}  p99 ${ms(b.latencyMs.p99)}   (non-2xx: ${b.non2xx}, errors: ${b.errors})`,
  );
  L(
    'casetrail durable trunk commands',
    `${int(s.requestsPerSec).padStart(w)} cmd/s  p50 ${ms(s.latencyMs.p50)}  p99 ${ms(s.latencyMs.p99)}   (non-2xx: ${s.non2xx}, errors: ${s.errors}, cases closed: ${int(s.casesClosed)})`,
  );
  L('ratio (casetrail / baseline)', `${r.ratio.toFixed(2)}x  (target >= ${TARGET_RATIO.toFixed(2)}x)`);
  if (s.cpu)
    L(
      'service CPU per durable command',
      `${Math.round(s.cpu.usPerCommand)} µs (${s.cpu.cores.toFixed(2)} cores busy over the measured ${r.config.durationSec} s; target <= ${TARGET_CPU_US} µs)`,
    );
  const f = s.floor;
  if (f) {
    const notFound = f.statusCodes['404'] ?? 0;
    L(
      'service floor: command, missing case',
      `${int(f.requestsPerSec).padStart(w)} req/s  p50 ${ms(f.latencyMs.p50)}  p99 ${ms(f.latencyMs.p99)}   (404: ${int(notFound)}, other: ${int(f.totalResponses - notFound)}, errors: ${f.errors})`,
    );
    if (f.cpu) L('  floor CPU per request', `${Math.round(f.cpu.usPerCommand)} µs (${f.cpu.cores.toFixed(2)} cores busy)`);
    if (f.cpu && s.cpu) {
      const own = s.cpu.usPerCommand - f.cpu.usPerCommand;
      L(
        '  share of a durable command',
        `framework floor ${Math.round(f.cpu.usPerCommand)} µs (${Math.round((100 * f.cpu.usPerCommand) / s.cpu.usPerCommand)}%), casetrail above it ${Math.round(own)} µs (${Math.round((100 * own) / s.cpu.usPerCommand)}%)`,
      );
    }
  }
  const mem = s.memory && s.memory.peakBytes != null ? `${Math.round(s.memory.peakBytes / 1048576)} MB` : 'n/a';
  L('service peak RSS', `${mem} (target <= ${TARGET_RSS_MB} MB)`);
  if (s.store && s.store.commits != null && s.store.appends != null) {
    const per = s.store.commits > 0 ? (s.store.appends / s.store.commits).toFixed(1) : '-';
    L(
      `${r.config.store === 'postgres' ? 'PostgreSQL' : 'SQLite'} commits / appends`,
      `${int(s.store.commits)} / ${int(s.store.appends)}  (${per} appends per fsync'd commit; ${int(s.eventsAppended ?? 0)} events)`,
    );
  } else if (s.eventsAppended != null) {
    L('events appended', int(s.eventsAppended));
  }
  const v = s.verification;
  if (r.service.timeline) {
    const tl = r.service.timeline;
    L(
      'timeline replay (1,000-event case)',
      `median ${tl.medianMs.toFixed(1)} ms, p95 ${tl.p95Ms.toFixed(1)} ms over ${tl.runs} runs, first (history not yet read) ${tl.firstMs.toFixed(1)} ms, ${tl.events} events (target <= 20 ms, HTTP round trip included)`,
    );
  }
  if (r.rebuild) {
    const rb = r.rebuild;
    L(
      'rebuild all read models',
      `${int(rb.eventsPerSec)} events/s (${int(rb.events)} events in ${rb.seconds.toFixed(1)} s; target >= 100,000 events/s on >= 1M events)`,
    );
    L('  baseline read + JSON.parse only', `${int(rb.baselineEventsPerSec)} events/s; ratio ${rb.ratio.toFixed(2)}x`);
  }
  L(
    'closed cases verified (GET stage)',
    `${v.closed}/${v.checked} closed${v.mismatches.length ? `  MISMATCHES: ${JSON.stringify(v.mismatches.slice(0, 3))}` : ''}`,
  );
  const dn = s.documentNumbers;
  const dnText = (x) =>
    `${int(x.distinct)} distinct / ${int(x.cases)}${x.sharedNumbers ? ` — DUPLICATES: ${int(x.sharedNumbers)} numbers shared by ${int(x.casesWithSharedNumber)} cases` : ''}`;
  L('case nos (closed cases)', dnText(dn.caseNo));
  L('decision nos (closed cases)', dnText(dn.decisionNo));
  if (Object.keys(s.failures).length) L('service failures by step', JSON.stringify(s.failures));
  L('service failure rate', `${(r.serviceFailureRate * 100).toFixed(2)}% (limit ${(MAX_FAILURE_RATE * 100).toFixed(0)}%)`);
  return lines.join('\n');
}

/* ----------------------------------------------------------------------------------------------------------- */

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`run-bench: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const store = STORES[opts.store];
  proc.installSignalHandlers({
    log,
    onSignal: () => {
      interrupted = true; // responses from here on come from a service shutting down: don't report them
      if (currentRun) currentRun.stop();
    },
  });

  const machine = {
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: (os.cpus()[0] || {}).model,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  log(
    `casetrail bench: ${machine.cores} cores, ${opts.connections} connections, ${opts.duration} s (+${opts.warmup} s warm-up) per target, store ${opts.store}`,
  );

  const startedAt = new Date().toISOString();
  let baseline;
  let service;
  let rebuild = null;
  try {
    baseline = await benchBaseline(opts);
    if (interrupted) return 130;
    service = await benchService(opts, store);
    if (interrupted) return 130;
    if (opts.rebuildEvents > 0 && opts.store === 'sqlite')
      rebuild = await measureRebuild({ root: ROOT, sourceDir: lastServiceDataDir, minEvents: opts.rebuildEvents, log });
    else if (opts.rebuildEvents > 0)
      log(
        `rebuild phase skipped on --store ${opts.store}: npm run projections:rebuild (the timed CLI) rebuilds the SQLite read models only`,
      );
  } catch (e) {
    if (interrupted) return 130;
    log(`\nrun-bench: ${e.startFailure ? 'the service failed to start' : 'the bench failed'}: ${e.stack || e.message}`);
    if (e.childTail && e.childTail.length) log(`--- last child output ---\n${e.childTail.slice(-30).join('\n')}\n---`);
    return 1;
  }

  const attempted = service.totalResponses + service.errors;
  const serviceFailureRate = attempted > 0 ? (service.non2xx + service.errors) / attempted : 1;
  const result = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    config: {
      connections: opts.connections,
      durationSec: opts.duration,
      warmupSec: opts.warmup,
      store: opts.store,
      storeLabel: store.label,
    },
    baseline,
    service,
    rebuild,
    ratio: baseline.requestsPerSec > 0 ? service.requestsPerSec / baseline.requestsPerSec : 0,
    targets: { ratio: TARGET_RATIO, cpuUsPerCommand: TARGET_CPU_US, peakRssMB: TARGET_RSS_MB, maxFailureRate: MAX_FAILURE_RATE },
    serviceFailureRate,
  };
  result.targetsMet = {
    ratio: result.ratio >= TARGET_RATIO,
    cpuPerCommand: service.cpu ? service.cpu.usPerCommand <= TARGET_CPU_US : null,
    peakRss: service.memory && service.memory.peakBytes != null ? service.memory.peakBytes <= TARGET_RSS_MB * 1048576 : null,
  };

  console.log(report(result));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'last.json'), JSON.stringify(result, null, 2) + '\n');
  log(`\nwrote ${path.relative(process.cwd(), path.join(OUT_DIR, 'last.json')) || path.join(OUT_DIR, 'last.json')}`);

  let code = 0;
  if (serviceFailureRate > MAX_FAILURE_RATE) {
    log(
      `run-bench: FAIL — ${(serviceFailureRate * 100).toFixed(2)}% of the service's requests were non-2xx/errors (limit ${MAX_FAILURE_RATE * 100}%)`,
    );
    code = 1;
  }
  if (service.verification.mismatches.length) {
    log(`run-bench: FAIL — ${service.verification.mismatches.length} case(s) answered 200 to close-case but do not read back as closed`);
    code = 1;
  }
  for (const [field, x] of Object.entries(service.documentNumbers)) {
    if (x.sharedNumbers)
      log(
        `run-bench: WARNING — ${x.casesWithSharedNumber} closed cases share ${x.sharedNumbers} ${field}s (numbers must be unique), e.g. ${JSON.stringify(x.examples[0])}`,
      );
  }
  return code;
}

proc.runMain('run-bench', main);
