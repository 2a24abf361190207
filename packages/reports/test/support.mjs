/** Shared by the Node tests of @hoso/reports: the fixture cases and hand-computed numbers, the built engine. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '../../..');
const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
export const cases = read(join(HERE, 'fixtures/cases.json'));
export const expected = read(join(HERE, 'fixtures/expected.json'));
export const engine = await import('../dist/index.js').catch((e) => {
  throw new Error(`build first: npx tsc -b packages/reports (${e.message})`);
});
export const { definitions } = await import('@hoso/workflows/generated/indicators.js').catch((e) => {
  throw new Error(`run \`node packages/cli/bin/hoso.mjs build\` first (${e.message})`);
});
/** A deep copy of the shipped definitions, to break on purpose. */
export const copyDefinitions = () => structuredClone(definitions);
