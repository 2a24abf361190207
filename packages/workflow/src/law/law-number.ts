/**
 * Numbers taken from the pinned law version, for guards (`lawRange`) and deadline rules.
 *
 * A reference is a law path (`"durations.compulsoryAdult"` → its `n`), a path with a field of that
 * value (`"durations.compulsoryAdult.max"` → its `max`; fields `n`, `min`, `max`), or
 * `{ "law": <path>, "optional"?: true }` (optional: an absent value is skipped, not an error).
 * A plain number is itself. An absent, non-optional value throws `LawValueMissingError` naming the path,
 * which the runtime turns into a `law-value-missing` refusal.
 */
import type { ResolvedLaw, ResolvedValue } from './law-version.js';

export class LawValueMissingError extends Error {
  constructor(readonly path: string) {
    super(`law value "${path}" is missing`);
    this.name = 'LawValueMissingError';
  }
}

export type LawNumberRef = number | string | { law: string; optional?: boolean };

export interface LawNumber {
  value: number;
  /** The law path read (with its field when not `n`); absent for a plain number. */
  path?: string;
  unit?: string;
  source?: ResolvedValue;
}

const FIELDS = ['n', 'min', 'max'] as const;

/** Resolves a reference; `undefined` only for an absent optional value. Throws `TypeError` on a malformed reference. */
export function lawNumber(law: ResolvedLaw, ref: LawNumberRef, where: string): LawNumber | undefined {
  if (typeof ref === 'number') {
    if (!Number.isFinite(ref)) throw new TypeError(`${where}: must be a finite number`);
    return { value: ref };
  }
  const path = typeof ref === 'string' ? ref : ref && typeof ref === 'object' ? ref.law : undefined;
  if (typeof path !== 'string' || !path) {
    throw new TypeError(`${where}: must be a number, a law path or { "law": <path> }, got ${JSON.stringify(ref)}`);
  }
  const optional = typeof ref === 'object' && ref.optional === true;
  let value = law.values[path];
  let field: (typeof FIELDS)[number] = 'n';
  if (!value) {
    const dot = path.lastIndexOf('.');
    const last = path.slice(dot + 1);
    if (dot > 0 && (FIELDS as readonly string[]).includes(last)) {
      value = law.values[path.slice(0, dot)];
      field = last as (typeof FIELDS)[number];
    }
  }
  const n = value?.[field];
  if (value === undefined || n === undefined || n === null) {
    if (optional) return undefined;
    throw new LawValueMissingError(path);
  }
  if (typeof n !== 'number') throw new TypeError(`${where}: law value "${path}" is not a number`);
  return { value: n, path, ...(typeof value.unit === 'string' ? { unit: value.unit } : {}), source: value };
}
