/**
 * `@hoso/forms/runtime`: run-time schema compilation for previews, designers and arbitrary schemas.
 *
 * Importing this entry registers a compiler (real ajv 8 + ajv-formats) that `<hoso-form>` uses when
 * it is given no precompiled `validators`. Each distinct schema compiles once (by identity, then by
 * `schemaKey`) and is kept. It needs `new Function`, so pages under a strict CSP must use precompiled
 * validators instead; production bundles never import this file.
 */
import AjvModule, { type ValidateFunction as AjvValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { registerRuntimeCompiler, type AjvLike } from './validation/ajv-like.js';
import { schemaKey } from './validation/schema-key.js';

export * from './index.js';

// ajv and ajv-formats are CommonJS; depending on the bundler a default import is the export or a namespace.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule;
// ajv-formats is CommonJS; depending on the bundler its default export is the function or a namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

let shared: AjvLike | undefined;

/**
 * The shared run-time compiler: the options JSON Forms expects (`allErrors`, `verbose` for
 * `parentSchema` in errors, non-strict for UI-only keywords such as `i18n`).
 */
export function createRuntimeAjv(): AjvLike {
  if (shared) return shared;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, addUsedSchema: false });
  addFormats(ajv);
  const byIdentity = new WeakMap<object, AjvValidateFunction>();
  const byKey = new Map<string, AjvValidateFunction>();
  const compile = (schema: object): AjvValidateFunction => {
    let fn = byIdentity.get(schema);
    if (fn) return fn;
    const key = schemaKey(schema);
    fn = byKey.get(key);
    if (!fn) {
      fn = ajv.compile(schema);
      byKey.set(key, fn);
    }
    byIdentity.set(schema, fn);
    return fn;
  };
  const adapter: AjvLike = {
    errors: null,
    compile,
    validate(schema, data) {
      if (typeof schema === 'boolean') return schema;
      const fn = compile(schema);
      const result = fn(data);
      adapter.errors = fn.errors ?? null;
      return result;
    },
  };
  shared = adapter;
  return adapter;
}

registerRuntimeCompiler(createRuntimeAjv);
