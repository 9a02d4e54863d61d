import { FineCountRow } from '../read-models/read-models';

/** Fines outside [lo, hi] are outliers; `benchmark`: the range is the benchmark's, else the group's Tukey fences. */
export interface OutlierBounds {
  partyKind: string;
  lo: number;
  hi: number;
  benchmark: boolean;
}

export interface FineSpread {
  count: number;
  min: number;
  median: number;
  max: number;
}

export interface FineGroupStats extends FineSpread {
  violationCode: string;
  discretionLevel: string;
  q1: number;
  q3: number;
  byAgency: (FineSpread & { agencyId: string })[];
  /** Per kind of party in the group. */
  bounds: OutlierBounds[];
  /** How many decisions of the group lie outside their bounds. */
  outlierCount: number;
}

/** Fines ascending with how many decisions gave each: the sorted list of fines, without listing every decision. */
type Histogram = { fine: number; n: number }[];

function histogram(rows: FineCountRow[]): Histogram {
  const h: Histogram = [];
  for (const r of rows) {
    const last = h[h.length - 1];
    if (last && last.fine === r.fine_yuan) last.n += r.n;
    else h.push({ fine: r.fine_yuan, n: r.n });
  }
  return h;
}

/** The k-th (0-based) fine of the sorted list the histogram stands for. */
function nth(h: Histogram, k: number): number {
  for (const { fine, n } of h) {
    if (k < n) return fine;
    k -= n;
  }
  return h[h.length - 1].fine;
}

/** The q-quantile by linear interpolation between the two nearest ranks (as a box plot's box is drawn). */
function quantile(h: Histogram, count: number, q: number): number {
  const i = (count - 1) * q;
  const lo = Math.floor(i);
  const a = nth(h, lo);
  return a + (nth(h, Math.ceil(i)) - a) * (i - lo);
}

function spread(h: Histogram): FineSpread {
  const count = h.reduce((sum, b) => sum + b.n, 0);
  return { count, min: h[0].fine, median: quantile(h, count, 0.5), max: h[h.length - 1].fine };
}

/**
 * The consistency report's statistics from fines counted per group (rows ordered by code, level, fine, agency, kind
 * of party): memory and work follow the distinct fines, not the number of decisions. Groups in code and level order;
 * agencies in order of their lowest fine, then id.
 */
export function fineGroups(
  rows: FineCountRow[],
  rangeOf: (code: string, level: string, partyKind: string) => readonly [number, number] | undefined,
): FineGroupStats[] {
  const groups: FineCountRow[][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0].violation_code === r.violation_code && last[0].discretion_level === r.discretion_level) last.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const { violation_code: code, discretion_level: level } = g[0];
    const h = histogram(g);
    const all = spread(h);
    const q1 = quantile(h, all.count, 0.25);
    const q3 = quantile(h, all.count, 0.75);
    const fences: [number, number] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
    const agencies = [...new Set(g.map((r) => r.agency_id))];
    const byAgency = agencies.map((agencyId) => ({ agencyId, ...spread(histogram(g.filter((r) => r.agency_id === agencyId))) }));
    const bounds = [...new Set(g.map((r) => r.party_kind))].map((partyKind) => {
      const range = rangeOf(code, level, partyKind);
      const [lo, hi] = range ?? fences;
      return { partyKind, lo, hi, benchmark: !!range };
    });
    const outlierCount = g.reduce((sum, r) => {
      const b = bounds.find((x) => x.partyKind === r.party_kind)!;
      return r.fine_yuan < b.lo || r.fine_yuan > b.hi ? sum + r.n : sum;
    }, 0);
    return { violationCode: code, discretionLevel: level, ...all, q1, q3, byAgency, bounds, outlierCount };
  });
}
