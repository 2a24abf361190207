/**
 * The Vietnamese state-agency working calendar: Monday–Friday, minus the year's days off,
 * plus its make-up Saturdays. One data file per year (`workflows/calendars/vn/<year>.json`);
 * its `version` is stored with every due date computed from it.
 */
import { dayNumber, isoDate, weekday, yearOf } from './dates.js';

export interface HolidayCalendar {
  country: string;
  year: number;
  /** Changes whenever the data changes; stored with each due date. */
  version: string;
  status: 'official' | 'computed';
  source: string;
  daysOff: string[];
  workingSaturdays: string[];
  notes?: string;
  /** Dates whose status is not verified (e.g. 24/11 Vietnamese Culture Day); they are working days here. */
  unverified?: { date: string; note: string }[];
}

/** Which calendar file a computation used. */
export interface CalendarRef {
  year: number;
  version: string;
  status: 'official' | 'computed';
}

/** A deadline needs a year for which no calendar file exists. */
export class MissingCalendarError extends Error {
  constructor(readonly year: number) {
    super(`no holiday calendar for ${year}: add workflows/calendars/vn/${year}.json (days off and make-up Saturdays)`);
    this.name = 'MissingCalendarError';
  }
}

/** A calendar file that contradicts itself. */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

function check(cal: HolidayCalendar, where: string): { off: Set<number>; saturdays: Set<number> } {
  if (!Number.isInteger(cal.year)) throw new CalendarDataError(`${where}: "year" must be an integer`);
  if (typeof cal.version !== 'string' || !cal.version) throw new CalendarDataError(`${where}: "version" is required`);
  const off = new Set<number>();
  const saturdays = new Set<number>();
  (cal.daysOff ?? []).forEach((s, i) => {
    const d = dayNumber(s, `${where}/daysOff/${i}`);
    if (yearOf(d) !== cal.year) throw new CalendarDataError(`${where}/daysOff/${i}: ${s} is not in ${cal.year}`);
    if (weekday(d) === 0 || weekday(d) === 6) {
      throw new CalendarDataError(`${where}/daysOff/${i}: ${s} is a weekend day; list only weekdays`);
    }
    off.add(d);
  });
  (cal.workingSaturdays ?? []).forEach((s, i) => {
    const d = dayNumber(s, `${where}/workingSaturdays/${i}`);
    if (weekday(d) !== 6) throw new CalendarDataError(`${where}/workingSaturdays/${i}: ${s} is not a Saturday`);
    if (yearOf(d) !== cal.year) {
      throw new CalendarDataError(`${where}/workingSaturdays/${i}: ${s} is not in ${cal.year}`);
    }
    saturdays.add(d);
  });
  return { off, saturdays };
}

/** Answers "is this a working day?" across the years it was given; records which years it consulted. */
export class WorkingCalendar {
  readonly #years = new Map<number, { cal: HolidayCalendar; off: Set<number>; saturdays: Set<number> }>();

  constructor(calendars: readonly HolidayCalendar[]) {
    for (const cal of calendars) {
      const where = `calendar ${cal.country ?? 'vn'}/${cal.year}`;
      if (this.#years.has(cal.year)) throw new CalendarDataError(`${where}: given twice`);
      this.#years.set(cal.year, { cal, ...check(cal, where) });
    }
  }

  get years(): number[] {
    return [...this.#years.keys()].sort();
  }

  calendar(year: number): HolidayCalendar {
    const y = this.#years.get(year);
    if (!y) throw new MissingCalendarError(year);
    return y.cal;
  }

  ref(year: number): CalendarRef {
    const c = this.calendar(year);
    return { year, version: c.version, status: c.status };
  }

  /** Why a day is not worked, or null if it is a working day. Throws MissingCalendarError. */
  restReason(day: number): 'weekend' | 'day-off' | null {
    const y = this.#years.get(yearOf(day));
    if (!y) throw new MissingCalendarError(yearOf(day));
    const wd = weekday(day);
    if (wd === 6 && y.saturdays.has(day)) return null;
    if (wd === 0 || wd === 6) return 'weekend';
    return y.off.has(day) ? 'day-off' : null;
  }

  isWorkingDay(day: number): boolean {
    return this.restReason(day) === null;
  }

  /** Unverified dates of a year that fall in [from, to] (inclusive day numbers). */
  unverifiedBetween(from: number, to: number): { date: string; note: string }[] {
    const out: { date: string; note: string }[] = [];
    for (const { cal } of this.#years.values()) {
      for (const u of cal.unverified ?? []) {
        const d = dayNumber(u.date, `calendar ${cal.year} unverified`);
        if (d >= from && d <= to) out.push(u);
      }
    }
    return out;
  }
}

export { isoDate };
