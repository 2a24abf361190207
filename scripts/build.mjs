// `pnpm build`: tsc -b → `hoso build` (precompiled validators into schemas/generated) → rollup bundles.
// Each step stops the build on failure with the step's name in the message.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, banner, run, seconds } from './lib/run.mjs';

const HOSO = join(ROOT, 'packages/cli/bin/hoso.mjs');
const HOSO_BUILD_SRC = join(ROOT, 'packages/cli/src/commands/build.ts');
const ROLLUP_CONFIG = join(ROOT, 'packages/forms/rollup.config.mjs');

const FORMS = join(ROOT, 'packages/forms');
const BUNDLES = [join(FORMS, 'bundle/hoso-form.js'), join(FORMS, 'dist/hoso-form.runtime.js')];

/** Newest mtime (ms) of the .js files under `dir`, skipping `except`. */
function newestJs(dir, except) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestJs(path, except));
    else if (entry.name.endsWith('.js') && !except.includes(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundles are up to date when both exist and are newer than tsc's output, the configs and the lockfile. */
function bundlesUpToDate() {
  if (process.env.HOSO_FORCE_BUNDLE || !BUNDLES.every((f) => existsSync(f))) return null;
  const oldestOutput = Math.min(...BUNDLES.map((f) => statSync(f).mtimeMs));
  const configs = [ROLLUP_CONFIG, join(ROOT, 'scripts/rollup-common.mjs'), join(ROOT, 'pnpm-lock.yaml')];
  const newestInput = Math.max(newestJs(join(FORMS, 'dist'), BUNDLES), ...configs.map((f) => statSync(f).mtimeMs));
  return newestInput < oldestOutput ? 'bundles up to date (HOSO_FORCE_BUNDLE=1 to rebuild)' : null;
}

/** The build steps, in order. */
export const BUILD_STEPS = [
  // The CLI (and the runtime it uses) first: `hoso build` generates the content modules that @hoso/elements
  // imports (workflows/generated, schemas/generated), so the rest compiles after it.
  { name: 'tsc -b packages/cli', cmd: 'tsc', args: ['-b', 'packages/cli'] },
  {
    name: 'hoso build (validators)',
    cmd: 'node',
    args: [HOSO, 'build'],
    // Required as soon as the CLI has a build command (its source exists); skipped with a notice before that.
    skipIf: () => (existsSync(HOSO_BUILD_SRC) ? null : 'packages/cli/src/commands/build.ts not written yet'),
  },
  { name: 'tsc -b', cmd: 'tsc', args: ['-b'] },
  {
    name: 'rollup (packages/elements)',
    cmd: 'rollup',
    args: ['-c', 'rollup.config.mjs'],
    cwd: join(ROOT, 'packages/elements'),
  },
  {
    name: 'rollup (packages/forms)',
    cmd: 'rollup',
    args: ['-c', 'rollup.config.mjs'],
    cwd: join(ROOT, 'packages/forms'),
    skipIf: () => (existsSync(ROLLUP_CONFIG) ? bundlesUpToDate() : 'packages/forms/rollup.config.mjs not written yet'),
  },
];

/** Run every build step; returns { ok, failedStep, ms }. */
export async function build() {
  const started = Date.now();
  for (const step of BUILD_STEPS) {
    const skip = step.skipIf?.();
    if (skip) {
      process.stdout.write(`build: skipping ${step.name}: ${skip}\n`);
      continue;
    }
    banner(`build: ${step.name}`);
    const r = await run(step.cmd, step.args, { cwd: step.cwd });
    process.stdout.write(
      `build: ${step.name} ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${seconds(r.ms)}\n`,
    );
    if (r.code !== 0) return { ok: false, failedStep: step.name, ms: Date.now() - started };
  }
  return { ok: true, failedStep: null, ms: Date.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await build();
  if (!r.ok) process.stderr.write(`build failed at step "${r.failedStep}"\n`);
  process.exitCode = r.ok ? 0 : 1;
}
