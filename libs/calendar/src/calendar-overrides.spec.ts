import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarOverrideError, loadCalendarOverrides, validateCalendarOverrides } from './calendar-overrides';

describe('calendar overrides', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-overrides-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('loads a valid file', () => {
    const path = write(
      'ok.json',
      JSON.stringify({ years: { '2031': { holidays: ['2030-12-31', '2031-01-01'], workdays: ['2031-01-04'] } } }),
    );
    expect(loadCalendarOverrides(path)).toEqual({
      years: { '2031': { holidays: ['2030-12-31', '2031-01-01'], workdays: ['2031-01-04'] } },
    });
  });

  it('names the file when it cannot be read or parsed', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadCalendarOverrides(missing)).toThrow(CalendarOverrideError);
    expect(() => loadCalendarOverrides(missing)).toThrow(`cannot read calendar override file) ${missing}: ENOENT`);
    const broken = write('broken.json', '{ "years": ');
    expect(() => loadCalendarOverrides(broken)).toThrow(`is not valid JSON) ${broken}`);
  });

  it.each([
    [[], '(root): expected an object'],
    [{ year: {} }, '(root): unknown key "year"'],
    [{ years: [] }, 'years: expected an object keyed by year'],
    [{ years: { '31': { holidays: ['2031-01-01'], workdays: [] } } }, 'years.31: year keys must be four-digit'],
    [{ years: { '2031': { holidays: ['2031-01-01'] } } }, 'years.2031.workdays: expected an array'],
    [{ years: { '2031': { holidays: ['2031-01-01'], workday: [] } } }, 'years.2031: unknown key "workday"'],
    [{ years: { '2031': { holidays: ['2031-1-1'], workdays: [] } } }, 'years.2031.holidays[0]: "2031-1-1" is not a real'],
    [{ years: { '2031': { holidays: ['2032-01-01'], workdays: [] } } }, 'years.2031.holidays[0]: 2032-01-01 is outside 2031'],
    [{ years: { '2031': { holidays: ['2030-11-30'], workdays: [] } } }, 'years.2031.holidays[0]: 2030-11-30 is outside'],
    [{ years: { '2031': { holidays: ['2030-12-31'], workdays: [] } } }, 'years.2031.holidays: must list the 2031 holidays'],
    [{ years: { '2031': { holidays: ['2031-01-01'], workdays: ['2031-01-06'] } } }, 'years.2031.workdays[0]: 2031-01-06 is a weekday'],
    [
      { years: { '2031': { holidays: ['2031-01-01', '2031-01-04'], workdays: ['2031-01-04'] } } },
      'years.2031.workdays[0]: 2031-01-04 is already listed at years.2031.holidays[1]',
    ],
    [
      {
        years: {
          '2030': { holidays: ['2030-01-01', '2030-12-31'], workdays: [] },
          '2031': { holidays: ['2030-12-31', '2031-01-01'], workdays: [] },
        },
      },
      'years.2031.holidays[0]: 2030-12-31 is already listed at years.2030.holidays[1]',
    ],
  ])('rejects %j', (value, message) => {
    expect(() => validateCalendarOverrides(value, 'test.json')).toThrow(CalendarOverrideError);
    expect(() => validateCalendarOverrides(value, 'test.json')).toThrow(`invalid calendar overrides) test.json: ${message}`);
  });
});
