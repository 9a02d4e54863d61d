import {
  CalendarYearNotCoveredError,
  WorkingDayCalendar,
  addDays,
  daysInMonth,
  firstWorkingDayOnOrAfter,
  formatDate,
  addWorkingDays,
  endOfShanghaiDay,
  parseInstant,
  toShanghaiDate,
} from '@app/calendar';
import { IsoDate, IsoDateTime } from '../case-types';
import { PeriodRule, RulesVersion, PeriodName } from '../rules/rules-version';
import { DeadlineKind, DeadlineSet } from './deadline';
import { DEADLINE_RULES } from './deadline-kinds';

const UNIT_TEXT: Record<PeriodRule['unit'], string> = {
  working_days: '个工作日 working days',
  calendar_days: '日 calendar days',
  months: '个月 months',
};

/**
 * A deadline computed at the moment its period starts, with the rules version in force for the case, counted as its
 * kind is declared (deadline-kinds.ts, docs/deadlines.md): the starting day is not counted; working-day periods skip
 * holidays and count make-up working days; a calendar-day or month period ending on a rest day moves to the next
 * working day when its kind rolls over, and never for a limit on coercion (行政强制法第二十五条).
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
  const rollsOver = DEADLINE_RULES[kind].rollsOver;
  const { dueDate, provisional, nominalDueDate } = periodEnd(calendar, toShanghaiDate(startedAt), rule, rollsOver);
  return {
    kind,
    startedAt,
    dueDate,
    dueAt: endOfShanghaiDay(dueDate),
    basis: `${rule.n} ${UNIT_TEXT[rule.unit]}${rule.unit !== 'working_days' && !rollsOver ? ' 届满日不顺延 (no roll-over)' : ''} (${rule.source})`,
    rulesVersion: rules.id,
    ...(provisional ? { provisional } : {}),
    ...(nominalDueDate ? { nominalDueDate } : {}),
  };
}

/**
 * An exact-hour deadline (transfer within 24 hours, 行政执法机关移送涉嫌犯罪案件的规定第五条): due the same moment that
 * many hours later, across midnight and holidays alike (hours are not days: no roll-over).
 */
export function computeHoursDeadline(kind: DeadlineKind, startedAt: IsoDateTime, rules: RulesVersion): DeadlineSet {
  const { hours, source } = DEADLINE_RULES[kind];
  if (!hours) throw new Error(`${kind} is not an hour period`);
  const dueAt = new Date(parseInstant(startedAt)! + hours * 3_600_000).toISOString();
  return { kind, startedAt, dueDate: toShanghaiDate(dueAt), dueAt, basis: `${hours} 小时 hours (${source})`, rulesVersion: rules.id };
}

/**
 * The due day of a deadline whose last counted day is `nominal`: moved off rest days when its kind rolls over. The
 * nominal day is kept when it differs, so a later move (a suspension) counts on from it and never adds to a roll-over.
 */
export function dueFromLastCountedDay(
  kind: DeadlineKind,
  nominal: IsoDate,
  calendar: WorkingDayCalendar,
): Pick<DeadlineSet, 'dueDate' | 'dueAt' | 'nominalDueDate'> {
  const dueDate = DEADLINE_RULES[kind].rollsOver ? firstWorkingDayOnOrAfter(calendar, nominal) : nominal;
  return { dueDate, dueAt: endOfShanghaiDay(dueDate), ...(dueDate !== nominal ? { nominalDueDate: nominal } : {}) };
}

/** The deadline's last counted day: before any roll-over. */
export const lastCountedDay = (d: Pick<DeadlineSet, 'dueDate' | 'nominalDueDate'>): IsoDate => d.nominalDueDate ?? d.dueDate;

/**
 * Period ends are pure in (calendar, start date, period): memoised per calendar, since every command of a day
 * asks the same few questions. A calendar never changes once built (a new overrides file is a new calendar).
 */
interface PeriodEnd {
  dueDate: string;
  provisional?: string;
  nominalDueDate?: string;
}
const ends = new WeakMap<WorkingDayCalendar, Map<string, PeriodEnd>>();

function periodEnd(calendar: WorkingDayCalendar, start: string, rule: PeriodRule, rollsOver: boolean): PeriodEnd {
  let memo = ends.get(calendar);
  if (!memo) ends.set(calendar, (memo = new Map<string, PeriodEnd>()));
  const key = `${rule.unit}:${rule.n}:${start}:${rollsOver}`;
  let end = memo.get(key);
  if (!end) {
    if (memo.size > 50_000) memo.clear();
    memo.set(key, (end = countPeriod(calendar, start, rule, rollsOver)));
  }
  return end;
}

function countPeriod(calendar: WorkingDayCalendar, start: string, rule: PeriodRule, rollsOver: boolean): PeriodEnd {
  // A limit on coercion ends on its last calendar day: no calendar needed.
  if (rule.unit !== 'working_days' && !rollsOver) return { dueDate: nominalEnd(start, rule) };
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
      dueDate = nominal ? firstWorkingDayOnOrAfter(calendar, nominal) : addWorkingDays(calendar, start, rule.n);
    } catch (e) {
      // A period ending on 31 December may need the next year to move off a holiday.
      if (!(e instanceof CalendarYearNotCoveredError) || !nominal) throw e;
      dueDate = nominal;
      provisional = uncovered(e.year);
    }
  }
  if (provisional) return { dueDate, provisional };
  return nominal && nominal !== dueDate ? { dueDate, nominalDueDate: nominal } : { dueDate };
}

function nominalEnd(start: string, rule: PeriodRule): string {
  if (rule.unit === 'calendar_days') return addDays(start, rule.n);
  const [y, m, d] = start.split('-').map(Number);
  const index = m - 1 + rule.n;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}
