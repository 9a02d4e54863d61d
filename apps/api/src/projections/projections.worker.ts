import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteProjectionHost } from '@app/event-store';
import { ALL_PROJECTIONS, SqliteProjectionRunner } from '@app/projections';

/**
 * The projection thread: its own connection to the store's file; after each commit it is told about, it applies
 * pages of events to the read models until caught up. Reads of the read models happen on the HTTP thread.
 */
const { filename } = workerData as { filename: string };
const host = openSqliteProjectionHost(filename, { readModelsOnly: true });
const runner = new SqliteProjectionRunner(host, ALL_PROJECTIONS);
let running = false;
let again = false;
// Set on 'close': a page already queued with setImmediate must not touch the closed connection.
let closed = false;

function drain(): void {
  if (closed) return;
  if (running) {
    again = true;
    return;
  }
  running = true;
  const loop = () => {
    // One page per turn, so a close or a new notice is handled between pages.
    if (closed) return;
    if (runner.step() > 0) return void setImmediate(loop);
    running = false;
    parentPort!.postMessage({ type: 'caughtUp' });
    if (again) {
      again = false;
      drain();
    }
  };
  loop();
}

parentPort!.on('message', (m: { type: 'committed' | 'close' }) => {
  if (m.type === 'close') {
    closed = true;
    host.close();
    parentPort!.postMessage({ type: 'closed' });
    return;
  }
  drain();
});
drain();
