/**
 * `lawRange` `{ value, min?, max?, unit? }`: the number at the scope `value` lies within bounds taken
 * from the pinned law version (inclusive). Each bound is a number, a law path (`"durations.compulsoryAdult"`
 * reads its `n`; `"durations.compulsoryAdult.max"` its `max`) or `{ "law": <path>, "optional": true }`
 * (no such value in this law version: that bound is not checked). A bound the law lacks refuses the event
 * with `law-value-missing` naming the path. `unit` (e.g. `"months"`) must match the law value's unit.
 * An absent value at the scope makes the guard false; a value that is not a number is a data error.
 *
 * @example { "type": "lawRange", "params": { "value": "#/properties/courtDecision/properties/months",
 *            "min": "durations.compulsoryAdult", "max": { "law": "durations.compulsoryAdult.max", "optional": true },
 *            "unit": "months" } }
 */
import { resolveScope } from '../conditions/condition.js';
import { lawNumber } from '../law/law-number.js';
import type { LawNumberRef } from '../law/law-number.js';
import type { GuardContext } from './guards.js';
import { GuardDataError } from './guards.js';

function bound(ctx: GuardContext, p: Record<string, unknown>, key: 'min' | 'max'): number | undefined {
  const ref = p[key];
  if (ref === undefined) return undefined;
  let n;
  try {
    n = lawNumber(ctx.law, ref as LawNumberRef, `lawRange "${key}"`);
  } catch (e) {
    if (e instanceof TypeError) throw new GuardDataError(e.message);
    throw e;
  }
  if (!n) return undefined;
  if (typeof p.unit === 'string' && n.unit !== undefined && n.unit !== p.unit) {
    throw new GuardDataError(`lawRange: law value "${String(n.path)}" is in ${n.unit}, not ${p.unit}`);
  }
  return n.value;
}

export function lawRange(ctx: GuardContext, p: Record<string, unknown>): boolean {
  if (typeof p.value !== 'string') throw new GuardDataError('lawRange: "value" (a scope) is required');
  if (p.min === undefined && p.max === undefined) throw new GuardDataError('lawRange: give "min", "max" or both');
  const v = resolveScope(ctx.data, p.value);
  const min = bound(ctx, p, 'min');
  const max = bound(ctx, p, 'max');
  const unit = typeof p.unit === 'string' ? ` ${p.unit}` : '';
  const name = (k: 'min' | 'max'): string => {
    const r = p[k];
    const path = typeof r === 'string' ? r : r && typeof r === 'object' ? (r as { law: string }).law : undefined;
    return path ? ` (${path}, law ${ctx.law.id})` : '';
  };
  if (v === undefined) return ctx.because(`no value at ${p.value}`);
  if (typeof v !== 'number') throw new GuardDataError(`lawRange: ${p.value} is not a number (${JSON.stringify(v)})`);
  if (min !== undefined && v < min)
    return ctx.because(`${p.value} = ${v} is below the minimum ${min}${unit}${name('min')}`);
  if (max !== undefined && v > max)
    return ctx.because(`${p.value} = ${v} is above the maximum ${max}${unit}${name('max')}`);
  return true;
}
