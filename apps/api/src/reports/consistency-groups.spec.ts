import { DecisionRow, FineCountRow } from '../read-models/read-models';
import { fineGroups } from './consistency-groups';

/** The report as it was computed from one row per decision (sorted as consistencyDecisions sorts them). */
function fromDecisions(rows: DecisionRow[], rangeOf: (c: string, l: string, k: string) => readonly [number, number] | undefined) {
  const quantile = (sorted: number[], q: number) => {
    const i = (sorted.length - 1) * q;
    const lo = Math.floor(i);
    return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
  };
  const groups = new Map<string, DecisionRow[]>();
  for (const r of rows) {
    const key = `${r.violation_code}|${r.discretion_level}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const stats = (fines: number[]) => ({ count: fines.length, min: fines[0], median: quantile(fines, 0.5), max: fines[fines.length - 1] });
  return [...groups.values()].map((decisions) => {
    const { violation_code: code, discretion_level: level } = decisions[0];
    const fines = decisions.map((d) => d.fine_yuan);
    const q1 = quantile(fines, 0.25);
    const q3 = quantile(fines, 0.75);
    const fences: [number, number] = [q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)];
    const byAgency = [...new Set(decisions.map((d) => d.agency_id))].map((agencyId) => ({
      agencyId,
      ...stats(decisions.filter((d) => d.agency_id === agencyId).map((d) => d.fine_yuan)),
    }));
    const outliers = decisions.filter((d) => {
      const [lo, hi] = rangeOf(code, level, d.party_kind) ?? fences;
      return !(d.fine_yuan >= lo && d.fine_yuan <= hi);
    });
    return { violationCode: code, discretionLevel: level, ...stats(fines), q1, q3, byAgency, outliers };
  });
}

/** Decisions in the read models' order: violation code, level, fine, agency. */
const byGroupAndFine = (a: DecisionRow, b: DecisionRow) =>
  a.violation_code.localeCompare(b.violation_code) ||
  a.discretion_level.localeCompare(b.discretion_level) ||
  a.fine_yuan - b.fine_yuan ||
  a.agency_id.localeCompare(b.agency_id);

function counted(rows: DecisionRow[]): FineCountRow[] {
  const out: FineCountRow[] = [];
  const sorted = [...rows].sort((a, b) => byGroupAndFine(a, b) || a.party_kind.localeCompare(b.party_kind));
  for (const r of sorted) {
    const last = out[out.length - 1];
    const same = (k: keyof DecisionRow) => last && last[k as keyof FineCountRow] === r[k];
    if (same('violation_code') && same('discretion_level') && same('fine_yuan') && same('agency_id') && same('party_kind')) last.n++;
    else out.push({ ...r, n: 1 });
  }
  return out;
}

describe('fineGroups (consistency statistics from fines counted per amount)', () => {
  const rangeOf = (code: string, _level: string, kind: string): readonly [number, number] | undefined =>
    code === 'AQ-99' ? (kind === 'organization' ? [10_000, 25_000] : [1_000, 5_000]) : undefined;

  it('gives the same groups, quartiles, agencies and outlier counts as the per-decision computation', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 30; round++) {
      const decisions: DecisionRow[] = Array.from({ length: 1 + rnd(200) }, (_, i) => ({
        case_id: `c-${String(i).padStart(4, '0')}`,
        agency_id: `ag-43100${rnd(4)}`,
        violation_code: ['AQ-99', 'LOCAL-7'][rnd(2)],
        discretion_level: ['general', 'serious'][rnd(2)],
        fine_yuan: [500, 1_000, 2_000, 12_000, 20_000, 24_000, 40_000, 90_000][rnd(8)],
        party_kind: ['organization', 'individual'][rnd(2)],
      }));
      const sorted = [...decisions].sort((a, b) => byGroupAndFine(a, b) || a.case_id.localeCompare(b.case_id));
      const expected = fromDecisions(sorted, rangeOf);
      const actual = fineGroups(counted(decisions), rangeOf);
      expect(actual.map(({ bounds: _b, outlierCount, ...g }) => ({ ...g, outlierCount }))).toEqual(
        expected.map(({ outliers, ...g }) => ({ ...g, outlierCount: outliers.length })),
      );
    }
  });

  it('works from the distinct fines: 100,000 decisions of three amounts are three rows', () => {
    const rows: FineCountRow[] = [10_000, 20_000, 90_000].map((fine_yuan, i) => ({
      violation_code: 'AQ-99',
      discretion_level: 'general',
      agency_id: 'ag-431002',
      party_kind: 'organization',
      fine_yuan,
      n: [50_000, 40_000, 10_000][i],
    }));
    const [g] = fineGroups(rows, rangeOf);
    expect(g).toMatchObject({ count: 100_000, min: 10_000, q1: 10_000, median: 15_000, q3: 20_000, max: 90_000, outlierCount: 10_000 });
    expect(g.bounds).toEqual([{ partyKind: 'organization', lo: 10_000, hi: 25_000, benchmark: true }]);
  });
});
