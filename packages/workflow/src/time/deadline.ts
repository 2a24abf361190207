/**
 * Legal due dates, computed once when the triggering event is accepted and stored on the case.
 *
 * Civil Code 2015 Art. 144–148: a period in days starts the day after the triggering event;
 * a calendar-day (or month) period ending on a rest day ends at the end of the next working day;
 * working-day periods count only working days; hours run from the moment, through weekends.
 */
import type { CalendarRef, WorkingCalendar } from './calendar.js';
import {
  addMonths,
  endOfDay,
  formatInstant,
  isoDate,
  localDay,
  parseInstant,
  startOfDay,
  weekdayName,
  yearOf,
} from './dates.js';

export type DeadlineUnit = 'workingDays' | 'days' | 'months' | 'hours';
export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['workingDays', 'days', 'months', 'hours'];

export interface DueInput {
  n: number;
  unit: DeadlineUnit;
  /** The triggering moment: a date or a date-time with offset. */
  from: string;
  /** Move a period ending on a rest day to the next working day (default true; not for `hours`). */
  shift?: boolean;
}

export interface SkippedDay {
  date: string;
  weekday: string;
  reason: 'weekend' | 'day-off';
}

export interface DueDate {
  n: number;
  unit: DeadlineUnit;
  from: string;
  /** The legal last day (Vietnam calendar date). */
  due: string;
  /** The last moment, Vietnam time. */
  dueAt: string;
  /** From this moment the deadline is reported `at-risk`. */
  atRiskFrom: string;
  /** Calendar files consulted (none for hours, or months/days without a shift). */
  calendars: CalendarRef[];
  /** How it was counted, for people. */
  explanation: { counted: string[]; skipped: SkippedDay[]; shiftedFrom?: string; unverified: string[] };
}

export class DeadlineInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineInputError';
  }
}

export function computeDue(input: DueInput, calendar: WorkingCalendar): DueDate {
  const { n, unit } = input;
  if (!DEADLINE_UNITS.includes(unit)) {
    throw new DeadlineInputError(`unit must be one of ${DEADLINE_UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
  }
  if (!Number.isInteger(n) || n < 1) throw new DeadlineInputError(`n must be a whole number ≥ 1, got ${String(n)}`);
  const fromMs = parseInstant(input.from, 'from');
  const years = new Set<number>();
  const counted: string[] = [];
  const skipped: SkippedDay[] = [];
  const rest = (day: number): 'weekend' | 'day-off' | null => {
    years.add(yearOf(day));
    return calendar.restReason(day);
  };
  const skip = (day: number, reason: 'weekend' | 'day-off'): void => {
    skipped.push({ date: isoDate(day), weekday: weekdayName(day), reason });
  };
  let dueMs: number;
  let atRiskMs: number;
  let dueDay: number;
  let shiftedFrom: string | undefined;
  if (unit === 'hours') {
    dueMs = fromMs + n * 3_600_000;
    atRiskMs = fromMs + Math.round(n * 0.75 * 3_600_000);
    dueDay = localDay(dueMs);
  } else {
    const start = localDay(fromMs);
    if (unit === 'workingDays') {
      let d = start;
      let k = 0;
      while (k < n) {
        d += 1;
        const r = rest(d);
        if (r) skip(d, r);
        else {
          k += 1;
          counted.push(isoDate(d));
        }
      }
      dueDay = d;
    } else {
      dueDay = unit === 'days' ? start + n : addMonths(start, n);
      if (input.shift !== false) {
        const first = dueDay;
        for (let r = rest(dueDay); r; r = rest(dueDay)) {
          skip(dueDay, r);
          dueDay += 1;
        }
        if (dueDay !== first) shiftedFrom = isoDate(first);
      }
    }
    dueMs = endOfDay(dueDay);
    atRiskMs = startOfDay(atRiskDay(unit, n, start, dueDay, calendar, years, input.shift !== false));
  }
  const unverified =
    unit === 'hours' ? [] : calendar.unverifiedBetween(localDay(fromMs) + 1, dueDay).map((u) => `${u.date}: ${u.note}`);
  return {
    n,
    unit,
    from: input.from,
    due: isoDate(dueDay),
    dueAt: formatInstant(dueMs),
    atRiskFrom: formatInstant(atRiskMs),
    calendars: [...years].sort().map((y) => calendar.ref(y)),
    explanation: { counted, skipped, ...(shiftedFrom ? { shiftedFrom } : {}), unverified },
  };
}

/** At risk from the working day before the due day (the due day itself for 1-day periods; 7 days before for months). */
function atRiskDay(
  unit: DeadlineUnit,
  n: number,
  start: number,
  due: number,
  calendar: WorkingCalendar,
  years: Set<number>,
  useCalendar: boolean,
): number {
  if (unit === 'months') return Math.max(start + 1, due - 7);
  if (n <= 1 || !useCalendar) return Math.max(start + 1, due - (n <= 1 ? 0 : 1));
  let d = due - 1;
  while (d > start) {
    years.add(yearOf(d));
    if (calendar.isWorkingDay(d)) return d;
    d -= 1;
  }
  return due;
}

export type DeadlineStatus = 'due' | 'at-risk' | 'overdue' | 'met';

/** Status at `now`, from stored instants only: a restored case reads exactly like a live one. */
export function deadlineStatus(d: { dueAt: string; atRiskFrom: string; metAt?: string }, now: number): DeadlineStatus {
  if (d.metAt !== undefined) return 'met';
  if (now > Date.parse(d.dueAt)) return 'overdue';
  if (now >= Date.parse(d.atRiskFrom)) return 'at-risk';
  return 'due';
}
