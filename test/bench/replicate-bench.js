#!/usr/bin/env node
'use strict';
/**
 * Times the scale bench's replicator alone (lib/replicate.js) on a copy of a SQLite store holding real cases:
 * `node test/bench/replicate-bench.js --source DATA_DIR [--events N]` (after `npm run build`). Prints events/s over
 * wall time and over this process's CPU time (nearer what an idle machine would reach), and the share of CPU time
 * spent in garbage collection. The copy is deleted afterwards.
 */
const Database = require('better-sqlite3');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PerformanceObserver } = require('node:perf_hooks');
// REPLICATE_LIB and DIST_DIR let a before/after comparison run another checkout's replicator and adapter.
const { replicate, readSqliteRows, sqliteBatchWriter } = require(process.env.REPLICATE_LIB || './lib/replicate');

const DIST = process.env.DIST_DIR || path.resolve(__dirname, '../../dist/libs/event-store/src/sqlite');

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const source = arg('--source');
  const events = Number(arg('--events', '300000'));
  if (!source || !Number.isInteger(events) || events <= 0) {
    console.error('usage: node test/bench/replicate-bench.js --source DATA_DIR [--events N]');
    return 2;
  }
  const sourceFile = path.join(source, 'casetrail.db');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-replicate-bench-'));
  const file = path.join(dir, 'casetrail.db');
  try {
    const src = new Database(sourceFile, { readonly: true, fileMustExist: true });
    src.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
    src.close();
    let gcMs = 0;
    const addGc = (entries) => {
      for (const e of entries) gcMs += e.duration;
    };
    const gc = new PerformanceObserver((list) => addGc(list.getEntries()));
    gc.observe({ entryTypes: ['gc'] });
    const writer = sqliteBatchWriter(DIST, file);
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let r;
    try {
      r = await replicate({ writer, sourceRows: readSqliteRows(sourceFile), targetEvents: events });
    } finally {
      writer.close();
    }
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSec = (cpu.user + cpu.system) / 1e6;
    addGc(gc.takeRecords()); // the writes are synchronous: entries not yet delivered to the callback
    gc.disconnect();
    console.log(
      `replicated ${r.events.toLocaleString('en-US')} events (${r.cases.toLocaleString('en-US')} cases from ${r.templates} templates) ` +
        `in ${wall.toFixed(1)} s: ${Math.round(r.events / wall).toLocaleString('en-US')} events/s wall, ` +
        `${Math.round(r.events / cpuSec).toLocaleString('en-US')} events per CPU-second (${cpuSec.toFixed(1)} s CPU), ` +
        `GC ${((gcMs / 1000 / cpuSec) * 100).toFixed(1)}% of CPU time, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
