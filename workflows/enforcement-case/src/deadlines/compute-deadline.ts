import {
  CalendarYearNotCoveredError,
  WorkingDayCalendar,
  addDays,
  addCalendarDays,
  daysInMonth,
  formatDate,
  addMonths,
  addWorkingDays,
  endOfShanghaiDay,
  toShanghaiDate,
} from '@app/calendar';
import { IsoDateTime } from '../case-types';
import { PeriodRule, RulesVersion, PeriodName } from '../rules/rules-version';
import { DeadlineKind, DeadlineSet } from './deadline';

const UNIT_TEXT: Record<PeriodRule['unit'], string> = {
  working_days: '个工作日 working days',
  calendar_days: '日 calendar days',
  months: '个月 months',
};

/**
 * A deadline computed at the moment its period starts, with the rules version in force for the case
 * (docs/procedure.md §1: the starting day is not counted; working-day periods skip holidays and count make-up
 * working days; a calendar-day or month period ending on a rest day moves to the next working day).
 * Throws CalendarYearNotCoveredError when the calendar lacks the years it needs.
 */
export function computeDeadline(
  kind: DeadlineKind,
  period: PeriodName,
  startedAt: IsoDateTime,
  rules: RulesVersion,
  calendar: WorkingDayCalendar,
): DeadlineSet {
  return computeDeadlineBy(kind, rules.periods[period], startedAt, rules, calendar);
}

/**
 * A deadline whose period is set by the step itself rather than by the rules book (a 督办 names its reply period),
 * counted the same way and recorded with the rules version of the case.
 */
export function computeDeadlineBy(
  kind: DeadlineKind,
  rule: PeriodRule,
  startedAt: IsoDateTime,
  rules: RulesVersion,
  calendar: WorkingDayCalendar,
): DeadlineSet {
  const { dueDate, provisional } = periodEnd(calendar, toShanghaiDate(startedAt), rule);
  return {
    kind,
    startedAt,
    dueDate,
    dueAt: endOfShanghaiDay(dueDate),
    basis: `${rule.n} ${UNIT_TEXT[rule.unit]} (${rule.source})`,
    rulesVersion: rules.id,
    ...(provisional ? { provisional } : {}),
  };
}

/**
 * Period ends are pure in (calendar, start date, period): memoised per calendar, since every command of a day
 * asks the same few questions. A calendar never changes once built (a new overrides file is a new calendar).
 */
const ends = new WeakMap<WorkingDayCalendar, Map<string, { dueDate: string; provisional?: string }>>();

function periodEnd(calendar: WorkingDayCalendar, start: string, rule: PeriodRule): { dueDate: string; provisional?: string } {
  let memo = ends.get(calendar);
  if (!memo) ends.set(calendar, (memo = new Map<string, { dueDate: string; provisional?: string }>()));
  const key = `${rule.unit}:${rule.n}:${start}`;
  let end = memo.get(key);
  if (!end) {
    if (memo.size > 50_000) memo.clear();
    memo.set(key, (end = countPeriod(calendar, start, rule)));
  }
  return end;
}

function countPeriod(calendar: WorkingDayCalendar, start: string, rule: PeriodRule): { dueDate: string; provisional?: string } {
  // A working-day period cannot be counted without the year's holiday notice: refuse (docs/procedure.md §1).
  // A calendar-day or month period can: only its move off a closing holiday is unknown, so it is kept
  // with its nominal end and marked provisional until the calendar covers that year.
  const nominal = rule.unit === 'working_days' ? null : nominalEnd(start, rule);
  let dueDate: string;
  let provisional: string | undefined;
  const uncovered = (year: number) =>
    `没有 ${year} 年的节假日数据 (no holiday calendar data for ${year}); 期末未按节假日顺延 (end not yet moved off a holiday)`;
  if (nominal && !calendar.hasYear(Number(nominal.slice(0, 4)))) {
    dueDate = nominal;
    provisional = uncovered(Number(nominal.slice(0, 4)));
  } else {
    try {
      dueDate =
        rule.unit === 'working_days'
          ? addWorkingDays(calendar, start, rule.n)
          : rule.unit === 'calendar_days'
            ? addCalendarDays(calendar, start, rule.n)
            : addMonths(calendar, start, rule.n);
    } catch (e) {
      // A period ending on 31 December may need the next year to move off a holiday.
      if (!(e instanceof CalendarYearNotCoveredError) || !nominal) throw e;
      dueDate = nominal;
      provisional = uncovered(e.year);
    }
  }
  return provisional ? { dueDate, provisional } : { dueDate };
}

function nominalEnd(start: string, rule: PeriodRule): string {
  if (rule.unit === 'calendar_days') return addDays(start, rule.n);
  const [y, m, d] = start.split('-').map(Number);
  const index = m - 1 + rule.n;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}
