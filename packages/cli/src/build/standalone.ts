/**
 * Compiles schemas to ajv standalone validators and bundles them into one ES module without
 * `eval` or `new Function`, so production pages run under `script-src 'self'` with Trusted Types.
 *
 * ajv's standalone output still `require()`s ajv runtime helpers (ucs2length, equal, formats), so
 * the code is bundled with esbuild; the result is refused if it still contains code evaluation (`FORBIDDEN_CODE`).
 */
import { fileURLToPath } from 'node:url';
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { build } from 'esbuild';
import { schemaKey } from '@hoso/forms/validation';

/** The ajv options the generated validators are compiled with (also what run-time previews must use). */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: false,
  code: { source: true, esm: true },
};

export const FORBIDDEN_CODE = /new Function|eval\(/;

export interface SchemaToCompile {
  schema: unknown;
  /** Raised as the error's cause when ajv refuses the schema. */
  onError: (message: string) => Error;
}

export interface CompiledModule {
  /** ESM source: one `export const v<n>` validator per distinct schema, plus `extra`. */
  code: string;
  /** schemaKey(schema) → exported validator name. */
  names: Map<string, string>;
}

const cliDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Compiles every distinct schema (by schemaKey) and bundles the validators with `extra`, ESM source
 * appended to the entry that may refer to the validator names.
 */
export async function compileModule(
  schemas: SchemaToCompile[],
  extra: (names: Map<string, string>) => string,
  sourcefile: string,
): Promise<CompiledModule> {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  const names = new Map<string, string>();
  for (const { schema, onError } of schemas) {
    const key = schemaKey(schema);
    if (names.has(key)) continue;
    const name = `v${names.size}`;
    try {
      ajv.addSchema(schema as object, name);
      ajv.getSchema(name);
    } catch (e) {
      throw onError(e instanceof Error ? e.message : String(e));
    }
    names.set(key, name);
  }
  const exportsMap = Object.fromEntries([...names.values()].map((n) => [n, n]));
  const validatorsCode = names.size > 0 ? standaloneCode(ajv, exportsMap) : '';
  const entry = `${validatorsCode}\n${extra(names)}\n`;
  const result = await build({
    stdin: { contents: entry, resolveDir: cliDir, sourcefile, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const bad = FORBIDDEN_CODE.exec(code);
  if (bad) {
    throw new Error(`generated code for ${sourcefile} contains "${bad[0]}", which a strict CSP forbids`);
  }
  return { code, names };
}
