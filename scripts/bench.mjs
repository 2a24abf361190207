// `pnpm bench`: renders two workloads with the production bundle in headless Chromium and prints a table beside
// the budgets of DESIGN §7. A benchmark, not a test: it never fails on timings (exit 1 only if it cannot run).
//
//   W1  synthetic: 300 fields in 30 groups, 20 visibility rules (bench/w1.mjs), validators precompiled now through
//       the CLI's route (ajv standalone + esbuild, bench/precompile.mjs): the same path production uses.
//   W2  the real registration form (schemas/generated/voluntary-rehab/registration.js, precompiled by `hoso build`)
//       with its valid fixture (family members: an array). Its wizard is flattened (categories → groups, rules
//       kept) so every field is in the DOM.
//
// Measured inside the page with performance.now() (bench/page.js), served on 127.0.0.1 under the strict CSP
// (script-src 'self'; require-trusted-types-for 'script') and cross-origin isolated (5 µs timer resolution):
//   first render   mount → every field in the DOM + forced layout (1 cold run, then RUNS runs)
//   keystroke      set value + `input` event → the field's error message shown/removed + forced layout
//   rule toggle    click the rule's input → the dependent field shown/hidden + forced layout
//   heap           CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage, with the form mounted
//   DOM            nodes and elements of the document through every shadow root
//   bundle         gzip -9 of packages/forms/bundle/hoso-form.js
//   draft save     @hoso/case-store saveDraft of a draft with 300 fields (revision check, one readwrite transaction)
//                  until committed, in real IndexedDB (bench/case-store-page.js, bundled here with esbuild)
//   <hoso-procedure> (bench/procedure.mjs, bench/procedure-page.js), with the production elements bundle
//                  (packages/elements/bundle) and the real voluntary-rehab procedure whose REGISTER form is W1:
//     open a case  mount <hoso-procedure case-id> on a stored case whose draft holds 300 filled fields → the
//                  step's form shows all 300 (cold: a fresh page, chunks fetched; then warm runs)
//     switch steps W1 as a wizard of 5 categories × 60 fields: Next → the next category's 60 fields shown
//     answers      Continue → the "check your answers" page shows its 300 rows
//     bundle       gzip -9 of the elements entry + its static imports, of the <hoso-form> chunk, of the largest form
//   back end      (bench/backend.mjs) the hoso server's submissions/s and p50/p95 on PGlite and PostgreSQL (when
//                 Debian's binaries exist; bench/server.mjs), and a year's indicator report over 10,000 synthetic
//                 cases in Chromium, through GET /reports and in Node (bench/report.mjs)
// Needs `pnpm build`. Options: --runs N (first renders, opens, answers, switches; default 10), --edits N (≥ 50,
// default 60), --json FILE, --only case-store (just the draft saves; needs no build), --only procedure (just the
// <hoso-procedure> measures and the elements bundle), --only server (just the hoso server; --submissions N,
// --devices N), --only report (just the report; --cases N, default 10000).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { precompileValidators } from '../bench/precompile.mjs';
import {
  elementsBundleSizes,
  fileUnder,
  procedureFormModules,
  procedureRows,
  runProcedureBench,
} from '../bench/procedure.mjs';
import { reportSection, serverSection } from '../bench/backend.mjs';
import { generateW1 } from '../bench/w1.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CSP = "script-src 'self'; require-trusted-types-for 'script'";
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(argValue('--runs', 10));
const EDITS = Math.max(50, Number(argValue('--edits', 60)));
const WARMUP = 5;
const WARMUP_SAVES = 5;
const JSON_OUT = argValue('--json');
const ONLY = argValue('--only');
if (ONLY !== undefined && !['case-store', 'procedure', 'server', 'report'].includes(ONLY))
  fail(`--only takes "case-store", "procedure", "server" or "report", not "${ONLY}"`);
const serverBench = () =>
  serverSection({
    submissions: Number(argValue('--submissions', 400)),
    devices: Number(argValue('--devices', 20)),
  });
const reportBench = () => reportSection({ cases: Number(argValue('--cases', 10_000)), runs: RUNS });
const ONLY_STORE = ONLY === 'case-store';
const ONLY_PROCEDURE = ONLY === 'procedure';

const BUNDLE = join(ROOT, 'packages/forms/bundle/hoso-form.js');
const REGISTRATION = join(ROOT, 'schemas/generated/voluntary-rehab/registration.js');
const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid.json');
const ELEMENTS = join(ROOT, 'packages/elements/bundle');

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

if (ONLY === 'report') {
  const report = await reportBench().catch((e) => fail(`report: ${e?.stack ?? e}`));
  process.stdout.write(`\n${report.text}\n`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ report: report.result }, null, 2)}\n`);
  process.exit(report.result.agree ? 0 : 1);
}
if (ONLY === 'server') {
  const server = await serverBench().catch((e) => fail(`hoso server: ${e?.stack ?? e}`));
  process.stdout.write(`\n${server.text}\n`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ server: server.rows }, null, 2)}\n`);
  process.exit(0);
}

const needed = ONLY_STORE ? [] : ONLY_PROCEDURE ? [ELEMENTS] : [BUNDLE, REGISTRATION, VALID, ELEMENTS];
const missing = needed.filter((f) => !existsSync(f));
if (missing.length) fail(`missing ${missing.map((f) => f.slice(ROOT.length)).join(', ')}: run \`pnpm build\` first`);

// ---- workloads --------------------------------------------------------------------------------------------
const w1 = generateW1();
const w1Validators = await precompileValidators([w1.schema, ...w1.conditions], 'bench-w1');
const w1Module = [
  w1Validators,
  `export const schema = ${JSON.stringify(w1.schema)};`,
  `export const uischema = ${JSON.stringify(w1.uischema)};`,
].join('\n');
const procedureModules = procedureFormModules(w1Validators, w1);
const registration = ONLY_STORE || ONLY_PROCEDURE ? undefined : await import(new URL(`file://${REGISTRATION}`).href);
const valid = ONLY_STORE || ONLY_PROCEDURE ? undefined : JSON.parse(readFileSync(VALID, 'utf8'));
const caseStorePage = (
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench/case-store-page.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    tsconfig: join(ROOT, 'tsconfig.base.json'),
  })
).outputFiles[0].text;

/** Index of `value` among the options of the enum/oneOf property at dotted `path` of the bundled schema. */
function optionIndex(schema, path, value) {
  let s = schema;
  for (const key of path.split('.')) s = s?.properties?.[key];
  const values = s?.enum ?? s?.oneOf?.map((o) => o.const);
  const i = values?.indexOf(value) ?? -1;
  if (i < 0) fail(`registration schema: ${path} has no option "${value}" (the bench needs it for the rule toggle)`);
  return i;
}

const WORKLOADS =
  ONLY_STORE || ONLY_PROCEDURE
    ? []
    : [
        {
          id: 'W1',
          title: 'W1: 300 fields, 30 groups, 20 rules',
          mount: { url: '/w1/form.js', data: w1.data, expected: 300, flatten: false },
          keystroke: { path: 'g5.f1', valid: 'Nguyễn Văn An', invalid: 'An' }, // minLength 3
          toggle: { path: 'g3.f0', on: 0, off: 0, dependent: 'g13.f1' }, // checkbox → group 14 (SHOW rule)
        },
        {
          id: 'W2',
          title: 'W2: registration form + family array',
          mount: { url: '/forms/registration.js', data: valid, expected: 0, flatten: true },
          keystroke: { path: 'person.fullName', valid: 'Nguyễn Văn An', invalid: 'Nguyễn Văn An 2' }, // pattern
          toggle: {
            path: 'person.idDocumentType',
            on: optionIndex(registration?.schema, 'person.idDocumentType', 'personal-id'),
            off: optionIndex(registration?.schema, 'person.idDocumentType', 'passport'),
            dependent: 'person.idNumber', // HIDE when passport
          },
        },
      ];

// ---- server -----------------------------------------------------------------------------------------------
const FILES = {
  '/bench/index.html': join(ROOT, 'bench/index.html'),
  '/bench/page.js': join(ROOT, 'bench/page.js'),
  '/bench/case-store.html': join(ROOT, 'bench/case-store.html'),
  '/bench/procedure.html': join(ROOT, 'bench/procedure.html'),
  '/bench/procedure-page.js': join(ROOT, 'bench/procedure-page.js'),
  '/bundle/hoso-form.js': BUNDLE,
  '/forms/registration.js': REGISTRATION,
};
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const headers = {
    'content-security-policy': CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  };
  const js = { ...headers, 'content-type': 'text/javascript; charset=utf-8' };
  if (path === '/case-store/page.js') {
    res.writeHead(200, js);
    return res.end(caseStorePage);
  }
  if (path === '/w1/form.js') {
    res.writeHead(200, js);
    return res.end(w1Module);
  }
  if (procedureModules[path]) {
    res.writeHead(200, js);
    return res.end(procedureModules[path]);
  }
  const file = path.startsWith('/elements/') ? fileUnder(ELEMENTS, path.slice('/elements/'.length)) : FILES[path];
  if (!file) {
    res.writeHead(404, headers);
    return res.end();
  }
  res.writeHead(200, file.endsWith('.html') ? { ...headers, 'content-type': 'text/html; charset=utf-8' } : js);
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- measuring --------------------------------------------------------------------------------------------
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const stats = (values) => ({ p50: quantile(values, 0.5), p90: quantile(values, 0.9), n: values.length });

const puppeteer = (await import('puppeteer-core')).default;
const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox'] });
const results = {};
let environment;
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
  await page.setViewport({ width: 1280, height: 900 });
  const open = async (path, global) => {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    for (let i = 0; !(await page.evaluate((g) => window[g]?.ready === true, global)); i += 1) {
      if (i > 100) fail(`${path} did not start${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await open(
    ...(ONLY_STORE
      ? ['/bench/case-store.html', 'hosoStoreBench']
      : ONLY_PROCEDURE
        ? ['/bench/procedure.html', 'hosoProcedureBench']
        : ['/bench/index.html', 'hosoBench']),
  );
  const cdp = await page.createCDPSession();
  const heapAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  environment = `${await browser.version()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, isolated: ${await page.evaluate(
    () => crossOriginIsolated,
  )}`;
  const baseline = await heapAfterGc();
  const loadBefore = loadavg()[0];

  for (const w of WORKLOADS) {
    process.stderr.write(`bench: ${w.id}…\n`);
    const run = (fn, arg) => page.evaluate((name, a) => window.hosoBench[name](a), fn, arg);
    // A workload whose field count is not known up front is mounted once untimed to count them.
    const expected = w.mount.expected || (await run('mount', w.mount)).fields;
    const cold = await run('mount', { ...w.mount, expected });
    process.stderr.write(`bench: ${w.id} first mount ${JSON.stringify(cold)}\n`);
    const renders = [];
    const details = [];
    for (let i = 0; i < RUNS; i += 1) {
      const r = await run('mount', { ...w.mount, expected });
      renders.push(r.ms);
      details.push(`${ms(r.ms)} (host update ${ms(r.updated)}, in DOM ${ms(r.inDom)}, ${r.ticks} ticks)`);
    }
    process.stderr.write(`bench: ${w.id} renders ${details.join(', ')}\n`);
    const keys = (await run('keystrokes', { ...w.keystroke, n: EDITS + WARMUP })).slice(WARMUP);
    const flips = (await run('toggles', { ...w.toggle, n: EDITS + WARMUP })).slice(WARMUP);
    // Heap and DOM with a freshly mounted form (the edits above leave it as the user left it).
    await run('mount', { ...w.mount, expected });
    const heap = await heapAfterGc();
    const dom = await page.evaluate(() => window.hosoBench.domCount());
    await page.evaluate(() => window.hosoBench.unmount());
    results[w.id] = {
      title: w.title,
      fields: cold.fields,
      cold: cold.ms,
      render: stats(renders),
      keystroke: stats(keys),
      toggle: stats(flips),
      heap,
      heapForm: heap - baseline,
      dom,
    };
  }

  if (!ONLY_PROCEDURE) {
    process.stderr.write('bench: case-store draft saves…\n');
    await open('/bench/case-store.html', 'hosoStoreBench');
    const saved = await page.evaluate((a) => window.hosoStoreBench.saves(a), { n: EDITS, warmup: WARMUP_SAVES });
    results.caseStore = { fields: saved.fields, bytes: saved.bytes, save: stats(saved.times) };
  }
  if (!ONLY_STORE) {
    process.stderr.write('bench: <hoso-procedure>…\n');
    const log = (line) => process.stderr.write(`bench: procedure ${line}\n`);
    results.procedure = await runProcedureBench({ page, open, w1, runs: RUNS, log });
  }
  environment += `, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`;
  if (pageErrors.length) process.stderr.write(`bench: page errors: ${pageErrors.join(' | ')}\n`);
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

// ---- report -----------------------------------------------------------------------------------------------
function ms(v) {
  return v < 10 ? v.toFixed(2) : v.toFixed(1);
}
const pq = (s) => `${ms(s.p50)} / ${ms(s.p90)} ms`;
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
};
const store = results.caseStore;
const elementSizes = ONLY_STORE ? undefined : elementsBundleSizes(ELEMENTS);
const procedureTable = ONLY_STORE
  ? ''
  : table(procedureRows(results.procedure, elementSizes, { ms, pq, kb: (b) => `${(b / 1024).toFixed(1)} KiB`, stats }));
if (ONLY_PROCEDURE) {
  process.stdout.write(`\n<hoso-procedure> benchmark — ${environment}\n\n${procedureTable}\n`);
  process.stdout.write(
    '\nTimes end after a forced layout. ✓/✗ only compare with the budget; a benchmark never fails.\n',
  );
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ environment, results, elementSizes }, null, 2)}\n`);
  process.exit(0);
}
const storeTable = table([
  ['measure', '@hoso/case-store in IndexedDB', 'budget, issue #6'],
  [
    `save a ${store.fields}-field draft p50 / p90 (${store.save.n} saves, rev check)`,
    `${pq(store.save)} (${(store.bytes / 1024).toFixed(1)} KiB as JSON)`,
    `≤ 20 ms median ${store.save.p50 <= 20 ? '✓' : '✗'} (p50 ${ms(store.save.p50)})`,
  ],
]);
if (ONLY_STORE) {
  process.stdout.write(`\ncase-store benchmark — ${environment}\n\n${storeTable}\n`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ environment, results }, null, 2)}\n`);
  process.exit(0);
}
const bundle = readFileSync(BUNDLE);
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const sizes = {
  bundle: { min: bundle.length, gzip: gzip(bundle) },
  registration: gzip(readFileSync(REGISTRATION)),
  w1: gzip(Buffer.from(w1Module)),
};

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const within = (value, budget) =>
  value <= budget ? `✓ (p50 ${ms(value)} ≤ ${budget})` : `✗ (p50 ${ms(value)} > ${budget})`;
const [a, b] = [results.W1, results.W2];
const rows = [
  ['measure', `${a.title}`, `${b.title} (${b.fields} fields)`, 'budget, DESIGN §7 (W1)'],
  ['first render, first mount in the page', `${ms(a.cold)} ms`, `${ms(b.cold)} ms`, '—'],
  [`first render p50 / p90 (${RUNS} runs)`, pq(a.render), pq(b.render), `≤ 120 ms median ${within(a.render.p50, 120)}`],
  [
    `keystroke → message p50 / p90 (${EDITS} edits)`,
    pq(a.keystroke),
    pq(b.keystroke),
    `≤ 2 ms median ${within(a.keystroke.p50, 2)}`,
  ],
  [
    `rule toggle → shown/hidden p50 / p90 (${EDITS})`,
    pq(a.toggle),
    pq(b.toggle),
    `≤ 4 ms median ${within(a.toggle.p50, 4)}`,
  ],
  ['JS heap after GC (page / form)', `${mb(a.heap)} / ${mb(a.heapForm)}`, `${mb(b.heap)} / ${mb(b.heapForm)}`, '—'],
  [
    'DOM nodes / elements (incl. shadow)',
    `${a.dom.nodes} / ${a.dom.elements}`,
    `${b.dom.nodes} / ${b.dom.elements}`,
    '—',
  ],
  [
    'production bundle hoso-form.js, gzip',
    `${kb(sizes.bundle.gzip)} (${kb(sizes.bundle.min)} min)`,
    '(same bundle)',
    `≤ 60 KB for all of <hoso-procedure> ${sizes.bundle.gzip <= 60 * 1000 ? '✓' : '✗'}`,
  ],
  ['form module (schema + validators), gzip', kb(sizes.w1), kb(sizes.registration), 'loaded on demand'],
];
const serverResult = await serverBench().catch((e) => ({
  rows: [],
  text: `hoso server: could not run (${e?.message ?? e})`,
}));
const reportResult = await reportBench().catch((e) => ({
  result: undefined,
  text: `report: could not run (${e?.message ?? e})`,
}));
process.stdout.write(
  `\nhoso-form benchmark — ${environment}\n\n${table(rows)}\n\n${storeTable}\n\n${procedureTable}\n\n${serverResult.text}\n\n${reportResult.text}\n`,
);
process.stdout.write(
  `\nTimes end after a forced layout. ✓/✗ only compare with the budget; a benchmark never fails the build.\n` +
    `A load average above the ${cpus().length} cores means other work shared the CPU: the times are inflated.\n`,
);
if (JSON_OUT)
  writeFileSync(
    JSON_OUT,
    `${JSON.stringify({ environment, results, sizes, elementSizes, server: serverResult.rows, report: reportResult.result }, null, 2)}\n`,
  );
