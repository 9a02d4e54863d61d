import Database from 'better-sqlite3';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Another rebuild of the same store is running (one at a time: two would each do all the work). */
export class RebuildInProgressError extends Error {
  constructor(
    /** The running rebuild's process id, when its lock file names a living process (null while it is writing it). */
    readonly pid: number | null,
    readonly lock: string,
  ) {
    super(`另一个重建正在进行 (another rebuild of this store is running, pid ${pid ?? '?'}; lock ${lock})`);
    this.name = 'RebuildInProgressError';
  }
}

/**
 * One rebuild of a store at a time. The lock itself is an exclusive transaction on a small SQLite file beside the
 * store (`<store>.rebuild.lock.db`), held for the rebuild's lifetime: taking it is one atomic step, and the
 * operating system releases it when the process ends, however it ends, so a lock left by a dead process is taken
 * over by simply taking it — no check-then-remove for two processes to interleave. `<store>.rebuild.lock` names
 * the holder's process id for the refusal's message; a living process named there is respected as well (a rebuild
 * whose lock file was removed by hand). Returns the release.
 */
export function acquireRebuildLock(file: string): () => void {
  const lock = `${file}.rebuild.lock`;
  // Never removed: a process waiting on the old file while a new one is created would hold a lock of its own.
  const mutex = new Database(`${lock}.db`, { timeout: 0 });
  try {
    mutex.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    mutex.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new RebuildInProgressError(livingHolder(lock), lock);
    throw error;
  }
  try {
    // Under the lock from here on: the lock file is read and written by one process at a time.
    const holder = livingHolder(lock);
    if (holder !== null && holder !== process.pid) throw new RebuildInProgressError(holder, lock);
    // Written aside and renamed into place: a reader sees the old content or the new, never a part.
    writeFileSync(`${lock}.${process.pid}`, String(process.pid));
    renameSync(`${lock}.${process.pid}`, lock);
  } catch (error) {
    mutex.close();
    throw error;
  }
  return () => {
    rmSync(lock, { force: true });
    mutex.close();
  };
}

/** The process named in the lock file, when there is one and it is alive. */
function livingHolder(lock: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return null;
  }
  return processIsAlive(pid) ? pid : null;
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
