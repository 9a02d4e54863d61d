/**
 * The demo year's pseudo-random numbers: mulberry32 seeded from a case's key (FNV-1a), so the same key gives the same
 * times, amounts and codes on every machine and every run.
 */
export class SeededRandom {
  private state: number;

  constructor(key: string) {
    let h = 0x811c9dc5;
    for (const ch of `casetrail-demo-year:${key}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
    this.state = h >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}
