// Lit-free validation helpers, importable from Node (the CLI's `hoso build`) and from browsers.
export { schemaKey } from './schema-key.js';
export { createPrecompiledAjv, MissingValidatorError } from './precompiled.js';
export type { AjvLike, ValidateFunction, AjvFactory } from './ajv-like.js';
