// The <hoso-procedure> measures of `pnpm bench` (issue #6): open a stored case whose draft holds 300 filled fields,
// switch wizard steps, Continue to the answers page; and the sizes of the production elements bundle
// (packages/elements/bundle) beside DESIGN §7's 60 KB. scripts/bench.mjs serves the files and prints the table;
// bench/procedure-page.js measures inside the page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CATEGORIES, FIELDS_PER_GROUP, GROUPS, w1WizardUischema } from './w1.mjs';

const WARMUP = 3;

/**
 * The two form modules `<hoso-procedure>` is given in place of the registration form: W1 (`/procedure/w1.js`) and W1 as a
 * 5-category wizard (`/procedure/w1-wizard.js`), both with the W1 validators (`validatorsCode`, precompiled) and empty
 * messages (W1's labels are its schema titles).
 */
export function procedureFormModules(validatorsCode, w1) {
  const common = [
    validatorsCode,
    `export const schema = ${JSON.stringify(w1.schema)};`,
    'export const messages = { vi: {}, en: {} };',
  ];
  return {
    '/procedure/w1.js': [...common, `export const uischema = ${JSON.stringify(w1.uischema)};`].join('\n'),
    '/procedure/w1-wizard.js': [
      ...common,
      `export const uischema = ${JSON.stringify(w1WizardUischema(w1.uischema))};`,
    ].join('\n'),
  };
}

/** The file under `dir` that the URL path `rest` names, or undefined when it names nothing there (no `..`). */
export function fileUnder(dir, rest) {
  const file = normalize(join(dir, decodeURIComponent(rest)));
  return relative(dir, file).startsWith('..') || !existsSync(file) ? undefined : file;
}

const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

/** gzip -9 sizes of the elements bundle: what a page loads first, the `<hoso-form>` chunk, the largest form. */
export function elementsBundleSizes(bundleDir) {
  const chunkDir = join(bundleDir, 'chunks');
  const names = ['hoso-elements.js', ...readdirSync(chunkDir).map((n) => `chunks/${n}`)];
  const code = new Map(names.map((n) => [n, readFileSync(join(bundleDir, n), 'utf8')]));
  const resolve = (from, spec) => relative(bundleDir, join(bundleDir, from, '..', spec));
  const imports = (name, re) => [...(code.get(name) ?? '').matchAll(re)].map((m) => resolve(name, m[1]));
  /** `start` and every file it imports statically, transitively, minus `known`. */
  const closure = (start, known = new Set()) => {
    const seen = new Set();
    const visit = (n) => {
      if (seen.has(n) || known.has(n) || !code.has(n)) return;
      seen.add(n);
      for (const i of imports(n, STATIC_IMPORT)) visit(i);
    };
    visit(start);
    return seen;
  };
  const measure = (files) => {
    let min = 0;
    let gzip = 0;
    for (const f of files) {
      const buf = Buffer.from(code.get(f));
      min += buf.length;
      gzip += gzipSync(buf, { level: 9 }).length;
    }
    return { files: [...files], min, gzip };
  };
  const initial = closure('hoso-elements.js');
  const lazy = [...initial].flatMap((n) => imports(n, DYNAMIC_IMPORT));
  const formRuntime =
    lazy.find((n) => !initial.has(n) && /customElements\.define\(\s*["']hoso-form["']/.test(code.get(n) ?? '')) ??
    lazy.find((n) => !initial.has(n) && /["']hoso-form["']/.test(code.get(n) ?? ''));
  if (!formRuntime) throw new Error(`${bundleDir}: no chunk loaded on demand defines <hoso-form>`);
  const formFiles = closure(formRuntime, initial);
  const isForm = (n) => /\bas validators\b/.test(code.get(n)) && /\bas schema\b/.test(code.get(n));
  const forms = names
    .filter((n) => n.startsWith('chunks/') && isForm(n))
    .map((n) => ({ name: n, ...measure(closure(n, new Set([...initial, ...formFiles]))) }))
    .sort((a, b) => b.gzip - a.gzip);
  if (!forms.length) throw new Error(`${bundleDir}: no form chunk (one exporting schema and validators)`);
  // What opening one procedure adds: its machine, the law content, the guard conditions.
  const procedureChunks = lazy.filter((n) => /^chunks\/(voluntary-rehab|content|conditions)-/.test(n));
  const procedure = measure(
    new Set(procedureChunks.flatMap((n) => [...closure(n, new Set([...initial, ...formFiles]))])),
  );
  return {
    initial: measure(initial),
    form: { name: formRuntime, ...measure(formFiles) },
    largestForm: forms[0],
    forms: forms.length,
    procedure,
  };
}

/**
 * Runs the measures in `page` (a puppeteer page on `origin`): one load stores the cases, the next measures, so
 * its first open is cold. `open(path, global)` loads a page and waits for `window[global].ready`.
 */
export async function runProcedureBench({ page, open, w1, runs, log }) {
  const fields = GROUPS * FIELDS_PER_GROUP;
  const perCategory = fields / CATEGORIES;
  const call = (fn, arg) => page.evaluate((name, a) => window.hosoProcedureBench[name](a), fn, arg);
  await open('/bench/procedure.html', 'hosoProcedureBench');
  const ids = await call('setup', { data: w1.data });
  log(`stored cases ${JSON.stringify(ids)}`);
  await open('/bench/procedure.html', 'hosoProcedureBench'); // a fresh page: the first open fetches the chunks
  const cold = await call('open', { caseId: ids.flat, kind: 'flat', expected: fields });
  log(`cold open ${JSON.stringify(cold)}`);
  const opens = [];
  for (let i = 0; i < runs + WARMUP; i += 1) {
    const r = await call('open', { caseId: ids.flat, kind: 'flat', expected: fields });
    if (i >= WARMUP) opens.push(r);
  }
  log(
    `opens ${opens.map((r) => `${r.ms.toFixed(1)} (form in ${r.form.toFixed(1)}, fields in ${r.inDom.toFixed(1)})`).join(', ')}`,
  );
  const answers = await call('answers', { n: runs, warmup: WARMUP, expected: fields });
  log(`answers ${answers.toAnswers.map((v) => v.toFixed(1)).join(', ')}`);
  const wizardOpen = await call('open', { caseId: ids.wizard, kind: 'wizard', expected: perCategory });
  const passes = Math.ceil(runs / (CATEGORIES - 1));
  const switches = await call('switches', { passes, warmup: 1, categories: CATEGORIES, perCategory });
  log(`switches ${switches.map((v) => v.toFixed(1)).join(', ')}`);
  const alerts = await call('alerts');
  await call('unmount');
  if (alerts.length) log(`the element showed alerts: ${alerts.join(' | ')}`);
  return {
    fields,
    perCategory,
    cold,
    open: opens.map((r) => r.ms),
    openPhases: { header: opens.map((r) => r.header), form: opens.map((r) => r.form) },
    answers: answers.toAnswers,
    back: answers.back,
    wizardOpen,
    switches,
    alerts,
  };
}

/**
 * Table rows (header first) for the results of `runProcedureBench` and `elementsBundleSizes`, beside DESIGN §7.
 * `f` holds the formatters of scripts/bench.mjs: `ms(value)`, `pq(stats)`, `kb(bytes)`, `stats(values)`.
 */
export function procedureRows(r, sizes, f) {
  const KB = 60 * 1000;
  const within = (s, budget) =>
    s.p50 <= budget ? `✓ (p50 ${f.ms(s.p50)} ≤ ${budget})` : `✗ (p50 ${f.ms(s.p50)} > ${budget})`;
  const [open, answers, back, switches] = [r.open, r.answers, r.back, r.switches].map((v) => ({
    ...f.stats(v),
    min: Math.min(...v),
  }));
  // Under load the median moves a lot between runs; the fastest run shows what the work costs on an idle core.
  const pq = (s) => `${f.pq(s)} (min ${f.ms(s.min)})`;
  const size = (s) => `${f.kb(s.gzip)} (${s.files.length} file${s.files.length === 1 ? '' : 's'}, ${f.kb(s.min)} min)`;
  const all = sizes.initial.gzip + sizes.form.gzip + sizes.procedure.gzip;
  const fits = (b) => (b <= KB ? '✓' : '✗');
  return [
    ['measure', '<hoso-procedure>: voluntary-rehab, its REGISTER form = W1', 'budget, DESIGN §7'],
    [
      `open a case, ${r.fields} filled fields, cold (fresh page)`,
      `${f.ms(r.cold.ms)} ms (header ${f.ms(r.cold.header)}, <hoso-form> inserted ${f.ms(r.cold.form)})`,
      '— (fetches procedure, content, <hoso-form>, form)',
    ],
    [`open a case, warm, p50 / p90 (${open.n} runs)`, pq(open), `≤ 120 ms median ${within(open, 120)}`],
    [
      '  of which: until <hoso-form> inserted p50 / p90',
      f.pq(f.stats(r.openPhases.form)),
      '— (rest: the form renders its fields)',
    ],
    [
      `switch steps: Next → ${r.perCategory} fields p50 / p90 (${switches.n})`,
      pq(switches),
      `≤ 120 ms median ${within(switches, 120)}`,
    ],
    [
      `Continue → answers page, ${r.fields} rows p50 / p90 (${answers.n})`,
      pq(answers),
      `≤ 120 ms median ${within(answers, 120)}`,
    ],
    [`Back → the form's ${r.fields} fields p50 / p90 (${back.n})`, pq(back), '—'],
    ['elements entry + static imports (on load), gzip', size(sizes.initial), `≤ 60 KB ${fits(sizes.initial.gzip)}`],
    [`<hoso-form> chunk ${sizes.form.name.replace('chunks/', '')} (first form)`, size(sizes.form), 'on demand'],
    [
      `largest form ${sizes.largestForm.name.replace('chunks/', '')} (of ${sizes.forms})`,
      size(sizes.largestForm),
      'on demand',
    ],
    ['a procedure opens: machine, law content, conditions', size(sizes.procedure), 'on demand'],
    [
      'all runtime parts: entry + <hoso-form> + procedure',
      f.kb(all),
      `≤ 60 KB ${fits(all)} (${all <= KB ? 'within' : `${f.kb(all - KB)} over`})`,
    ],
  ];
}
