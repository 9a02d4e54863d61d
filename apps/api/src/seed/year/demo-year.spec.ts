import { WorkingDayCalendar, addDays } from '@app/calendar';
import { demoYear } from './demo-year';

const calendar = new WorkingDayCalendar();
const at = (date: string) => new Date(`${date}T15:00:00+08:00`);

describe('demoYear (the case scripts, dated)', () => {
  it('is the same for the same day: no randomness but the seeded one', () => {
    expect(JSON.stringify(demoYear(at('2026-11-27'), calendar))).toBe(JSON.stringify(demoYear(at('2026-11-27'), calendar)));
  });

  it('dates every script on any weekday of late 2026, each step at an office hour before the seed’s day, in order', () => {
    const problems: string[] = [];
    for (let day = '2026-11-16'; day <= '2026-12-11'; day = addDays(day, 1)) {
      const { cases, skipped } = demoYear(at(day), calendar);
      problems.push(...skipped.map((s) => `${day}: ${s}`));
      if (cases.length < 60) problems.push(`${day}: ${cases.length} cases`);
      for (const c of cases) {
        const times = c.steps.map(([, occurredAt]) => occurredAt);
        if (times.some((t, i) => i > 0 && t < times[i - 1])) problems.push(`${day}: ${c.key} out of order`);
        const late = times.filter((t) => t.slice(0, 10) >= day || t.slice(11, 13) < '09' || t.slice(11, 13) > '17');
        if (late.length) problems.push(`${day}: ${c.key} at ${late.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('spreads the cases over the year before the seed', () => {
    const { cases } = demoYear(at('2026-11-27'), calendar);
    const months = new Set(cases.map((c) => c.steps[0][1].slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(10);
  });

  it('leaves out, and names, a script that cannot be dated on the calendar rather than guessing', () => {
    const { skipped } = demoYear(at('2027-06-30'), calendar);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]).toMatch(/2027/);
  });
});
