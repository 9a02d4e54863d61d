'use strict';
/**
 * Rebuild of all read models (target of docs/benchmarks.md: >= 100k events/s on a history of at least 1M events).
 *
 * History: the service run's own database (real cases walked through the trunk, the demo seed, the timeline case),
 * copied, then grown with distinct replicas of its closed cases (lib/replicate.js: fresh case ids everywhere, spread
 * over the agencies and years, written through the store's append path with their hash chains) until it holds at
 * least `minEvents` events, so the projections see that many different cases, as in a real history.
 * Baseline, same file, same run: reading every event page by page and parsing its JSON — the floor any projection
 * pays. Then `npm run projections:rebuild` (the CLI users run) rebuilds every read model from zero.
 */
const Database = require('better-sqlite3');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { replicate, readSqliteRows, sqliteBatchWriter } = require('./replicate');
const { scriptNodeFlags } = require('./proc');

async function buildHistory(root, sourceDir, minEvents) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetrail-rebuild-'));
  const file = path.join(dir, 'casetrail.db');
  const source = path.join(sourceDir, 'casetrail.db');
  const src = new Database(source, { readonly: true });
  src.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  src.close();
  const writer = sqliteBatchWriter(path.join(root, 'dist/libs/event-store/src/sqlite'), file);
  try {
    const r = await replicate({ writer, sourceRows: readSqliteRows(source), targetEvents: minEvents });
    return { dir, file, originalEvents: r.sourceEvents, events: r.totalEvents, cases: r.cases, generateSec: r.seconds };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  } finally {
    writer.close();
  }
}

/** The floor: every event read in pages of 10,000 (raw rows, as the runner reads them) and its data and metadata parsed, nothing written. */
function readAndParse(file) {
  const db = new Database(file, { readonly: true });
  const page = db
    .prepare(
      'SELECT position, event_id, stream_id, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT 10000',
    )
    .safeIntegers(true)
    .raw(true);
  const t0 = process.hrtime.bigint();
  let n = 0;
  let from = 0n;
  for (let rows = page.all(from); rows.length; rows = page.all(from)) {
    for (const r of rows) {
      JSON.parse(r[5]);
      JSON.parse(r[6]);
    }
    n += rows.length;
    from = rows[rows.length - 1][0];
  }
  db.close();
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  return { events: n, seconds: sec, eventsPerSec: n / sec };
}

/**
 * `npm run projections:rebuild` on a SQLite DATA_DIR, with the node flags of that script (package.json), as users
 * run it: its own figures (events, seconds, events/s, the longest write-lock hold of its swap) and summary line.
 */
function runRebuildCli(root, dataDir) {
  const out = execFileSync(
    process.execPath,
    [...scriptNodeFlags(root, 'projections:rebuild'), path.join(root, 'dist/apps/api/src/projections/rebuild.cli.js')],
    {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 26,
    },
  );
  const m = /: (\d+) events in ([\d.]+) s = /.exec(out);
  if (!m) throw new Error(`rebuild CLI printed no figure: ${out}`);
  const lock = /longest lock ([\d.]+) s/.exec(out);
  const events = Number(m[1]);
  const seconds = Number(m[2]);
  return { events, seconds, eventsPerSec: events / seconds, longestLockSeconds: lock ? Number(lock[1]) : null, summary: out.trim() };
}

async function measureRebuild({ root, sourceDir, minEvents, log }) {
  log(`rebuild: generating a history of at least ${minEvents.toLocaleString('en-US')} events (distinct cases) ...`);
  const history = await buildHistory(root, sourceDir, minEvents);
  try {
    log(
      `rebuild: ${history.events.toLocaleString('en-US')} events (${history.originalEvents.toLocaleString('en-US')} from the service run, then ${history.cases.toLocaleString('en-US')} distinct replicas of its closed cases) in ${history.generateSec.toFixed(1)} s; baseline read + parse ...`,
    );
    const baseline = readAndParse(history.file);
    log('rebuild: npm run projections:rebuild (all read models) ...');
    const { events, seconds, eventsPerSec, summary } = runRebuildCli(root, history.dir);
    return {
      events,
      seconds,
      eventsPerSec,
      baselineEventsPerSec: baseline.eventsPerSec,
      ratio: eventsPerSec / baseline.eventsPerSec,
      summary,
    };
  } finally {
    fs.rmSync(history.dir, { recursive: true, force: true });
  }
}

module.exports = { measureRebuild, buildHistory, runRebuildCli };
