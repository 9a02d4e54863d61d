import { createHash } from 'node:crypto';
import { CalendarDate, WorkingDayCalendar, addDays, addWorkingDays, firstWorkingDayOnOrAfter } from '@app/calendar';
import { CaseCommand, CaseFacts, CommandBody, UserCommandName } from '@workflows/enforcement-case';
import { CaseSoFar, DemoCase, DemoStep } from '../demo-runner';
import { SeededRandom } from './random';

/** The seed's "now": every date of the demo year is counted back from it, on the statutory calendar. */
export interface SeedTime {
  /** Asia/Shanghai date of the service clock at first start. */
  today: CalendarDate;
  calendar: WorkingDayCalendar;
}

/** When the officers opened the case: calendar days before today (then the next working day), or working days before. */
export type Opened = { daysAgo: number } | { workingDaysAgo: number };

export interface CaseSetup extends Omit<CaseFacts, 'agencyId' | 'handlingOfficerIds' | 'discoveredAt'> {
  key: string;
  /** The bureau's division code (its users are u-<code>-head, u-<code>-officer-1 …). */
  agency: string;
  opened: Opened;
  /** Which two officers handle it (default 1 and 2). */
  officers?: [number, number];
  major?: boolean;
}

/** A bureau's person, by post: the head, the legal reviewer, an officer, or the city's supervisor. */
export type Post = 'head' | 'reviewer' | 'officer-1' | 'officer-2' | 'officer-3' | 'supervisor';

function workingDaysBefore(calendar: WorkingDayCalendar, date: CalendarDate, n: number): CalendarDate {
  let d = date;
  for (let counted = 0; counted < n;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) counted++;
  }
  return d;
}

/**
 * One demo case as a script: opened on its day, then each step some working days after the one before, at an office
 * hour, by a person of the bureau. The script keeps the day, so each step's date and the periods it names are lawful
 * by construction; a step that would not lie before the seed's today is a mistake in the script and throws.
 */
export class CaseScript {
  readonly steps: DemoStep[] = [];
  readonly rnd: SeededRandom;
  /** The day the script has reached. */
  date: CalendarDate;
  private minutes = 0;

  constructor(
    readonly time: SeedTime,
    readonly setup: CaseSetup,
  ) {
    this.rnd = new SeededRandom(setup.key);
    const { today, calendar } = time;
    const o = setup.opened;
    this.date =
      'daysAgo' in o
        ? firstWorkingDayOnOrAfter(calendar, addDays(today, -o.daysAgo))
        : workingDaysBefore(calendar, today, o.workingDaysAgo);
    this.minutes = this.rnd.int(0, 90);
    const { key: _k, agency, opened: _o, officers: _n, ...facts } = setup;
    this.step('officer-1', 'open-case', {
      ...facts,
      agencyId: `ag-${agency}`,
      discoveredAt: this.date,
      handlingOfficerIds: this.officers,
    });
  }

  get key(): string {
    return this.setup.key;
  }

  /** The two handling officers' ids. */
  get officers(): string[] {
    const [a, b] = this.setup.officers ?? [1, 2];
    return [this.user(`officer-${a}` as Post), this.user(`officer-${b}` as Post)];
  }

  /** A person's id: the case's first and second handling officers stand for 'officer-1' and 'officer-2'. */
  user(post: Post): string {
    if (post === 'supervisor') return 'u-431000-supervisor';
    if (post === 'officer-1' || post === 'officer-2') {
      const [a, b] = this.setup.officers ?? [1, 2];
      return `u-${this.setup.agency}-officer-${post === 'officer-1' ? a : b}`;
    }
    if (post === 'officer-3') {
      const [a, b] = this.setup.officers ?? [1, 2];
      return `u-${this.setup.agency}-officer-${[1, 2, 3].find((n) => n !== a && n !== b)}`;
    }
    return `u-${this.setup.agency}-${post}`;
  }

  /** Moves on `n` working days (0: later the same day). */
  wait(n: number): this {
    if (n > 0) {
      this.date = addWorkingDays(this.time.calendar, this.date, n);
      this.minutes = this.rnd.int(0, 90);
    }
    return this;
  }

  /** Moves on `n` calendar days, to that day or the first working day after it. */
  waitDays(n: number): this {
    this.date = firstWorkingDayOnOrAfter(this.time.calendar, addDays(this.date, n));
    this.minutes = this.rnd.int(0, 90);
    return this;
  }

  /** Moves on to `date` (or the first working day after it); never back. */
  waitUntil(date: CalendarDate): this {
    const to = firstWorkingDayOnOrAfter(this.time.calendar, date);
    if (to > this.date) {
      this.date = to;
      this.minutes = this.rnd.int(0, 90);
    }
    return this;
  }

  /** A date `n` working days after the script's current day (for periods a step names, e.g. a hearing date). */
  workingDaysLater(n: number): CalendarDate {
    return addWorkingDays(this.time.calendar, this.date, n);
  }

  /** The seed's today less `n` working days (a step placed close before the seed). */
  workingDaysBeforeToday(n: number): CalendarDate {
    return workingDaysBefore(this.time.calendar, this.time.today, n);
  }

  /** The seed's today plus `n` working days (a deadline a step sets to fall due soon after the seed). */
  workingDaysAfterToday(n: number): CalendarDate {
    return addWorkingDays(this.time.calendar, this.time.today, n);
  }

  /** A content hash for evidence the script records (the file itself is never stored). */
  hash(label: string): string {
    return createHash('sha256').update(`${this.key}:${label}`).digest('hex');
  }

  /** One command, as `post`, at the script's day and the next office minute. */
  step<K extends UserCommandName>(post: Post, name: K, body: CommandBody<K> | ((c: CaseSoFar) => CommandBody<K>)): this {
    if (this.date >= this.time.today)
      throw new Error(`demo case ${this.key}: ${name} would fall on ${this.date}, not before the seed's day ${this.time.today}`);
    const at = 9 * 60 + Math.min(this.minutes, 8 * 60);
    this.minutes += this.rnd.int(12, 70);
    const hh = String(Math.floor(at / 60)).padStart(2, '0');
    const mm = String(at % 60).padStart(2, '0');
    // A body that needs an id the engine generated on an earlier step is made when the step runs.
    const later = typeof body === 'function' ? (body as (c: CaseSoFar) => CommandBody<K>) : null;
    const command: DemoStep[2] = later ? (c) => ({ name, body: later(c) }) as CaseCommand : ({ name, body } as CaseCommand);
    this.steps.push([this.user(post), `${this.date}T${hh}:${mm}:00+08:00`, command]);
    return this;
  }

  toDemoCase(): DemoCase {
    return { key: this.key, steps: this.steps };
  }
}
