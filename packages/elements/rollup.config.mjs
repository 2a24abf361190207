// The production bundle of @hoso/elements, built from tsc's output (run `tsc -b` and `hoso build` first; `pnpm build`
// does all three). One entry registers the elements; each procedure and each form is its own chunk, loaded when a
// page needs it (see docs/bundles.md). Precompiled validators only: no ajv compiler, no `new Function`.
import { rmSync } from 'node:fs';
import { selfContained } from '../../scripts/rollup-common.mjs';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('bundle', { recursive: true, force: true });

const base = selfContained({ input: 'dist/index.js', file: 'unused', production: true });

export default {
  ...base,
  input: { 'hoso-elements': 'dist/index.js' },
  output: {
    dir: 'bundle',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
};
