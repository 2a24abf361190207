// Extra steps `pnpm test` runs after the browser tests: the one place to add them (e.g. a Storybook build and
// smoke test). Each step: { name, cmd, args, env? }. The command runs in the repo root with node_modules/.bin on
// PATH; a non-zero exit counts as one failed test. If its stdout contains a line `N passed, N failed`, the last
// such line is added to the totals instead.
export const EXTRA_STEPS = [
  // Storybook: build it offline into storybook-static/, then open every story in Chromium (scripts/storybook-smoke.mjs).
  {
    name: 'build-storybook',
    cmd: 'storybook',
    args: ['build', '--disable-telemetry', '--quiet', '-o', 'storybook-static'],
  },
  { name: 'storybook smoke', cmd: 'node', args: ['scripts/storybook-smoke.mjs'] },
  // hoso check: schemas, UI schemas, messages and machines together; exits 1 on errors (warnings allowed);
  // --strict-forms: every form a machine names must exist.
  { name: 'hoso check', cmd: 'node', args: ['packages/cli/bin/hoso.mjs', 'check', '--strict-forms'] },
  // hoso readme --check: every workflows/<id>/README.md is what the generator writes (exit 1 names each stale one).
  { name: 'hoso readme --check', cmd: 'node', args: ['packages/cli/bin/hoso.mjs', 'readme', '--check'] },
];
