// `node scripts/test.mjs` (also `pnpm test`): every check the project has, from a fresh clone, ending with one line
// `N passed, N failed`.
//
//   1 browsers   Debian chromium, firefox-esr, webkit2gtk-driver + xvfb (apt-get as root when missing)
//   2 install    pnpm install --frozen-lockfile
//   3 build      scripts/build.mjs (tsc -b → hoso build → rollup)
//   4 typecheck  tsc -b && tsc -p tsconfig.test.json
//   5 lint       eslint . ; prettier --check .
//   6 node       node --test over packages/*/test, schemas/test, workflows/test, scripts/test (*.test.mjs)
//   7 browser    web-test-runner in Chromium, Firefox ESR and WebKitGTK (BROWSERS=chromium,firefox,webkit is the
//                default here; BROWSERS=chromium to narrow; see docs/decisions/0002)
//   8 extra      scripts/test-extra-steps.mjs
//
// Node built-ins only: it runs before node_modules exists. Local use: `node scripts/test.mjs --skip=browsers,install`.
// Exit code 1 when anything failed; a step that fails without test counts (build, lint…) counts as 1 failed test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build.mjs';
import { lastCountLine, tapCounts } from './lib/counts.mjs';
import { findFiles } from './lib/find.mjs';
import { banner, run, seconds } from './lib/run.mjs';
import { ensureBrowsers, ensurePostgres, installDeps } from './lib/setup.mjs';
import { EXTRA_STEPS } from './test-extra-steps.mjs';

// DESIGN §6 promises Chromium, Firefox and WebKit, so the full run uses all three unless BROWSERS narrows it
// (`npx wtr` alone keeps Chromium and Firefox for quick local runs). Children inherit this.
process.env.BROWSERS ??= 'chromium,firefox,webkit';

const STEP_NAMES = ['browsers', 'install', 'build', 'typecheck', 'lint', 'node', 'browser', 'extra'];
const skipArg = process.argv.find((a) => a.startsWith('--skip='));
const skipped = new Set(skipArg ? skipArg.slice('--skip='.length).split(',').filter(Boolean) : []);
for (const s of skipped) {
  if (!STEP_NAMES.includes(s)) {
    process.stderr.write(`test.mjs: unknown step "${s}" in --skip (steps: ${STEP_NAMES.join(', ')})\n`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'hoso-test-'));
/** Rows of the closing table: { step, ok, ms, passed?, failed?, skipped?, note? } */
const rows = [];

function record(step, ok, ms, extra = {}) {
  rows.push({ step, ok, ms, ...extra });
}

async function stepBrowsers() {
  banner('1 browsers');
  const started = Date.now();
  const r = await ensureBrowsers();
  process.stdout.write(`${r.message}\n`);
  const pg = await ensurePostgres(); // not fatal: without it the server tests use PGlite only
  process.stdout.write(`postgresql: ${pg.message}\n`);
  record('browsers', r.ok, Date.now() - started, { note: r.ok ? '' : r.message });
  return r.ok;
}

async function stepInstall() {
  banner('2 install');
  const started = Date.now();
  const r = await installDeps();
  record('install', r.ok, Date.now() - started, { note: r.ok ? '' : r.message });
  return r.ok;
}

async function stepBuild() {
  banner('3 build');
  const r = await build();
  record('build', r.ok, r.ms, { note: r.ok ? '' : `failed at ${r.failedStep}` });
}

async function stepTypecheck() {
  banner('4 typecheck');
  const a = await run('tsc', ['-b']);
  const b = a.code === 0 ? await run('tsc', ['-p', 'tsconfig.test.json']) : { code: 1, ms: 0 };
  record('typecheck', a.code === 0 && b.code === 0, a.ms + b.ms);
}

async function stepLint() {
  banner('5 lint: eslint');
  const e = await run('eslint', ['.']);
  record('lint: eslint', e.code === 0, e.ms);
  banner('5 lint: prettier --check');
  const p = await run('prettier', ['--check', '.']);
  record('lint: prettier', p.code === 0, p.ms);
}

async function stepNode() {
  banner('6 node --test');
  const files = findFiles(['packages/*/test', 'schemas/test', 'workflows/test', 'scripts/test'], '.test.mjs');
  if (files.length === 0) {
    record('node --test', true, 0, { passed: 0, failed: 0, skipped: 0, note: 'no *.test.mjs files' });
    return;
  }
  const tap = join(work, 'node.tap');
  const args = ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
  args.push('--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files);
  const r = await run('node', args);
  let counts = null;
  try {
    counts = tapCounts(readFileSync(tap, 'utf8'));
  } catch {
    // no TAP file: node did not get as far as running tests
  }
  counts ??= { passed: 0, failed: 0, skipped: 0 };
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  record('node --test', r.code === 0, r.ms, { ...counts, note: `${files.length} files` });
}

async function stepBrowser() {
  banner('7 web-test-runner');
  const files = findFiles(['packages/*/src', 'packages/*/test/browser', 'schemas/test', 'workflows/test'], '.test.ts');
  if (files.length === 0) {
    record('wtr', true, 0, { passed: 0, failed: 0, skipped: 0, note: 'no *.test.ts files' });
    return;
  }
  const results = join(work, 'wtr.json');
  const r = await run('wtr', [], { env: { HOSO_WTR_RESULTS: results } });
  let summary;
  try {
    summary = JSON.parse(readFileSync(results, 'utf8'));
  } catch {
    record('wtr', false, r.ms, { passed: 0, failed: 1, skipped: 0, note: `no results written (exit ${r.code})` });
    return;
  }
  const names = Object.keys(summary.browsers);
  let anyFailed = false;
  for (const name of names) {
    const c = summary.browsers[name];
    anyFailed ||= c.failed > 0;
    record(`wtr: ${name}`, c.failed === 0, r.ms, { ...c, note: `${c.files} files; one wtr run for all browsers` });
  }
  if (r.code !== 0 && !anyFailed) record('wtr', false, r.ms, { passed: 0, failed: 1, note: `exit ${r.code}` });
  if (summary.failures.length) {
    process.stdout.write('\nfailing browser tests:\n');
    for (const f of summary.failures) process.stdout.write(`  [${f.browser}] ${f.file} › ${f.test}: ${f.message}\n`);
  }
}

async function stepExtra() {
  for (const step of EXTRA_STEPS) {
    banner(`8 extra: ${step.name}`);
    const r = await run(step.cmd, step.args ?? [], { env: step.env ?? {}, capture: true });
    const counts = lastCountLine(r.stdout) ?? {};
    if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
    record(`extra: ${step.name}`, r.code === 0, r.ms, counts);
  }
}

function pad(s, n) {
  return String(s).padEnd(n);
}

function report() {
  banner('summary');
  let passed = 0;
  let failed = 0;
  let skippedTests = 0;
  for (const row of rows) {
    const counted = row.passed !== undefined;
    if (counted) {
      passed += row.passed;
      failed += row.failed ?? 0;
      skippedTests += row.skipped ?? 0;
    } else if (!row.ok) failed += 1;
    const result = row.ok ? 'ok' : 'FAILED';
    const counts = counted ? `${row.passed} passed, ${row.failed ?? 0} failed, ${row.skipped ?? 0} skipped` : '';
    const note = row.note ? `  (${row.note})` : '';
    process.stdout.write(`${pad(row.step, 22)} ${pad(result, 7)} ${pad(seconds(row.ms), 9)} ${counts}${note}\n`);
  }
  for (const s of skipped) process.stdout.write(`${pad(s, 22)} skipped (--skip)\n`);
  if (skippedTests) process.stdout.write(`${skippedTests} tests skipped\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed;
}

const started = Date.now();
let setupOk = true;
if (!skipped.has('browsers')) setupOk = (await stepBrowsers()) && setupOk;
if (setupOk && !skipped.has('install')) setupOk = await stepInstall();
if (setupOk) {
  if (!skipped.has('build')) await stepBuild();
  if (!skipped.has('typecheck')) await stepTypecheck();
  if (!skipped.has('lint')) await stepLint();
  if (!skipped.has('node')) await stepNode();
  if (!skipped.has('browser')) await stepBrowser();
  if (!skipped.has('extra')) await stepExtra();
}
rmSync(work, { recursive: true, force: true });
process.stdout.write(`total ${seconds(Date.now() - started)}\n`);
const failed = report();
process.exitCode = failed > 0 || rows.some((r) => !r.ok) ? 1 : 0;
