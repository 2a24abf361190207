/**
 * Named guards, implemented once. A machine refers to them as `{ "type": <name>, "params": {...} }`.
 *
 * - `condition` `{ condition }`: a JSON Forms schema-based condition over the case data.
 * - `ageAtLeast` `{ years, at?, birthDate? }`, `ageBelow` `{ years, … }`, `ageBetween` `{ min, max, … }`
 *   (min ≤ age < max): age in whole years at `at` = "event" (default), "caseStart" or a scope to a date.
 * - `measureCount` `{ scope, min?, max? }`: length of the array (or the number) at scope.
 * - `daysSince` `{ scope, min?, max? }`: calendar days from the date at scope to the event's date.
 * - `deadlinePassed` `{ deadline }`: that case deadline was still open when its due moment passed.
 * - `withinLawPeriod` `{ scope, law }`: the date at scope is not older than the period the pinned law
 *   sets at `law` (e.g. `timeLimits.determinationMaxAge`, 6 months under Law 120); true when that
 *   law version sets no such period; false when the date is missing.
 * - `lawRange` `{ value, min?, max?, unit? }`: a number in the case data within bounds from the pinned law
 *   (see law-range.ts).
 * - `sender` `{ is?, isNot?, sameAs?, differentFrom? }`: who sent the event (see sender.ts).
 * - `all` `{ guards }`, `any` `{ guards }`, `not` `{ guard }`: combine the above.
 *
 * A guard that returns false may say why with `return ctx.because(reason)`; the reason goes into the
 * refusal's readable `detail`.
 */
import type { ConditionEvaluator, Condition } from '../conditions/condition.js';
import { resolveScope } from '../conditions/condition.js';
import type { ResolvedLaw } from '../law/law-version.js';
import { addMonths, dayNumber, localDay, wholeYears } from '../time/dates.js';
import { lawRange } from './law-range.js';
import { sender } from './sender.js';

export interface GuardRef {
  type: string;
  params?: Record<string, unknown>;
}

export interface GuardContext {
  /** `{ person, …stored form data, [dataKey]: incoming event data }`. */
  data: Record<string, unknown>;
  event: { type: string; at: string; atMs: number; data: unknown };
  /** Who sent the event (also in `data.$event.by`). */
  sender: { id: string; roles: readonly string[] };
  /** Accepted events so far, oldest first (from the audit). */
  history: readonly { event: string; at: string; by: { id: string; roles: readonly string[] } }[];
  caseStartedAt: string;
  deadlines: readonly { id: string; dueAt: string; metAt?: string; supersededAt?: string }[];
  /** The law version pinned by the case (with the province overlay). */
  law: ResolvedLaw;
  conditions: ConditionEvaluator;
  /** Evaluates a nested guard reference with the same context. */
  evaluate(guard: GuardRef): boolean;
  /** Records why the guard being evaluated is false, and returns false. */
  because(reason: string): false;
}

export type GuardImpl = (ctx: GuardContext, params: Record<string, unknown>) => boolean;

/** A guard could not be evaluated (missing or malformed data); the event is refused with this message. */
export class GuardDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuardDataError';
  }
}

const BIRTH = '#/properties/person/properties/birthDate';

function num(params: Record<string, unknown>, key: string, guard: string): number | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new GuardDataError(`${guard}: "${key}" must be a number`);
  return v;
}

function dateAt(ctx: GuardContext, scope: string, guard: string): number {
  const v = resolveScope(ctx.data, scope);
  if (v === undefined) throw new GuardDataError(`${guard}: no date at ${scope}`);
  return dayNumber(v, `${guard}: ${scope}`);
}

function age(ctx: GuardContext, params: Record<string, unknown>, guard: string): number {
  const birth = dateAt(ctx, typeof params.birthDate === 'string' ? params.birthDate : BIRTH, guard);
  const at = params.at ?? 'event';
  let day: number;
  if (at === 'event') day = localDay(ctx.event.atMs);
  else if (at === 'caseStart') day = dayNumber(ctx.caseStartedAt.slice(0, 10), `${guard}: caseStart`);
  else if (typeof at === 'string' && at.startsWith('#')) day = dateAt(ctx, at, guard);
  else throw new GuardDataError(`${guard}: "at" must be "event", "caseStart" or a scope`);
  return wholeYears(birth, day);
}

function within(value: number, params: Record<string, unknown>, guard: string): boolean {
  const min = num(params, 'min', guard);
  const max = num(params, 'max', guard);
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function guardList(params: Record<string, unknown>, guard: string): GuardRef[] {
  const list = params.guards;
  if (!Array.isArray(list) || list.length === 0)
    throw new GuardDataError(`${guard}: "guards" must be a non-empty array`);
  return list as GuardRef[];
}

export const builtinGuards: Record<string, GuardImpl> = {
  condition: (ctx, p) => ctx.conditions.evaluate(p.condition as Condition, ctx.data),
  ageAtLeast: (ctx, p) => age(ctx, p, 'ageAtLeast') >= (num(p, 'years', 'ageAtLeast') ?? NaN),
  ageBelow: (ctx, p) => age(ctx, p, 'ageBelow') < (num(p, 'years', 'ageBelow') ?? NaN),
  ageBetween: (ctx, p) => {
    const a = age(ctx, p, 'ageBetween');
    return a >= (num(p, 'min', 'ageBetween') ?? NaN) && a < (num(p, 'max', 'ageBetween') ?? NaN);
  },
  measureCount: (ctx, p) => {
    const v = typeof p.scope === 'string' ? resolveScope(ctx.data, p.scope) : undefined;
    const n = v === undefined ? 0 : Array.isArray(v) ? v.length : typeof v === 'number' ? v : NaN;
    if (Number.isNaN(n)) throw new GuardDataError(`measureCount: ${String(p.scope)} is neither an array nor a number`);
    return within(n, p, 'measureCount');
  },
  daysSince: (ctx, p) => {
    if (typeof p.scope !== 'string') throw new GuardDataError('daysSince: "scope" is required');
    return within(localDay(ctx.event.atMs) - dateAt(ctx, p.scope, 'daysSince'), p, 'daysSince');
  },
  deadlinePassed: (ctx, p) => {
    const d = ctx.deadlines.find((x) => x.id === p.deadline && x.supersededAt === undefined);
    if (!d) return false;
    const closed = d.metAt === undefined ? ctx.event.atMs : Date.parse(d.metAt);
    return closed > Date.parse(d.dueAt);
  },
  withinLawPeriod: (ctx, p) => {
    if (typeof p.scope !== 'string' || typeof p.law !== 'string') {
      throw new GuardDataError('withinLawPeriod: "scope" and "law" are required');
    }
    const period = ctx.law.values[p.law];
    if (!period) return true;
    if (resolveScope(ctx.data, p.scope) === undefined) return false;
    const from = dateAt(ctx, p.scope, 'withinLawPeriod');
    const n = period.n as number;
    const end = period.unit === 'months' ? addMonths(from, n) : period.unit === 'days' ? from + n : NaN;
    if (Number.isNaN(end)) throw new GuardDataError(`withinLawPeriod: ${p.law} must be in months or days`);
    return localDay(ctx.event.atMs) <= end;
  },
  lawRange,
  sender,
  all: (ctx, p) => guardList(p, 'all').every((g) => ctx.evaluate(g)),
  any: (ctx, p) => guardList(p, 'any').some((g) => ctx.evaluate(g)),
  not: (ctx, p) => {
    if (!p.guard || typeof p.guard !== 'object') throw new GuardDataError('not: "guard" is required');
    return !ctx.evaluate(p.guard as GuardRef);
  },
};
