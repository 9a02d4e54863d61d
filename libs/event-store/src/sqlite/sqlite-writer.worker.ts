import { parentPort, workerData } from 'node:worker_threads';
import { decodeBatch, encodeOutcomes } from './batch-wire';
import { SqliteBatchWriter, toErrorShape } from './sqlite-batch-writer';
import { openSqlite } from './sqlite.open';

/**
 * The store's only writer, on its own thread: the commit and its fsync never block the thread that serves HTTP
 * and decides commands. Batches arrive one at a time; while one commits, the next gathers (group commit).
 */
export type WriterMessage = { type: 'batch'; id: number; appends: string } | { type: 'close' };

const { filename, busyTimeoutMs } = workerData as { filename: string; busyTimeoutMs: number };
const db = openSqlite(filename, busyTimeoutMs);
const writer = new SqliteBatchWriter(db);

parentPort!.on('message', (message: WriterMessage) => {
  if (message.type === 'close') {
    db.close();
    parentPort!.postMessage({ type: 'closed' });
    return;
  }
  try {
    parentPort!.postMessage({ type: 'done', id: message.id, outcomes: encodeOutcomes(writer.write(decodeBatch(message.appends))) });
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', id: message.id, error: toErrorShape(error) });
  }
});
