// Precompiles schemas at bench/test time through the route `hoso build` uses: packages/cli's `compileModule`
// (ajv standalone + esbuild, no `new Function`, refused if any slips in). Needs `tsc -b` (packages/cli/dist).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STANDALONE = fileURLToPath(new URL('../packages/cli/dist/build/standalone.js', import.meta.url));

/**
 * One ES module exporting `validators`: `Record<schemaKey, validate>` for every schema given (the form schema and
 * each rule condition schema), the shape `<hoso-form>.validators` takes.
 * @param {unknown[]} schemas
 * @param {string} name used in error messages
 * @returns {Promise<string>} module source
 */
export async function precompileValidators(schemas, name) {
  if (!existsSync(STANDALONE)) {
    throw new Error(`${STANDALONE} is missing: run \`npx tsc -b\` (or pnpm build) before precompiling ${name}`);
  }
  const { compileModule } = await import(pathToFileURL(STANDALONE).href);
  const { code } = await compileModule(
    schemas.map((schema, i) => ({
      schema,
      onError: (message) => new Error(`${name}: schema #${i} does not compile: ${message}`),
    })),
    (names) =>
      `export const validators = {${[...names].map(([key, fn]) => `${JSON.stringify(key)}: ${fn}`).join(',\n')}};`,
    name,
  );
  return code;
}
