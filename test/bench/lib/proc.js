'use strict';
/** Child processes for the bench: spawn, wait until healthy, measure memory, and always clean up. */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

const children = new Set();
const cleanups = [];

/** A port that was free a moment ago (the child binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node ...args` as a child. Output is kept (last lines) for diagnostics, never echoed while running.
 * With `ipc: true` the child gets an IPC channel (used by the store probe).
 */
function startChild(name, args, { env = {}, cwd, ipc = false } = {}) {
  const proc = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 60) tail.shift();
    }
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const child = {
    name,
    proc,
    pid: proc.pid,
    tail,
    exited: false,
    exitCode: null,
    exitSignal: null,
  };
  child.exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      child.exited = true;
      child.exitCode = code;
      child.exitSignal = signal;
      children.delete(child);
      resolve();
    });
  });
  proc.on('error', (e) => tail.push(`spawn error: ${e.message}`));
  children.add(child);
  return child;
}

/** Asks the child over IPC (see sqlite-probe.js); resolves null if there is no answer in time. */
function askChild(child, type, timeoutMs = 2000) {
  if (!child.proc.connected) return Promise.resolve(null);
  const id = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const onMsg = (m) => {
      if (m && m.type === type && m.id === id) done(m);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    function done(v) {
      clearTimeout(timer);
      child.proc.off('message', onMsg);
      resolve(v);
    }
    child.proc.on('message', onMsg);
    try {
      child.proc.send({ type, id });
    } catch {
      done(null);
    }
  });
}

/** Polls `url` until it answers 200; fails fast if the child exits. */
async function waitForHttp(url, child, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exited) throw new Error(`${child.name} exited (code ${child.exitCode}, signal ${child.exitSignal}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) {
        await res.arrayBuffer();
        return;
      }
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause ? e.cause.code || e.cause.message : e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name}: ${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
async function stopChild(child, graceMs = 5000) {
  if (!child || child.exited) return;
  try {
    child.proc.kill('SIGTERM');
  } catch {}
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([child.exitPromise, timer])) === 'timeout') {
    try {
      child.proc.kill('SIGKILL');
    } catch {}
    await child.exitPromise;
  }
}

/** Reads VmRSS / VmHWM (bytes) from /proc/<pid>/status; null where unavailable (not Linux, process gone). */
function readProcMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = status.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm'));
      return m ? Number(m[1]) * 1024 : null;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: null, hwm: null };
  }
}

/**
 * CPU seconds (user + system, all threads) the process has used so far, from /proc/<pid>/stat (fields 14 and 15,
 * in clock ticks of 1/100 s on Linux); null where unavailable.
 */
function readProcCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Samples VmRSS every `intervalMs`; `finish()` adds a last VmHWM read and returns the peaks. */
function startRssSampler(pid, intervalMs = 250) {
  let maxRss = null;
  let maxHwm = null;
  const sample = () => {
    const { rss, hwm } = readProcMemory(pid);
    if (rss != null) maxRss = Math.max(maxRss ?? 0, rss);
    if (hwm != null) maxHwm = Math.max(maxHwm ?? 0, hwm);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    finish() {
      clearInterval(timer);
      sample();
      const peak = maxRss == null && maxHwm == null ? null : Math.max(maxRss ?? 0, maxHwm ?? 0);
      return { peakBytes: peak, maxSampledRssBytes: maxRss, vmHwmBytes: maxHwm };
    },
  };
}

/** Registers work to do on the way out (temp dirs, ...). Runs once, also on Ctrl-C and crashes. */
function onCleanup(fn) {
  cleanups.push(fn);
}

async function cleanupAll() {
  await Promise.all([...children].map((c) => stopChild(c, 3000)));
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {}
  }
}

/** Last-resort synchronous kill (the 'exit' event cannot wait). */
function killAllSync() {
  for (const c of children) {
    try {
      c.proc.kill('SIGKILL');
    } catch {}
  }
}

let exiting = false;
/** Ctrl-C / SIGTERM: `onSignal()` first (stop the load generator), then stop children, clean up, exit 130. */
function installSignalHandlers({ log = console.error, onSignal = () => {} } = {}) {
  process.on('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (exiting) {
        killAllSync();
        process.exit(130);
      }
      exiting = true;
      try {
        onSignal(sig);
      } catch {}
      log(`\n${sig}: stopping children and cleaning up...`);
      cleanupAll().finally(() => process.exit(130));
    });
  }
}

/** The node `--flags` of a package.json script (`serve`, `projections:rebuild`): the benches run the service and CLIs as users do. */
function scriptNodeFlags(root, script) {
  const text = require(`${root}/package.json`).scripts[script] || '';
  return text.split(/\s+/).filter((t) => t.startsWith('--'));
}

/**
 * The environment of the service under bench on `port`: the dev identity, and the demo directory seed (the dev users
 * and agencies come from it, with the six basic cases); `store` holds the store's own variables.
 */
function serviceEnv(port, dataDir, store = {}) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    AUTH_MODE: 'dev',
    SEED_DEMO: 'basic',
    ...store,
  };
}

/** Runs a bench's `main()` (resolving to an exit code), then stops every child, cleans up and exits with that code. */
function runMain(name, main) {
  main()
    .catch((e) => {
      console.error(`${name}: ${e.stack || e}`);
      return 1;
    })
    .then(async (code) => {
      await cleanupAll();
      process.exit(code);
    });
}

module.exports = {
  scriptNodeFlags,
  serviceEnv,
  runMain,
  freePort,
  startChild,
  askChild,
  waitForHttp,
  stopChild,
  readProcMemory,
  readProcCpuSeconds,
  startRssSampler,
  onCleanup,
  cleanupAll,
  killAllSync,
  installSignalHandlers,
};
