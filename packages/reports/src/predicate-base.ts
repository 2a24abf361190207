/**
 * What every predicate of an indicator expression shares: the span it is evaluated over (`Ctx`), the compiled
 * form (`Pred`: a day number anchoring the person's residence, or `null`), the compile environment and the
 * helpers that report a mistake at its JSON pointer.
 */
import type { Expr, FactsFile } from './definitions/types.js';
import type { CaseFacts } from './facts.js';
import type { Person } from './persons.js';
import type { WorkingDays } from './days.js';

export interface Ctx {
  from: number;
  to: number;
  wd: WorkingDays;
}
export type Pred = ((p: Person, ctx: Ctx) => number | null) & {
  /** The procedure keys a person needs a case of for this to hold; absent: anyone may match. */
  keys?: ReadonlySet<string>;
};

/** Attaches the procedure keys an expression needs, so persons without such a case are skipped. */
export function needing(f: Pred, keys: Iterable<string> | undefined): Pred {
  if (keys !== undefined) f.keys = new Set(keys);
  return f;
}

export interface Problem {
  file: string;
  pointer: string;
  message: string;
}

export interface CompileEnv {
  file: string;
  keys: Map<string, FactsFile>;
  sets: Record<string, Expr>;
  problems: Problem[];
  compiledSets: Map<string, Pred>;
  compiling: Set<string>;
}

export const PREDICATES = [
  'all',
  'any',
  'not',
  'set',
  'activeIn',
  'factIn',
  'latest',
  'serviceIn',
  'needIn',
  'serviceForNeed',
  'testIn',
  'within',
  'windowClosed',
  'updatedIn',
] as const;

export const NEVER: Pred = () => null;
export const NONE: readonly CaseFacts[] = [];
export const max = (a: number | null, b: number): number => (a === null || b > a ? b : a);

export function fail(env: CompileEnv, pointer: string, message: string): Pred {
  env.problems.push({ file: env.file, pointer, message });
  return NEVER;
}

export const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');
