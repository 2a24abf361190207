/**
 * The part of ajv's API that JSON Forms uses (`compile`, and `validate` for schema-based rule
 * conditions), so `<hoso-form>` can run on precompiled validators without importing the compiler.
 */
import type { ErrorObject } from 'ajv';

/** A validator as ajv standalone generates it: returns validity, leaves its errors on `.errors`. */
export interface ValidateFunction {
  (data: unknown, ...rest: never[]): boolean | Promise<unknown>;
  errors?: ErrorObject[] | null;
}

/** The ajv surface JSON Forms needs. Passed to JSON Forms as `options.ajv`. */
export interface AjvLike {
  compile(schema: object): ValidateFunction;
  validate(schema: object | boolean, data: unknown): boolean | Promise<unknown>;
  errors?: ErrorObject[] | null;
}

/** Makes the ajv-shaped object JSON Forms receives; set by `@hoso/forms/runtime` or built from `validators`. */
export type AjvFactory = () => AjvLike;

let runtimeFactory: AjvFactory | undefined;

/**
 * Registers run-time compilation for forms without precompiled `validators`. Called once by the
 * `@hoso/forms/runtime` entry on import; production bundles never import it, so they stay compiler-free.
 */
export function registerRuntimeCompiler(factory: AjvFactory): void {
  runtimeFactory = factory;
}

/** The registered run-time compiler factory, if the runtime entry was imported. */
export function runtimeCompiler(): AjvFactory | undefined {
  return runtimeFactory;
}
