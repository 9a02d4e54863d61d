/**
 * Loaded with `node --require` into the two rebuild processes of rebuild-lock-race.e2e-spec.ts, to make their race
 * for the store's rebuild lock certain instead of lucky. In the main thread only:
 * - a start line: the first file-system call on the lock's path waits until both processes have reached it;
 * - a slow disk: removing a file on the lock's path takes 300 ms, so the check and the takeover of a stale lock
 *   are far apart in time (where a lock that is not atomic lets the second process in);
 * - a held rebuild: a process that proceeds stops at its first progress line until the test lets it finish, so
 *   the other one meets a lock that is certainly held.
 */
const { isMainThread } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.REBUILD_RACE_DIR;
if (isMainThread && dir) {
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const { existsSync, writeFileSync } = fs;
  const waitFor = (name) => {
    while (!existsSync(path.join(dir, name))) sleep(10);
  };
  let started = false;
  const onLockPath = (p) => typeof p === 'string' && p.includes('.rebuild.lock');
  for (const name of ['existsSync', 'readFileSync', 'writeFileSync', 'linkSync', 'renameSync', 'rmSync', 'unlinkSync', 'openSync']) {
    const original = fs[name];
    fs[name] = function (p, ...rest) {
      if (onLockPath(p)) {
        if (!started) {
          started = true;
          writeFileSync(path.join(dir, `ready-${process.pid}`), '');
          waitFor('go');
        }
        if (name === 'rmSync' || name === 'unlinkSync') sleep(300);
      }
      return original.call(this, p, ...rest);
    };
  }
  const write = process.stderr.write;
  let held = false;
  process.stderr.write = function (chunk, ...rest) {
    if (!held && String(chunk).startsWith('\r[')) {
      held = true;
      writeFileSync(path.join(dir, `holding-${process.pid}`), '');
      waitFor('release');
    }
    return write.call(this, chunk, ...rest);
  };
}
