/**
 * Calendar dates and instants in Vietnam time (UTC+7, no daylight saving).
 *
 * A legal date is an ISO string `YYYY-MM-DD`; internally it is a day number (days since 1970-01-01).
 * An instant is milliseconds since the epoch. An event time is written either as a date (the start of
 * that day in Vietnam) or as an ISO date-time with an explicit offset (`Z` or `+07:00`).
 */
const DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date or date-time the caller wrote badly; the message names what and where. */
export class DateFormatError extends Error {
  constructor(
    readonly where: string,
    readonly value: unknown,
  ) {
    super(
      `${where}: expected a date like 2026-04-24 or a date-time with offset like 2026-04-24T09:00:00+07:00, got ${JSON.stringify(value)}`,
    );
    this.name = 'DateFormatError';
  }
}

/** Day number of an ISO date, or throws DateFormatError naming `where`. */
export function dayNumber(iso: unknown, where = 'date'): number {
  const m = typeof iso === 'string' ? DATE_RE.exec(iso) : null;
  if (!m) throw new DateFormatError(where, iso);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DateFormatError(where, iso);
  }
  return ms / DAY;
}

export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY).getUTCDay();
}

export function yearOf(day: number): number {
  return new Date(day * DAY).getUTCFullYear();
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[weekday(day)] ?? '';
}

/** Parses an event time: a date (start of day, Vietnam) or a date-time with offset. */
export function parseInstant(value: unknown, where = 'at'): number {
  if (typeof value === 'string' && DATE_RE.test(value)) return dayNumber(value, where) * DAY - OFFSET;
  const m = typeof value === 'string' ? INSTANT_RE.exec(value) : null;
  if (!m) throw new DateFormatError(where, value);
  dayNumber(`${m[1]}-${m[2]}-${m[3]}`, where);
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) throw new DateFormatError(where, value);
  const ms = Date.parse(value as string);
  if (Number.isNaN(ms)) throw new DateFormatError(where, value);
  return ms;
}

/** The Vietnam calendar day on which an instant falls. */
export function localDay(ms: number): number {
  return Math.floor((ms + OFFSET) / DAY);
}

export function startOfDay(day: number): number {
  return day * DAY - OFFSET;
}

/** The last millisecond of a Vietnam calendar day. */
export function endOfDay(day: number): number {
  return (day + 1) * DAY - OFFSET - 1;
}

/** ISO date-time in Vietnam time, e.g. `2026-05-04T23:59:59.999+07:00`. */
export function formatInstant(ms: number): string {
  return new Date(ms + OFFSET).toISOString().replace('Z', '+07:00');
}

/**
 * Adds whole months by the Civil Code 2015 Art. 147–148 rule: the period ends on the same day
 * of the last month, or on that month's last day when it has no such day (31/01 + 1 month = 28/02).
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}

/** Whole years between a birth date and a date (a birthday on 29/02 is reached on 01/03 in common years). */
export function wholeYears(birth: number, at: number): number {
  const b = new Date(birth * DAY);
  const a = new Date(at * DAY);
  let years = a.getUTCFullYear() - b.getUTCFullYear();
  const before =
    a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate());
  if (before) years -= 1;
  return years;
}

export { DAY };
