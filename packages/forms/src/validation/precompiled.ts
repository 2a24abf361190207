/**
 * An ajv-shaped adapter over a map of precompiled validators keyed by `schemaKey(schema)`.
 *
 * JSON Forms calls `compile(schema)` for the form schema and `validate(schema, data)` for schema-based
 * rule conditions. Lookup is by object identity first (a WeakMap, so the JSON key is computed once per
 * schema object), then by `schemaKey`. A schema with no validator is a build error, reported by name.
 */
import type { AjvLike, ValidateFunction } from './ajv-like.js';
import { schemaKey } from './schema-key.js';

/** Thrown when a schema has no precompiled validator: the build (`hoso build`) missed it. */
export class MissingValidatorError extends Error {
  override readonly name = 'MissingValidatorError';
  constructor(
    readonly schema: unknown,
    readonly key: string,
  ) {
    super(
      `No precompiled validator for schema ${describeSchema(schema)} (schemaKey starts ${JSON.stringify(key.slice(0, 80))}). ` +
        'Run `hoso build` so the generated module includes it, or import "@hoso/forms/runtime" to compile at run time.',
    );
  }
}

function describeSchema(schema: unknown): string {
  if (schema && typeof schema === 'object') {
    const s = schema as { $id?: unknown; title?: unknown };
    if (typeof s.$id === 'string') return `"${s.$id}"`;
    if (typeof s.title === 'string') return `titled "${s.title}"`;
  }
  return '(no $id or title)';
}

/** Builds the adapter JSON Forms receives as `options.ajv`. */
export function createPrecompiledAjv(validators: Readonly<Record<string, ValidateFunction>>): AjvLike {
  const byIdentity = new WeakMap<object, ValidateFunction>();
  const lookup = (schema: object | boolean): ValidateFunction => {
    if (typeof schema === 'object' && schema !== null) {
      const cached = byIdentity.get(schema);
      if (cached) return cached;
    }
    const key = schemaKey(schema);
    const found = Object.prototype.hasOwnProperty.call(validators, key) ? validators[key] : undefined;
    if (!found) throw new MissingValidatorError(schema, key);
    if (typeof schema === 'object' && schema !== null) byIdentity.set(schema, found);
    return found;
  };
  const adapter: AjvLike = {
    errors: null,
    compile: (schema) => lookup(schema),
    validate(schema, data) {
      const fn = lookup(schema);
      const result = fn(data);
      adapter.errors = fn.errors ?? null;
      return result;
    },
  };
  return adapter;
}
