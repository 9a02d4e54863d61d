import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { ALL_PROJECTIONS, Projection, RebuildInProgressError, sqliteBulkRebuild } from '@app/projections';

/**
 * `npm run projections:rebuild [name]`: rebuilds the named read model (or all) from the first event, with a progress
 * bar and events/s, while the API keeps serving: the old read models answer until the rebuilt ones are swapped in,
 * in one transaction, and events appended meanwhile are applied after it. REBUILD_THREADS sets how many threads
 * share the streams (default: the CPUs, at most 4).
 */
const ALL: Projection[] = ALL_PROJECTIONS;

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.min(width, Math.round((done / total) * width)) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** REBUILD_THREADS, or the CPUs up to 4; null when it is set to something else than a whole number from 1 to 64. */
function threads(): number | null {
  const configured = process.env.REBUILD_THREADS;
  if (configured === undefined || configured === '') return Math.min(4, availableParallelism());
  const n = Number(configured);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : null;
}

async function main(): Promise<number> {
  const name = process.argv[2];
  const selected = name ? ALL.filter((p) => p.name === name) : ALL;
  if (!selected.length) {
    console.error(`没有名为 ${name} 的读模型 (no projection named ${name}); known: ${ALL.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const threadCount = threads();
  if (threadCount === null) {
    console.error(`REBUILD_THREADS 必须是 1 到 64 的整数 (must be a whole number from 1 to 64), got ${process.env.REBUILD_THREADS}`);
    return 2;
  }
  const file = path.join(path.resolve(process.env.DATA_DIR || './data'), 'casetrail.db');
  if (!existsSync(file)) {
    // Opening would create an empty file: say where we looked instead.
    console.error(`没有事件存储 (no event store at ${file}): 请先启动服务或设置 DATA_DIR (start the service once, or set DATA_DIR)`);
    return 2;
  }
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const report = await sqliteBulkRebuild(file).rebuild({
      projections: selected,
      threads: threadCount,
      onProgress: (n, position, head) =>
        process.stderr.write(
          `\r${bar(Number(position), Number(head))} ${position}/${head}  ${n} events  ${Math.round(n / Math.max(seconds(), 1e-6)).toLocaleString('en')} events/s`,
        ),
    });
    const took = seconds();
    process.stderr.write('\n');
    console.log(
      `重建完成 rebuilt ${selected.map((p) => p.name).join(', ')}: ${report.events} events in ${took.toFixed(2)} s = ${Math.round(report.events / Math.max(took, 1e-6)).toLocaleString('en')} events/s` +
        ` (${report.partitions} thread${report.partitions === 1 ? '' : 's'}: build ${report.buildSeconds.toFixed(2)} s, swap ${report.mergeSeconds.toFixed(2)} s, longest lock ${report.longestSwap.seconds.toFixed(2)} s (${report.longestSwap.name}); ${report.caughtUp} events appended meanwhile applied)`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof RebuildInProgressError)) throw error;
    console.error(error.message);
    return 2;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`重建失败 rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
