import { hash } from 'node:crypto';

/**
 * Tamper evidence (docs/supervision.md §1): every event's hash chains to the previous event of its stream, and a
 * global hash chains every event in commit order. Hashes cover the stored text exactly (the JSON of data and
 * metadata as written), so verification recomputes them from what is on disk.
 */
export const GENESIS_HASH = '0'.repeat(64);

export function eventHash(
  prevHash: string,
  e: { streamId: string; revision: number; id: string; type: string; data: string; metadata: string },
): string {
  return hash('sha256', `${prevHash}\n${JSON.stringify([e.streamId, e.revision, e.id, e.type])}\n${e.data}\n${e.metadata}`, 'hex');
}

/** The global chain follows commit (position) order; deleting, inserting or reordering a row breaks it at that row. */
export function globalHash(prevGlobal: string, ofEvent: string): string {
  return hash('sha256', `${prevGlobal}\n${ofEvent}`, 'hex');
}
