/**
 * Errors inside required objects that are missing from the data.
 *
 * When a required nested object is absent (`manager` required, `data.manager` undefined), ajv reports one
 * `required` error at the parent; the object's fields, which are what a person sees and fills in, have no error.
 * `expandMissingObjects` validates a copy of the data in which each such object is `{}` and returns the errors
 * that copy has *inside* those objects (`manager.fullName` required, …), so the fields show them. The form's data
 * is never changed: these are display errors only, and `form.errors` / `checkValidity()` keep answering for the
 * real data (which is invalid anyway, since the object is missing).
 *
 * An object is filled only when the `required` error does not come from a combinator or condition test (`oneOf`,
 * `anyOf`, `not`, `if`), its schema is a plain object schema, and the copy has no error outside the filled
 * objects that the real data did not have: if filling makes anything else invalid (a condition flips, a `oneOf`
 * branch changes), nothing is expanded.
 */
import { getControlPath, Resolve, type JsonSchema } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { ValidateFunction } from './validation/ajv-like.js';

const UNSAFE = /\/(oneOf|anyOf|not|if|contains|propertyNames)(\/|$)/;
const MAX_DEPTH = 6;

/** The schema at a dotted data path, `$ref`s resolved; undefined when the schema does not describe it. */
export function schemaAtPath(root: JsonSchema, path: string): JsonSchema | undefined {
  if (!path) return root;
  const scope = `#/${path
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? 'items' : `properties/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`))
    .join('/')}`;
  try {
    return Resolve.schema(root, scope, root);
  } catch {
    return undefined;
  }
}

function isPlainObjectSchema(schema: JsonSchema | undefined): boolean {
  if (!schema || schema.oneOf || schema.anyOf) return false;
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || (!type && !!schema.properties);
}

/** The data path of the missing object a `required` error names, when it can be filled with `{}`. */
function fillablePath(error: ErrorObject, root: JsonSchema): string | undefined {
  if (error.keyword !== 'required' || UNSAFE.test(error.schemaPath)) return undefined;
  const path = getControlPath(error);
  return isPlainObjectSchema(schemaAtPath(root, path)) ? path : undefined;
}

/** A copy of `data` with `{}` at `path` (copies only along the path); undefined when a parent is not an object. */
function withEmptyObject(data: unknown, segments: readonly string[]): unknown {
  if (!data || typeof data !== 'object') return undefined;
  const [head, ...rest] = segments as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(data) ? ([...data] as never) : { ...data };
  if (!rest.length) {
    if (copy[head] !== undefined) return undefined;
    copy[head] = {};
    return copy;
  }
  const inner = withEmptyObject(copy[head], rest);
  if (inner === undefined) return undefined;
  copy[head] = inner;
  return copy;
}

const signature = (e: ErrorObject): string =>
  `${e.instancePath}|${e.keyword}|${e.schemaPath}|${JSON.stringify(e.params)}`;
const under = (path: string, roots: readonly string[]): boolean => roots.some((r) => path.startsWith(`${r}.`));

/**
 * The display errors inside missing required objects (empty when there are none). `errors` are the real
 * errors of `data`; `validator` is the form's compiled schema validator. All missing objects are filled at once;
 * when that breaks something elsewhere, each is tried in turn and only those that break nothing are kept.
 */
export function expandMissingObjects(
  data: unknown,
  errors: readonly ErrorObject[],
  root: JsonSchema,
  validator: ValidateFunction | undefined,
): ErrorObject[] {
  if (!validator || !errors.some((e) => e.keyword === 'required')) return [];
  const candidates = [...new Set(errors.map((e) => fillablePath(e, root)).filter((p) => p !== undefined))];
  if (!candidates.length) return [];
  const all = tryFill(data, errors, candidates, root, validator);
  if (all || candidates.length === 1) return all ?? [];
  let kept: ErrorObject[] = [];
  const accepted: string[] = [];
  for (const candidate of candidates) {
    const inside = tryFill(data, errors, [...accepted, candidate], root, validator);
    if (!inside) continue;
    accepted.push(candidate);
    kept = inside;
  }
  return kept;
}

/** Fills `roots` (and required objects inside them) with `{}`; the errors inside them, or undefined if dishonest. */
function tryFill(
  data: unknown,
  errors: readonly ErrorObject[],
  roots: readonly string[],
  root: JsonSchema,
  validator: ValidateFunction,
): ErrorObject[] | undefined {
  const filled: string[] = [];
  let current = data;
  let currentErrors: readonly ErrorObject[] = errors;
  let round: readonly string[] = roots;
  for (let depth = 0; depth < MAX_DEPTH && round.length; depth++) {
    let next = current;
    for (const path of round) next = withEmptyObject(next, path.split('.')) ?? next;
    if (next === current) break;
    filled.push(...round.filter((p) => !filled.includes(p)));
    current = next;
    if (validator(current) instanceof Promise) return undefined; // async schemas are not supported here
    currentErrors = [...(validator.errors ?? [])];
    // Then the required objects inside those just filled.
    round = [...new Set(currentErrors.map((e) => fillablePath(e, root)))].filter(
      (p): p is string => p !== undefined && under(p, filled),
    );
  }
  if (!filled.length) return undefined;
  // Honest only if filling made nothing newly invalid outside the filled objects (errors may disappear there: the
  // `required` errors that named them, the `if` errors of a `then` they satisfied).
  const before = new Set(errors.map(signature));
  if (currentErrors.some((e) => !under(getControlPath(e), filled) && !before.has(signature(e)))) return undefined;
  return currentErrors.filter((e) => under(getControlPath(e), filled));
}
