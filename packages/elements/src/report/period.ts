/**
 * Report periods: what the period picker can choose (a half-year, a year, a quarter, a plan's period, any range)
 * turned into calendar days `from`–`to` (both included, Viet Nam time), and the default — the last complete
 * half-year before "now".
 */

export type PeriodKind = 'half' | 'year' | 'quarter' | 'plan' | 'range';

/** The picker's state. `half` is 1 or 2, `quarter` 1–4; `from`/`to` only for `range`. */
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  half: 1 | 2;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
}

/** A plan that can be reported on (a plan file of the indicator definitions fits): its id, title and period. */
export interface PlanOption {
  id: string;
  title: { vi: string; en: string };
  period?: { from: string; to: string };
}

/** Whether a plan has a period the picker can offer. */
export function hasPeriod(plan: PlanOption | undefined): plan is PlanOption & { period: { from: string; to: string } } {
  return !!plan?.period && isDay(plan.period.from) && isDay(plan.period.to) && plan.period.from <= plan.period.to;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of an instant (or a day) in Viet Nam time, `YYYY-MM-DD`; `undefined` when it is not a date. */
export function vietnamDay(value: string): string | undefined {
  if (DAY.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day `YYYY-MM-DD` (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The last complete half-year before `today`: on 2026-07-01 … 2026-12-31 it is H1 2026, before July H2 2025. */
export function defaultChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [y, half]: [number, 1 | 2] = month >= 7 ? [year, 1] : [year - 1, 2];
  const range = halfRange(y, half);
  return { kind: 'half', year: y, half, quarter: half === 1 ? 2 : 4, from: range.from, to: range.to };
}

function halfRange(year: number, half: 1 | 2): { from: string; to: string } {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

function quarterRange(year: number, q: number): { from: string; to: string } {
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/**
 * The days of a choice, or an error key: `badRange` when a range is not two days in order, `noPlanPeriod` when the
 * chosen plan has no period.
 */
export function periodRange(
  choice: PeriodChoice,
  plan?: PlanOption,
): { from: string; to: string } | { error: 'badRange' | 'noPlanPeriod' } {
  switch (choice.kind) {
    case 'half':
      return halfRange(choice.year, choice.half);
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'quarter':
      return quarterRange(choice.year, choice.quarter);
    case 'plan':
      return hasPeriod(plan) ? { from: plan.period.from, to: plan.period.to } : { error: 'noPlanPeriod' };
    case 'range':
      return isDay(choice.from) && isDay(choice.to) && choice.from <= choice.to
        ? { from: choice.from, to: choice.to }
        : { error: 'badRange' };
  }
}

/**
 * The period before `from`–`to` to compare with: the previous half-year, year or quarter for those kinds (from the
 * same day of the month, `months` earlier), else as many days just before `from`.
 */
export function previousPeriod(kind: PeriodKind, from: string, to: string): { from: string; to: string } {
  const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const end = iso(day(from) - 86_400_000);
  const months = kind === 'half' ? 6 : kind === 'year' ? 12 : kind === 'quarter' ? 3 : 0;
  if (months) {
    const d = new Date(day(from));
    d.setUTCMonth(d.getUTCMonth() - months);
    return { from: iso(d.getTime()), to: end };
  }
  const length = (day(to) - day(from)) / 86_400_000 + 1;
  return { from: iso(day(from) - length * 86_400_000), to: end };
}

/** Years offered by the picker: from five years before `today`'s year to `today`'s year, newest first. */
export function yearOptions(today: string, chosen: number): number[] {
  const last = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => last - i);
  if (!years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a);
}

/** `2026-01-01`–`2026-06-30` → `2026-01-01_2026-06-30`, for file names. */
export function periodSlug(from: string, to: string): string {
  return `${from}_${to}`;
}
