/**
 * `sender` `{ is?, isNot?, sameAs?, differentFrom? }`: who sent the event (`event.by.id`), compared with
 * case data or with who sent an earlier accepted event. Every given check must hold.
 * - `is` / `isNot`: a scope to an id in the case data (e.g. `#/properties/person/properties/id`: the person
 *   themself signs); an absent id makes the guard false.
 * - `sameAs` / `differentFrom`: an event type; compared with the sender of the latest accepted event of that
 *   type (from the audit). `sameAs` is false when there is none; `differentFrom` is true.
 * Conditions can also read the event itself under `#/properties/$event/properties/by/properties/id` (and
 * `.../roles`, `.../type`, `.../at`), a read-only copy placed in the data guards see.
 */
import { resolveScope } from '../conditions/condition.js';
import type { GuardContext } from './guards.js';
import { GuardDataError } from './guards.js';

const KEYS = ['is', 'isNot', 'sameAs', 'differentFrom'] as const;

export function sender(ctx: GuardContext, p: Record<string, unknown>): boolean {
  if (!KEYS.some((k) => p[k] !== undefined)) throw new GuardDataError(`sender: give one of ${KEYS.join(', ')}`);
  for (const k of KEYS) {
    if (p[k] !== undefined && typeof p[k] !== 'string') throw new GuardDataError(`sender: "${k}" must be a string`);
  }
  const me = ctx.sender.id;
  const idAt = (scope: string): string | undefined => {
    const v = resolveScope(ctx.data, scope);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const lastBy = (event: string): string | undefined =>
    [...ctx.history].reverse().find((h) => h.event === event)?.by.id;
  if (typeof p.is === 'string') {
    const id = idAt(p.is);
    if (id === undefined) return ctx.because(`no id at ${p.is}`);
    if (id !== me) return ctx.because(`sent by ${me}, not by ${id} (${p.is})`);
  }
  if (typeof p.isNot === 'string') {
    const id = idAt(p.isNot);
    if (id === undefined) return ctx.because(`no id at ${p.isNot}`);
    if (id === me) return ctx.because(`sent by ${me}, the same as ${p.isNot}`);
  }
  if (typeof p.sameAs === 'string') {
    const id = lastBy(p.sameAs);
    if (id === undefined) return ctx.because(`no accepted ${p.sameAs} event yet`);
    if (id !== me) return ctx.because(`sent by ${me}, not by ${id} who sent ${p.sameAs}`);
  }
  if (typeof p.differentFrom === 'string' && lastBy(p.differentFrom) === me) {
    return ctx.because(`sent by ${me}, who also sent ${p.differentFrom}`);
  }
  return true;
}
