// `node bench/report.mjs`: how long a year's indicator report takes over 10,000 cases (issue #8). A benchmark, not
// a test: it never fails on timings (exit 1 only if it cannot run, or if the three paths disagree on a number).
//
// Workload: COUNT synthetic cases (bench/report-cases.mjs: the fixture cases of @hoso/reports varied in ids,
// persons, communes and dates; cached in the temp folder), the report of the year 2026 for the whole province.
//   (a) browser  headless Debian Chromium: `listCases()` from a real IndexedDB (@hoso/case-store) + `computeReport`
//                (bench/report-page.js, bundled here with esbuild from the sources), the path of <hoso-report>;
//   (b) server   `GET /reports` of @hoso/server on PGlite (cases stored encrypted through its Repository), as a
//                provincial user, timed by the client (and split by its Server-Timing header): the first request
//                reads and decrypts every row, later ones find the cases in the report cache and read only changes;
//   (c) node     `computeReport` alone over the cases in memory.
// Each path: WARMUP untimed runs, then RUNS timed; the table gives the median and p95. The three reports must
// have the same numbers (checked: same engine, same definitions, same cases).
// Needs `pnpm build`. Options: --cases N (default 10000), --runs N (default 10), --only browser|server|node,
// --json FILE. Exported for scripts/bench.mjs: runReportBench(options) → result, formatReportBench(result) → text.
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCases } from './report-cases.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CSP = "script-src 'self'; require-trusted-types-for 'script'";
export const REPORT_QUERY = { from: '2026-01-01', to: '2026-12-31' };

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const summary = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), runs: values.length });
// The same digest as the page's (bench/report-page.js): counts under 5 read "<5", as the server suppresses them.
const cell = (n) => (n === null || n === undefined ? '-' : n === -1 || (n >= 1 && n < 5) ? '<5' : String(n));
const digest = (report) =>
  report.indicators.map((x) => `${x.id}:${cell(x.numerator)}/${cell(x.denominator)}`).join(' ');

async function timed(runs, warmup, fn) {
  // WARMUP untimed runs (JIT, caches), then RUNS timed ones.
  const out = [];
  for (let i = 0; i < warmup + runs; i++) {
    const r = await fn();
    if (i >= warmup) out.push(r);
  }
  return out;
}

async function nodePath({ cases, runs, warmup }) {
  const { computeReport } = await import('../packages/reports/dist/index.js');
  let report;
  const times = await timed(runs, warmup, async () => {
    const t0 = performance.now();
    report = computeReport(cases, REPORT_QUERY);
    return performance.now() - t0;
  });
  return { compute: summary(times), digest: digest(report), casesRead: report.casesRead };
}

async function serverPath({ cases, runs, warmup, log }) {
  const { testServer, token } = await import('../packages/server/test/support.mjs');
  const s = await testServer(undefined, { purgeIntervalMs: 0 });
  try {
    const t0 = performance.now();
    for (let i = 0; i < cases.length; i += 500) {
      await s.db.transaction(async (tx) => {
        for (const c of cases.slice(i, i + 500)) await s.repo.saveCase(tx, c, c.person?.communeCode ?? '00000', true);
      });
    }
    log(`server: stored ${cases.length} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s (${s.db.kind})`);
    const auth = await token(['provincial-police'], '79');
    const url = `${s.url}/reports?from=${REPORT_QUERY.from}&to=${REPORT_QUERY.to}`;
    let report;
    const once = async () => {
      const t = performance.now();
      const res = await fetch(url, { headers: { Authorization: `Bearer ${auth}` } });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`GET /reports answered ${res.status}: ${JSON.stringify(body)}`);
      report = body;
      const timing = Object.fromEntries(
        (res.headers.get('server-timing') ?? '').split(',').map((p) => {
          const m = /^\s*(\w+);dur=([\d.]+)/.exec(p);
          return m ? [m[1], Number(m[2])] : [];
        }),
      );
      return { total: performance.now() - t, read: timing.read, compute: timing.compute };
    };
    // The first request reads and decrypts every row (the server's report cache is empty); later ones only
    // what changed since (nothing here).
    const cold = await once();
    const times = await timed(runs, warmup, once);
    return {
      cold,
      request: summary(times.map((x) => x.total)),
      read: summary(times.map((x) => x.read)),
      compute: summary(times.map((x) => x.compute)),
      digest: digest(report),
      casesRead: report.casesRead,
      database: s.db.kind,
    };
  } finally {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}

async function browserPath({ file, runs, warmup, log }) {
  const esbuild = await import('esbuild');
  const page = (
    await esbuild.build({
      entryPoints: [join(ROOT, 'bench/report-page.js')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      absWorkingDir: ROOT,
      tsconfig: join(ROOT, 'tsconfig.base.json'),
    })
  ).outputFiles[0].text;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const headers = {
      'content-security-policy': CSP,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    };
    if (path === '/bench/report.html') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return createReadStream(join(ROOT, 'bench/report.html')).pipe(res);
    }
    if (path === '/report/page.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(page);
    }
    if (path === '/report/cases.json') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      return createReadStream(file).pipe(res);
    }
    res.writeHead(404, headers);
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox'] });
  try {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
    await tab.goto(`${origin}/bench/report.html`, { waitUntil: 'load' });
    for (let i = 0; !(await tab.evaluate(() => window.hosoReportBench?.ready === true)); i++) {
      if (i > 200) throw new Error(`the bench page did not start${errors.length ? `: ${errors.join(' | ')}` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    tab.setDefaultTimeout(600_000);
    const loaded = await tab.evaluate((url) => window.hosoReportBench.load({ url }), '/report/cases.json');
    log(`browser: stored ${loaded.stored} cases in IndexedDB in ${(loaded.ms / 1000).toFixed(1)} s`);
    const results = await timed(runs, warmup, () =>
      tab.evaluate((query) => window.hosoReportBench.run({ query }), REPORT_QUERY),
    );
    await tab.evaluate(() => window.hosoReportBench.cleanup());
    const last = results[results.length - 1];
    return {
      total: summary(results.map((r) => r.total)),
      list: summary(results.map((r) => r.list)),
      compute: summary(results.map((r) => r.compute)),
      digest: last.digest,
      casesRead: last.casesRead,
      version: await browser.version(),
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

/** Runs the three paths (or `only` one); returns the measures and whether the reports agree. */
export async function runReportBench({ count = 10_000, runs = 10, warmup = 2, only, log = () => {} } = {}) {
  const t0 = performance.now();
  const { cases, file, cached } = syntheticCases(count);
  log(
    `${cases.length} synthetic cases ${cached ? 'read from' : 'written to'} ${file} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const result = { cases: cases.length, query: REPORT_QUERY, runs };
  if (!only || only === 'node') result.node = await nodePath({ cases, runs, warmup });
  if (!only || only === 'server') result.server = await serverPath({ cases, runs, warmup, log });
  if (!only || only === 'browser') result.browser = await browserPath({ file, runs, warmup, log });
  const digests = ['node', 'server', 'browser'].filter((k) => result[k]).map((k) => [k, result[k].digest]);
  result.agree = digests.every(([, d]) => d === digests[0][1]);
  result.disagreement = result.agree ? undefined : Object.fromEntries(digests);
  return result;
}

/** Table rows (header first) of a `runReportBench` result. */
export function reportRows(r) {
  const ms = (v) => (v === undefined ? '–' : `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`);
  const rows = [['report of a year, ' + r.cases + ' cases', 'median', 'p95', 'runs']];
  const add = (label, s) => s && rows.push([label, ms(s.median), ms(s.p95), String(s.runs)]);
  add('(a) browser: listCases + computeReport', r.browser?.total);
  add('    of which listCases (IndexedDB)', r.browser?.list);
  add('    of which computeReport', r.browser?.compute);
  const one = (v) => v !== undefined && { median: v, p95: v, runs: 1 };
  const db = r.server?.database ?? 'pglite';
  add(`(b) server: first GET /reports (${db}; every row read + decrypted)`, one(r.server?.cold?.total));
  add('    of which reading + decrypting the rows', one(r.server?.cold?.read));
  add(`(b) server: GET /reports (${db}; cases cached, changes read)`, r.server?.request);
  add('    of which reading the changes', r.server?.read);
  add('    of which computeReport', r.server?.compute);
  add('(c) node: computeReport', r.node?.compute);
  return rows;
}

/** The result as printed text: the table, the cases read, and whether the three paths agree. */
export function formatReportBench(r) {
  const rows = reportRows(r);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const line = (x) => x.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const read = r.node?.casesRead ?? r.server?.casesRead ?? r.browser?.casesRead;
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    `query ${JSON.stringify(r.query)}, ${read} cases read; ` +
      (r.agree ? 'the paths give the same numbers' : `THE PATHS DISAGREE: ${JSON.stringify(r.disagreement)}`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const only = arg('--only');
  if (only && !['browser', 'server', 'node'].includes(only)) {
    process.stderr.write(`bench/report.mjs: --only takes browser, server or node, not "${only}"\n`);
    process.exit(1);
  }
  try {
    const r = await runReportBench({
      count: Number(arg('--cases', 10_000)),
      runs: Number(arg('--runs', 10)),
      only,
      log: (l) => process.stderr.write(`${l}\n`),
    });
    process.stdout.write(`\n${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; ${r.browser?.version ?? ''}\n`);
    process.stdout.write(`${formatReportBench(r)}\n`);
    const json = arg('--json');
    if (json) writeFileSync(json, JSON.stringify(r, null, 2));
    if (!r.agree) {
      process.stderr.write(`the reports disagree: ${JSON.stringify(r.disagreement, null, 2)}\n`);
      process.exit(1);
    }
  } catch (e) {
    process.stderr.write(`bench/report.mjs: ${e?.stack ?? e}\n`);
    process.exit(1);
  }
}
