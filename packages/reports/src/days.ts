/**
 * Calendar days for the indicator engine: `YYYY-MM-DD` in Viet Nam time (UTC+7, no daylight saving), day numbers
 * for fast comparison, working days (Saturday, Sunday and the query's days off skipped), calendar quarters,
 * age bands and the period's label in Vietnamese and English.
 */
import type { Text } from './types.js';

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Viet Nam calendar day of a date or an ISO instant; `undefined` when the text is neither. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (DATE.test(value)) return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  // Fast path: an instant written in Viet Nam time is on its own calendar day.
  if (value.endsWith('+07:00') && !Number.isNaN(dayNumber(value.slice(0, 10)))) return value.slice(0, 10);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
const numbers = new Map<string, number>();
export function dayNumber(day: string): number {
  let n = numbers.get(day);
  if (n === undefined) {
    n = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (numbers.size > 100_000) numbers.clear();
    numbers.set(day, n);
  }
  return n;
}

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A working-day calendar: weekends (but make-up Saturdays) and the given days off are not working days. */
export class WorkingDays {
  private readonly off: Set<number>;
  private readonly saturdays: Set<number>;
  constructor(daysOff: readonly string[] = [], workingSaturdays: readonly string[] = []) {
    this.off = new Set(daysOff.map(dayNumber));
    this.saturdays = new Set(workingSaturdays.map(dayNumber));
  }
  isWorking(n: number): boolean {
    const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
    if (weekday === 6) return this.saturdays.has(n);
    return weekday !== 0 && !this.off.has(n);
  }
  /** The day number of the `count`-th working day after day number `start` (the start day itself not counted). */
  add(start: number, count: number): number {
    let n = start;
    let left = count;
    while (left > 0) {
      n++;
      if (this.isWorking(n)) left--;
    }
    return n;
  }
}

export interface Span {
  key: string;
  from: number;
  to: number;
}

/** The calendar quarters meeting [from, to] (day numbers), each clipped to the period: `2026-Q3` … */
export function quartersOf(from: string, to: string): Span[] {
  const out: Span[] = [];
  const end = dayNumber(to);
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const qFrom = dayNumber(`${year}-${String(q * 3 + 1).padStart(2, '0')}-01`);
    if (qFrom > end) break;
    const next = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`;
    out.push({
      key: `${year}-Q${q + 1}`,
      from: Math.max(qFrom, dayNumber(from)),
      to: Math.min(dayNumber(next) - 1, end),
    });
    q++;
    if (q === 4) {
      q = 0;
      year++;
    }
  }
  return out;
}

/** Age band at a day: `12-15`, `16-17`, `18-29`, `30-49`, `50+`, or `unknown` (no birth date, or under 12). */
export function ageBand(birthDate: string | undefined, at: string): string {
  if (!birthDate || !DATE.test(birthDate)) return 'unknown';
  let age = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (at.slice(5) < birthDate.slice(5)) age--;
  if (age < 12) return 'unknown';
  if (age < 16) return '12-15';
  if (age < 18) return '16-17';
  if (age < 30) return '18-29';
  if (age < 50) return '30-49';
  return '50+';
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const viDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const enDate = (d: string): string =>
  `${Number(d.slice(8, 10))} ${MONTHS_EN[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** "6 tháng đầu năm 2026" / "First half of 2026", a year, a quarter, or the range in words. */
export function periodLabel(from: string, to: string): Text {
  const y = from.slice(0, 4);
  const same = to.slice(0, 4) === y;
  const md = `${from.slice(5)}|${to.slice(5)}`;
  if (same && md === '01-01|12-31') return { vi: `Năm ${y}`, en: `Year ${y}` };
  if (same && md === '01-01|06-30') return { vi: `6 tháng đầu năm ${y}`, en: `First half of ${y}` };
  if (same && md === '07-01|12-31') return { vi: `6 tháng cuối năm ${y}`, en: `Second half of ${y}` };
  const quarters = quartersOf(from, to);
  const q = quarters[0];
  if (
    quarters.length === 1 &&
    q &&
    dayFromNumber(q.from).slice(5, 10) === ['01-01', '04-01', '07-01', '10-01'][Number(q.key.slice(-1)) - 1] &&
    dayNumber(to) === q.to &&
    ['03-31', '06-30', '09-30', '12-31'].includes(to.slice(5))
  ) {
    const n = Number(q.key.slice(-1));
    return { vi: `Quý ${ROMAN[n - 1]} năm ${y}`, en: `Q${n} ${y}` };
  }
  return { vi: `Từ ${viDate(from)} đến ${viDate(to)}`, en: `${enDate(from)} – ${enDate(to)}` };
}
