import { RecentCommits } from './recent-commits';
import { EventTuple } from './sqlite.statements';

const row = (position: number): EventTuple => [
  BigInt(position),
  `e${position}`,
  's',
  BigInt(position),
  'T',
  `{"n":${position}}`,
  '{}',
  'p',
  'h',
];

describe('RecentCommits', () => {
  it('serves pages of the run it holds, parsed once, and nothing it does not hold', () => {
    const recent = new RecentCommits();
    for (const p of [5, 6, 7]) recent.add(row(p));
    expect(recent.page(4n, 10)!.map((e) => e.data)).toEqual([{ n: 5 }, { n: 6 }, { n: 7 }]);
    expect(recent.page(5n, 1)!.map((e) => e.position)).toEqual([6n]);
    expect(recent.page(5n, 1)![0]).toBe(recent.page(4n, 10)![1]);
    expect(recent.page(3n, 10)).toBeNull(); // position 4 is not held
    expect(recent.page(7n, 10)).toBeNull();
  });

  it('starts again after a gap, forgets on clear, and keeps within its capacity', () => {
    const recent = new RecentCommits(4);
    for (const p of [1, 2, 4]) recent.add(row(p));
    expect(recent.page(1n, 10)).toBeNull();
    expect(recent.page(3n, 10)!.map((e) => e.position)).toEqual([4n]);
    recent.clear();
    expect(recent.page(3n, 10)).toBeNull();
    for (let p = 10; p < 20; p++) recent.add(row(p));
    expect(recent.page(18n, 10)!.map((e) => e.position)).toEqual([19n]);
    expect(recent.page(9n, 10)).toBeNull();
  });
});
