/**
 * The outbox's retry delay: exponential backoff with jitter, a pure function of the attempt number.
 *
 * `delay(n) = min(maxMs, baseMs × factor^(n−1)) × (1 − jitter × r)`, with `r` uniform in [0, 1), so that
 * devices coming back online together do not retry in step, and no delay exceeds `maxMs`.
 */
export interface BackoffOptions {
  /** Delay after the first failed attempt, in ms. */
  baseMs: number;
  /** Longest delay, in ms. */
  maxMs: number;
  /** Growth per failed attempt (≥ 1). */
  factor: number;
  /** Share of the delay taken off at random, 0 (none) to 1. */
  jitter: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({
  baseMs: 1000,
  maxMs: 300_000,
  factor: 2,
  jitter: 0.5,
});

/** Fills in defaults and checks the values; throws a `RangeError` naming the field that is wrong. */
export function backoffOptions(options: Partial<BackoffOptions> = {}): BackoffOptions {
  const o = { ...DEFAULT_BACKOFF, ...options };
  const bad = (field: keyof BackoffOptions, rule: string) =>
    new RangeError(`backoff.${field} must be ${rule}, got ${JSON.stringify(o[field])}`);
  if (!Number.isFinite(o.baseMs) || o.baseMs < 0) throw bad('baseMs', 'a number ≥ 0');
  if (!Number.isFinite(o.maxMs) || o.maxMs < o.baseMs) throw bad('maxMs', `a number ≥ baseMs (${o.baseMs})`);
  if (!Number.isFinite(o.factor) || o.factor < 1) throw bad('factor', 'a number ≥ 1');
  if (!Number.isFinite(o.jitter) || o.jitter < 0 || o.jitter > 1) throw bad('jitter', 'a number from 0 to 1');
  return o;
}

/** Delay in ms before the next attempt, after `failedAttempts` (≥ 1) failed ones. */
export function backoffDelay(
  failedAttempts: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  // factor^(n−1) overflows to Infinity for large n; min() keeps the cap.
  const raw = Math.min(options.maxMs, options.baseMs * Math.pow(options.factor, n - 1));
  return Math.round(raw * (1 - options.jitter * random()));
}
