// Bundles of @hoso/forms, built from tsc's output (run `tsc -b` first; `pnpm build` does both).
//   bundle/hoso-form.js          production: precompiled validators only, no ajv compiler, no `new Function`
//   dist/hoso-form.runtime.js    run-time schema compilation with real ajv (needs 'unsafe-eval' under a CSP)
// Both are single self-contained ES modules that register <hoso-form>. See docs/bundles.md.
import { selfContained } from '../../scripts/rollup-common.mjs';

export default [
  selfContained({ input: 'dist/index.js', file: 'bundle/hoso-form.js', production: true }),
  selfContained({ input: 'dist/runtime.js', file: 'dist/hoso-form.runtime.js', production: false }),
];
