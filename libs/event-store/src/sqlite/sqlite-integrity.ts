import type { Database } from 'better-sqlite3';
import { GENESIS_HASH, eventHash, globalHash } from '../shared/hash-chain';
import { EventRow } from './sqlite.statements';

export interface IntegrityProblem {
  kind: 'missing' | 'edited' | 'out_of_sequence' | 'chain_broken' | 'truncated' | 'anchor_mismatch' | 'unhashed';
  /** The first bad position (as a string: positions are bigint). */
  position: string;
  detail: string;
}

export interface IntegrityReport {
  ok: boolean;
  checkedEvents: number;
  headPosition: string;
  anchors: number;
  problem?: IntegrityProblem;
}

export interface Anchor {
  seq: number;
  position: string;
  globalHash: string;
  createdAt: string;
  reason: string;
}

interface Row extends EventRow {
  global_hash: string | null;
}

/**
 * Walks every event in commit order, recomputing both chains, then checks the anchors: names the first bad
 * position of an edited, deleted, inserted, reordered or truncated log (supervision.md §1).
 */
export function verifyIntegrity(db: Database): IntegrityReport {
  const anchors = listAnchors(db);
  const anchoredAt = new Map(anchors.map((a) => [BigInt(a.position), a]));
  const rows = db
    .prepare('SELECT position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash FROM events ORDER BY position')
    .safeIntegers(true)
    .iterate() as Iterable<Row>;
  const streams = new Map<string, { revision: number; hash: string }>();
  let global = GENESIS_HASH;
  let expected = 1n;
  let checked = 0;
  const fail = (kind: IntegrityProblem['kind'], position: bigint, detail: string): IntegrityReport => ({
    ok: false,
    checkedEvents: checked,
    headPosition: String(expected - 1n),
    anchors: anchors.length,
    problem: { kind, position: String(position), detail },
  });
  for (const r of rows) {
    if (r.position !== expected) return fail('missing', expected, `事件缺失 (no event at position ${expected}; next is ${r.position})`);
    if (!r.hash || !r.global_hash) return fail('unhashed', r.position, '事件没有哈希 (event has no hash)');
    const last = streams.get(r.stream_id);
    const revision = Number(r.revision);
    if (revision !== (last ? last.revision + 1 : 0) || r.prev_hash !== (last?.hash ?? GENESIS_HASH))
      return fail('out_of_sequence', r.position, `${r.stream_id} 第 ${revision} 版不接续 (revision ${revision} does not follow ${last?.revision ?? 'nothing'})`);
    const hash = eventHash(r.prev_hash!, { streamId: r.stream_id, revision, id: r.event_id, type: r.type, data: r.data, metadata: r.metadata });
    if (hash !== r.hash) return fail('edited', r.position, `内容与哈希不符 (content does not match its hash: ${r.type} ${r.event_id})`);
    global = globalHash(global, hash);
    if (global !== r.global_hash) return fail('chain_broken', r.position, '全局哈希链断裂 (global chain broken: inserted, removed or reordered before this event)');
    const anchor = anchoredAt.get(r.position);
    if (anchor && anchor.globalHash !== global) return fail('anchor_mismatch', r.position, `与锚点 #${anchor.seq} 不符 (differs from anchor #${anchor.seq})`);
    streams.set(r.stream_id, { revision, hash });
    expected++;
    checked++;
  }
  const beyond = anchors.filter((a) => BigInt(a.position) >= expected);
  if (beyond.length) {
    const a = beyond[beyond.length - 1];
    return fail('truncated', expected, `锚点 #${a.seq} 记录到第 ${a.position} 条，日志只到第 ${expected - 1n} 条 (anchor #${a.seq} covers position ${a.position}; the log ends at ${expected - 1n})`);
  }
  return { ok: true, checkedEvents: checked, headPosition: String(expected - 1n), anchors: anchors.length };
}

export function listAnchors(db: Database): Anchor[] {
  return (db.prepare('SELECT seq, position, global_hash, created_at, reason FROM anchors ORDER BY seq').all() as {
    seq: number;
    position: number;
    global_hash: string;
    created_at: string;
    reason: string;
  }[]).map((a) => ({ seq: a.seq, position: String(a.position), globalHash: a.global_hash, createdAt: a.created_at, reason: a.reason }));
}

/** Records the current head of the global chain in the anchor log (export it and keep it elsewhere). */
export function createAnchor(db: Database, reason: string, now: Date): Anchor | null {
  return db.transaction(() => {
    const head = db.prepare('SELECT position, global_hash FROM events ORDER BY position DESC LIMIT 1').safeIntegers(true).get() as { position: bigint; global_hash: string } | undefined;
    if (!head) return null;
    const { lastInsertRowid } = db.prepare('INSERT INTO anchors (position, global_hash, created_at, reason) VALUES (?, ?, ?, ?)').run(head.position, head.global_hash, now.toISOString(), reason);
    return { seq: Number(lastInsertRowid), position: String(head.position), globalHash: head.global_hash, createdAt: now.toISOString(), reason };
  }).immediate();
}
