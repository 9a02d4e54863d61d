import {
  CASE_SOURCES,
  DISCRETION_LEVELS,
  EVIDENCE_KINDS,
  INDUSTRIES,
  INTERFERENCE_MEANS,
  INTERVENER_RELATIONS,
  OFFENSES,
  OUTCOMES,
  PENALTY_KINDS,
  SERVICE_METHODS,
  WAIVABLE_RIGHTS,
} from '../case-types';
import { DEADLINE_KINDS } from '../deadlines/deadline';
import { DISCRETION_LEVEL_NAMES } from './discretion-levels';
import { ENUM_VOCABULARIES, vocabularyOf } from './enums';
import { EVIDENCE_KIND_NAMES } from './evidence-kinds';
import { CASE_SOURCE_NAMES, INDUSTRY_NAMES } from './industries';
import { DEADLINE_KIND_NAMES } from './deadline-kinds';
import { INTERFERENCE_MEANS_NAMES, INTERVENER_RELATION_NAMES } from './interference';
import { zhName } from './name';
import { OFFENSE_NAMES } from './offenses';
import { OUTCOME_NAMES } from './outcomes';
import { PENALTY_KIND_NAMES } from './penalty-kinds';
import { SERVICE_METHOD_NAMES } from './service-methods';
import { WAIVABLE_RIGHT_NAMES } from './waivable-rights';

describe('vocabulary', () => {
  it.each([
    ['industries', INDUSTRY_NAMES, INDUSTRIES],
    ['case sources', CASE_SOURCE_NAMES, CASE_SOURCES],
    ['deadline kinds', DEADLINE_KIND_NAMES, DEADLINE_KINDS],
    ['penalty kinds', PENALTY_KIND_NAMES, PENALTY_KINDS],
    ['evidence kinds', EVIDENCE_KIND_NAMES, EVIDENCE_KINDS],
    ['outcomes', OUTCOME_NAMES, OUTCOMES],
    ['discretion levels', DISCRETION_LEVEL_NAMES, DISCRETION_LEVELS],
    ['service methods', SERVICE_METHOD_NAMES, SERVICE_METHODS],
    ['waivable rights', WAIVABLE_RIGHT_NAMES, WAIVABLE_RIGHTS],
    ['offenses', OFFENSE_NAMES, OFFENSES],
    ['intervener relations', INTERVENER_RELATION_NAMES, INTERVENER_RELATIONS],
    ['interference means', INTERFERENCE_MEANS_NAMES, INTERFERENCE_MEANS],
  ] as const)('names exactly the %s (no stale or missing entry)', (_, names, values) => {
    expect(Object.keys(names).sort()).toEqual([...values].sort());
  });

  it('gives every term a Chinese name', () => {
    const unnamed = ENUM_VOCABULARIES.flatMap((v) => Object.entries(v).filter(([, n]) => !/[\u3400-\u9fff]/.test(n.zh)));
    expect(unnamed).toEqual([]);
  });

  it('finds an enumeration’s vocabulary by its exact set of values, in any order, and no other', () => {
    expect(vocabularyOf([...PENALTY_KINDS].reverse())).toBe(PENALTY_KIND_NAMES);
    expect(vocabularyOf(['organization', 'individual'])).toBeDefined();
    // A part of an enumeration, or one value more, is not that enumeration.
    expect(vocabularyOf(PENALTY_KINDS.slice(1))).toBeUndefined();
    expect(vocabularyOf([...WAIVABLE_RIGHTS, 'payment'])).toBeUndefined();
    expect(vocabularyOf([])).toBeUndefined();
  });

  it('has no two vocabularies with the same set of keys (an enumeration would not know which to use)', () => {
    const sets = ENUM_VOCABULARIES.map((v) => Object.keys(v).sort().join(','));
    expect(sets.filter((s, i) => sets.indexOf(s) !== i)).toEqual([]);
  });

  it('falls back to the key for a value the vocabulary does not know', () => {
    expect(zhName(INDUSTRY_NAMES, 'gas')).toBe('城市管道燃气和液化气');
    expect(zhName(INDUSTRY_NAMES, 'toString')).toBe('toString');
    expect(zhName(INDUSTRY_NAMES, 'unknown')).toBe('unknown');
  });
});
