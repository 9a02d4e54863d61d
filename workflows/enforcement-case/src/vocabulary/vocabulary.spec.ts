import { CASE_SOURCES, INDUSTRIES } from '../case-types';
import { DEADLINE_KINDS } from '../deadlines/deadline';
import { CASE_SOURCE_NAMES, INDUSTRY_NAMES } from './industries';
import { DEADLINE_KIND_NAMES } from './deadline-kinds';
import { zhName } from './name';

describe('vocabulary', () => {
  it('names exactly the keys of each enumeration (no stale or missing entry)', () => {
    expect(Object.keys(INDUSTRY_NAMES).sort()).toEqual([...INDUSTRIES].sort());
    expect(Object.keys(CASE_SOURCE_NAMES).sort()).toEqual([...CASE_SOURCES].sort());
    expect(Object.keys(DEADLINE_KIND_NAMES).sort()).toEqual([...DEADLINE_KINDS].sort());
  });

  it('falls back to the key for a value the vocabulary does not know', () => {
    expect(zhName(INDUSTRY_NAMES, 'gas')).toBe('城市管道燃气和液化气');
    expect(zhName(INDUSTRY_NAMES, 'toString')).toBe('toString');
    expect(zhName(INDUSTRY_NAMES, 'unknown')).toBe('unknown');
  });
});
