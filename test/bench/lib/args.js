'use strict';
/** Command-line flags for run-bench.js. Kept tiny and dependency-free. */

const { STORES } = require('./stores');

const USAGE = `usage: node test/bench/run-bench.js [--duration N] [--connections N] [--warmup N] [--store sqlite|postgres] [--keep-data]
  --duration N     seconds measured per target (default 10)
  --connections N  autocannon connections (default 32)
  --warmup N       seconds of uncounted warm-up before each measured run (default 3)
  --store NAME     event store of the service under test (default sqlite; available: ${Object.keys(STORES).join(', ')});
                   postgres creates a throw-away database on BENCH_DATABASE_URL (or TEST_DATABASE_URL, DATABASE_URL)
  --keep-data      keep the service's temp DATA_DIR after the run (path is printed)
  --rebuild-events N  events in the history the read-model rebuild phase replays (default 1000000; 0 skips it)`;

class UsageError extends Error {}

function positiveInt(flag, raw) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} needs a positive integer, got "${raw}"`);
  return n;
}

function parseArgs(argv) {
  const opts = { duration: 10, connections: 32, warmup: 3, store: 'sqlite', keepData: false, rebuildEvents: 1_000_000, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--duration':
        opts.duration = positiveInt(arg, next());
        break;
      case '--connections':
        opts.connections = positiveInt(arg, next());
        break;
      case '--warmup': {
        const raw = next();
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--warmup needs an integer >= 0, got "${raw}"`);
        opts.warmup = n;
        break;
      }
      case '--store':
        opts.store = String(next()).toLowerCase();
        break;
      case '--keep-data':
        opts.keepData = true;
        break;
      case '--rebuild-events': {
        const raw = next();
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--rebuild-events needs an integer >= 0, got "${raw}"`);
        opts.rebuildEvents = n;
        break;
      }
      case '-h':
      case '--help':
        opts.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (!opts.help && !STORES[opts.store]) {
    throw new UsageError(
      `--store ${opts.store}: not supported — available: ${Object.keys(STORES).join(', ')} (stores are listed in test/bench/lib/stores.js)`,
    );
  }
  return opts;
}

module.exports = { parseArgs, UsageError, USAGE };
