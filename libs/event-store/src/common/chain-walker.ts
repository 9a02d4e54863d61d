import { GENESIS_HASH, eventHash, globalHash } from './hash-chain';

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

/** An events row as every adapter stores it, read back for verification. */
export interface ChainRow {
  position: bigint;
  event_id: string;
  stream_id: string;
  revision: number | bigint;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string | null;
  hash: string | null;
  global_hash: string | null;
}

/**
 * Walks events in commit order, recomputing both chains, then checks the anchors: names the first bad position of an
 * edited, deleted, inserted, reordered or truncated log (docs/supervision.md §1). Shared by the adapters, which differ only
 * in how they read the rows (SQLite synchronously, PostgreSQL page by page).
 */
export class ChainWalker {
  private readonly anchoredAt: Map<bigint, Anchor>;
  private readonly streams = new Map<string, { revision: number; hash: string }>();
  private global = GENESIS_HASH;
  private expected = 1n;
  private checked = 0;

  constructor(private readonly anchors: Anchor[]) {
    this.anchoredAt = new Map(anchors.map((a) => [BigInt(a.position), a]));
  }

  /** Checks the next row; a report with ok=false at the first problem, else null. */
  step(r: ChainRow): IntegrityReport | null {
    const { expected } = this;
    if (r.position !== expected)
      return this.fail('missing', expected, `事件缺失 (no event at position ${expected}; next is ${r.position})`);
    if (!r.hash || !r.global_hash) return this.fail('unhashed', r.position, '事件没有哈希 (event has no hash)');
    const last = this.streams.get(r.stream_id);
    const revision = Number(r.revision);
    if (revision !== (last ? last.revision + 1 : 0) || r.prev_hash !== (last?.hash ?? GENESIS_HASH))
      return this.fail(
        'out_of_sequence',
        r.position,
        `${r.stream_id} 第 ${revision} 版不接续 (revision ${revision} does not follow ${last?.revision ?? 'nothing'})`,
      );
    const hash = eventHash(r.prev_hash, {
      streamId: r.stream_id,
      revision,
      id: r.event_id,
      type: r.type,
      data: r.data,
      metadata: r.metadata,
    });
    if (hash !== r.hash)
      return this.fail('edited', r.position, `内容与哈希不符 (content does not match its hash: ${r.type} ${r.event_id})`);
    this.global = globalHash(this.global, hash);
    if (this.global !== r.global_hash)
      return this.fail(
        'chain_broken',
        r.position,
        '全局哈希链断裂 (global chain broken: inserted, removed or reordered before this event)',
      );
    const anchor = this.anchoredAt.get(r.position);
    if (anchor && anchor.globalHash !== this.global)
      return this.fail('anchor_mismatch', r.position, `与锚点 #${anchor.seq} 不符 (differs from anchor #${anchor.seq})`);
    this.streams.set(r.stream_id, { revision, hash });
    this.expected++;
    this.checked++;
    return null;
  }

  /** After the last row: an anchor beyond the end means the log was truncated. */
  finish(): IntegrityReport {
    const end = this.expected;
    const beyond = this.anchors.filter((a) => BigInt(a.position) >= end);
    if (beyond.length) {
      const a = beyond[beyond.length - 1];
      return this.fail(
        'truncated',
        end,
        `锚点 #${a.seq} 记录到第 ${a.position} 条，日志只到第 ${end - 1n} 条 (anchor #${a.seq} covers position ${a.position}; the log ends at ${end - 1n})`,
      );
    }
    return { ok: true, checkedEvents: this.checked, headPosition: String(end - 1n), anchors: this.anchors.length };
  }

  private fail(kind: IntegrityProblem['kind'], position: bigint, detail: string): IntegrityReport {
    return {
      ok: false,
      checkedEvents: this.checked,
      headPosition: String(this.expected - 1n),
      anchors: this.anchors.length,
      problem: { kind, position: String(position), detail },
    };
  }
}
