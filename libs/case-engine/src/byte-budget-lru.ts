/**
 * A least-recently-used map bounded by an estimate of the memory its values hold, and optionally by a count (of
 * entries, or of what `countOf` counts in a value, e.g. events): a few very large values (a long case, a long history)
 * cannot push the process past its heap the way a count-only bound lets them. A value larger than either whole budget
 * is not kept. `sizeOf` is an estimate in bytes; `utf16Bytes` and
 * `estimatedBytes` give the usual one.
 */
export class ByteBudgetLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number; count: number }>();
  private total = 0;
  private counted = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
    private readonly maxCount = Infinity,
    private readonly countOf: (value: V) => number = () => 1,
  ) {}

  /** The estimated bytes held now (never above the budget). */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, made the most recently used. */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /** Keeps the value as the most recently used (its size given, or estimated), evicting the least recently used. */
  set(key: K, value: V, bytes = this.sizeOf(value)): void {
    this.delete(key);
    const count = this.countOf(value);
    if (bytes > this.maxBytes || count > this.maxCount) return;
    this.entries.set(key, { value, bytes, count });
    this.total += bytes;
    this.counted += count;
    for (const k of this.entries.keys()) {
      if (this.total <= this.maxBytes && this.counted <= this.maxCount) break;
      this.delete(k);
    }
  }

  delete(key: K): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.total -= e.bytes;
    this.counted -= e.count;
  }

  /** The estimated size of an entry kept before (0 when absent), without touching its recency. */
  sizeOfEntry(key: K): number {
    return this.entries.get(key)?.bytes ?? 0;
  }
}

/** Bytes a string occupies at most in V8 (two per UTF-16 unit: Chinese text is not one-byte). */
export function utf16Bytes(text: string): number {
  return text.length * 2;
}

/** A value's size estimated from its JSON form (what it parsed from or would serialize to), plus object overhead. */
export function estimatedBytes(value: unknown): number {
  return utf16Bytes(JSON.stringify(value) ?? '') + 64;
}
