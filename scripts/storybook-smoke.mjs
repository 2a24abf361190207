// Storybook smoke test: serves the built Storybook (storybook-static/, `pnpm build-storybook` first) on 127.0.0.1
// with node:http, opens every story's iframe in headless Chromium (puppeteer-core, /usr/bin/chromium) and checks
// that it rendered <hoso-form>s with their native controls, without a render error or page error. The invalid
// stories must show an error message on an `aria-invalid` control, translated (vi ≠ en in the states matrix).
// The generated stories of the real forms (`Procedure forms/<procedure>/<form>`, .storybook/forms/) are checked
// further: a valid fixture shows no error and is axe-clean (WCAG 2 A/AA, first valid story of each form); an
// invalid fixture shows the error summary and, where the field of its `.expect.json` has a control, an error on it;
// and the first invalid story of each form reads differently after switching its `lang` arg to English.
// Stories are switched inside one loaded iframe through Storybook's channel (a page load only for the first).
// Prints one line per check and closes with `N passed, N failed` (counted by scripts/test.mjs). Exit 1 on failure.
//
//   node scripts/storybook-smoke.mjs [--dir storybook-static] [--only <story id substring>]
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DIR = resolve(ROOT, arg('--dir') ?? 'storybook-static');
const ONLY = arg('--only');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A static server for `dir` (no directory climbing). */
function serve(dir) {
  return createServer((req, res) => {
    let path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, normalize(path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
}

/** In the page: the state of every <hoso-form> in the story (through its shadow root). */
function inspect() {
  const ownEnableRule = (control) => {
    for (let el = control.parentElement; el; el = el.parentElement) {
      if ('uischema' in el && el.uischema) return ['ENABLE', 'DISABLE'].includes(el.uischema.rule?.effect);
    }
    return false;
  };
  const forms = [...document.querySelectorAll('#storybook-root hoso-form')];
  return {
    errorDisplay: document.body.classList.contains('sb-show-errordisplay'),
    errorText: document.querySelector('#error-message')?.textContent?.trim() ?? '',
    forms: forms.map((form) => {
      const root = form.shadowRoot;
      // Native controls only: the error summary's links carry data-path too.
      const controls = root ? [...root.querySelectorAll(':is(input, select, textarea)[data-path]')] : [];
      const invalid = controls.filter((c) => c.getAttribute('aria-invalid') === 'true');
      // The error a control announces: the `…-error` element its aria-describedby points to.
      const errors = invalid.map((c) =>
        (c.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .filter((id) => id.endsWith('-error'))
          .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
          .join(' '),
      );
      return {
        state: form.getAttribute('data-state'),
        wantDisabled: form.getAttribute('data-disabled') === 'true',
        wantReadonly: form.hasAttribute('readonly'),
        lang: form.closest('[lang]')?.getAttribute('lang') ?? '',
        controls: controls.length,
        buttons: root ? root.querySelectorAll('button').length : 0,
        // A control with its own ENABLE/DISABLE rule follows that rule, not its parent (JSON Forms semantics).
        disabled: controls.filter((c) => c.disabled || ownEnableRule(c)).length,
        readonly: controls.filter((c) => c.readOnly || c.getAttribute('aria-readonly') === 'true').length,
        errors,
      };
    }),
  };
}

/** Path of axe-core's browser build (a dependency of @open-wc/testing's chai-a11y-axe). */
function axePath() {
  const require = createRequire(join(ROOT, 'package.json'));
  const chaiAxe = createRequire(require.resolve('@open-wc/testing')).resolve('chai-a11y-axe');
  return createRequire(chaiAxe).resolve('axe-core/axe.min.js');
}

/**
 * Shows a story: the first through a page load, the next ones through Storybook's channel (`setCurrentStory`),
 * resolving when the preview reports it rendered; a render error or exception rejects.
 */
async function show(page, base, id) {
  if (!page.url().includes('/iframe.html')) {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load' });
    return;
  }
  const outcome = await page.evaluate(
    (storyId) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const events = ['storyRendered', 'storyErrored', 'storyThrewException', 'storyMissing'];
        const handlers = events.map((name) => {
          const handler = (payload) => {
            handlers.forEach(([n, h]) => channel.off(n, h));
            clearTimeout(timer);
            resolve(name === 'storyRendered' ? 'ok' : `${name}: ${JSON.stringify(payload).slice(0, 300)}`);
          };
          channel.on(name, handler);
          return [name, handler];
        });
        const timer = setTimeout(() => resolve('no storyRendered within 20 s'), 20000);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    id,
  );
  if (outcome !== 'ok') throw new Error(outcome);
}

/** In the page: a generated form story's own facts (summary, the expected field's control and error). */
function inspectFixture() {
  const form = document.querySelector('#storybook-root hoso-form');
  const root = form?.shadowRoot;
  const path = form?.getAttribute('data-expect-path') ?? '';
  const control = path ? form.control(path) : null;
  const errorOf = (c) =>
    (c?.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id.endsWith('-error'))
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  return {
    state: form?.getAttribute('data-state') ?? '',
    path,
    summary: [...(root?.querySelectorAll('.error-summary li') ?? [])].map((li) => li.textContent.trim()),
    control: !!control,
    controlInvalid: control?.getAttribute('aria-invalid') === 'true',
    controlError: errorOf(control),
    invalidControls: root ? root.querySelectorAll('[aria-invalid="true"]').length : 0,
  };
}

/** Waits until a generated invalid story has run validate() and reached the field's wizard step. */
async function fixtureSettled(page) {
  await page.waitForFunction(
    () => {
      const f = document.querySelector('#storybook-root hoso-form');
      return !!f && (f.getAttribute('data-state') !== 'fixture-invalid' || f.dataset.errorsShown === 'true');
    },
    { timeout: 15000 },
  );
  await page.evaluate(async () => {
    await document.querySelector('#storybook-root hoso-form')?.updateComplete;
    await new Promise((r) => setTimeout(r, 30));
  });
}

/** Problems of a generated form story (beyond the generic checks). */
async function fixtureProblems(page, axeFirst) {
  await fixtureSettled(page);
  const r = await page.evaluate(inspectFixture);
  const problems = [];
  if (r.state === 'fixture-valid') {
    if (r.invalidControls > 0 || r.summary.length)
      problems.push(`valid fixture shows errors: ${r.summary.join(' | ')}`);
    if (axeFirst) {
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('#storybook-root'), {
          runOnly: ['wcag2a', 'wcag2aa'],
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      if (violations.length) problems.push(`axe: ${violations.join(', ')}`);
    }
  }
  if (r.state === 'fixture-invalid') {
    if (!r.summary.length || r.summary.some((t) => !t))
      problems.push('invalid fixture: no error summary after validate()');
    if (r.control && !(r.controlInvalid && r.controlError))
      problems.push(`invalid fixture: the control of "${r.path}" shows no error`);
  }
  return { problems, facts: r };
}

/** After switching the story's `lang` arg: re-validate (the summary is built on validate) and read it again. */
async function readIn(page, id, lang) {
  await page.evaluate(
    (storyId, value) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const done = () => {
          channel.off('storyRendered', done);
          resolve();
        };
        channel.on('storyRendered', done);
        channel.emit('updateStoryArgs', { storyId, updatedArgs: { lang: value } });
      }),
    id,
    lang,
  );
  await page.evaluate(async () => {
    const form = document.querySelector('#storybook-root hoso-form');
    await form.updateComplete;
    form.validate();
    await form.updateComplete;
  });
  return page.evaluate(inspectFixture);
}

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail}` : ''}\n`);
}

async function main() {
  const indexFile = join(DIR, 'index.json');
  if (!existsSync(indexFile)) {
    check('storybook-static/index.json exists', false, `${indexFile} is missing: run pnpm build-storybook first`);
    return;
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story')
    .filter((e) => !ONLY || e.id.includes(ONLY));
  check('the built Storybook lists stories', stories.length > 0, `${stories.length} stories in index.json`);

  const server = serve(DIR);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const axeScript = readFileSync(axePath(), 'utf8');
    const axed = new Set();
    const langChecked = new Set();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
    for (const story of stories) {
      pageErrors.length = 0;
      const name = `${story.title} › ${story.name} (${story.id})`;
      try {
        await show(page, base, story.id);
        // Stories of other packages (e.g. packages/elements) need not show a <hoso-form> at the top: they must
        // render something (an element with rendered shadow content, or text) without errors.
        const formStory = /^\.\/(packages\/forms\/|\.storybook\/forms\/)/.test(story.importPath ?? '');
        await page.waitForFunction(
          (forms) =>
            document.body.classList.contains('sb-show-errordisplay') ||
            (forms
              ? [...document.querySelectorAll('#storybook-root hoso-form')].some((f) =>
                  f.shadowRoot?.querySelector('[data-path]'),
                )
              : [...document.querySelectorAll('#storybook-root *')].some(
                  (el) => (el.shadowRoot?.childElementCount ?? 0) > 0 || (el.textContent ?? '').trim() !== '',
                )),
          { timeout: 15000 },
          formStory,
        );
        // Let invalid stories run their validate() and every form settle.
        await page.evaluate(async () => {
          for (const f of document.querySelectorAll('#storybook-root hoso-form')) await f.updateComplete;
          await new Promise((r) => setTimeout(r, 50));
        });
        const r = await page.evaluate(inspect);
        const problems = [];
        if (r.errorDisplay) problems.push(`Storybook error display: ${r.errorText.slice(0, 300)}`);
        if (pageErrors.length) problems.push(`page errors: ${pageErrors.join(' | ').slice(0, 300)}`);
        if (formStory && r.forms.length === 0) problems.push('no <hoso-form> rendered');
        for (const [i, f] of r.forms.entries()) {
          // An empty array shows only its "add" button; anything else must show its fields.
          if (f.controls === 0 && !(f.state === 'empty' && f.buttons > 0))
            problems.push(`form ${i} (${f.state}) has no control with data-path`);
          if (f.wantDisabled && f.disabled !== f.controls)
            problems.push(`form ${i} (disabled): ${f.controls - f.disabled} of ${f.controls} controls are enabled`);
          if (f.wantReadonly && f.readonly + f.disabled < f.controls)
            problems.push(`form ${i} (readonly): ${f.controls - f.readonly} of ${f.controls} controls are editable`);
          if (f.state === 'invalid') {
            if (f.errors.length === 0) problems.push(`form ${i} (invalid, ${f.lang}) shows no aria-invalid control`);
            else if (f.errors.some((t) => t === '')) problems.push(`form ${i} (invalid) has an empty error message`);
          }
        }
        // In the states matrix the same invalid data must read differently in vi and en.
        const vi = r.forms.find((f) => f.state === 'invalid' && f.lang === 'vi');
        const en = r.forms.find((f) => f.state === 'invalid' && f.lang === 'en');
        if (vi && en && vi.errors[0] && vi.errors[0] === en.errors[0])
          problems.push(`the invalid state reads the same in vi and en: "${vi.errors[0]}"`);
        if (story.id.startsWith('procedure-forms-')) {
          const form = story.title;
          const first = !axed.has(form) && story.id.includes('--valid');
          if (first) {
            axed.add(form);
            if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeScript });
          }
          const fx = await fixtureProblems(page, first);
          problems.push(...fx.problems);
          if (fx.facts.state === 'fixture-invalid' && !langChecked.has(form) && fx.facts.summary.length) {
            langChecked.add(form);
            const vi = await readIn(page, story.id, 'vi');
            const en = await readIn(page, story.id, 'en');
            await readIn(page, story.id, '');
            const [a, b] = [vi.controlError || vi.summary[0], en.controlError || en.summary[0]];
            if (!a || !b || a === b) problems.push(`lang vi/en: the error reads "${a}" in vi and "${b}" in en`);
          }
        }
        const summary = r.forms
          .map((f) => `${f.state}/${f.lang || '-'}: ${f.controls} controls, ${f.errors.length} errors`)
          .join('; ');
        check(name, problems.length === 0, problems.join('\n       ') || summary);
      } catch (e) {
        const seen = await page.evaluate(inspect).catch(() => null);
        const what = seen
          ? ` | rendered: ${seen.forms.length} forms, ${seen.forms.map((f) => f.controls).join('/') || 0} controls${
              seen.errorDisplay ? `, error display: ${seen.errorText.slice(0, 200)}` : ''
            }`
          : '';
        check(
          name,
          false,
          `${e.message}${what}${pageErrors.length ? ` | page errors: ${pageErrors.join(' | ')}` : ''}`,
        );
      }
    }
    // The locale toolbar (global `locale`) sets `lang` on the story: the same invalid story reads differently.
    const invalid = stories.find((s) => s.id.endsWith('--invalid'));
    if (invalid) {
      const errorsIn = async (locale) => {
        const url = `${base}/iframe.html?id=${encodeURIComponent(invalid.id)}&viewMode=story&globals=locale:${locale}`;
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('#storybook-root hoso-form')].some((f) =>
              f.shadowRoot?.querySelector('[aria-invalid="true"]'),
            ),
          { timeout: 15000 },
        );
        const r = await page.evaluate(inspect);
        return { lang: r.forms[0]?.lang, error: r.forms[0]?.errors[0] ?? '' };
      };
      try {
        const vi = await errorsIn('vi');
        const en = await errorsIn('en');
        check(
          `locale toolbar: ${invalid.id} in vi and en`,
          vi.lang === 'vi' && en.lang === 'en' && vi.error !== '' && en.error !== '' && vi.error !== en.error,
          `vi (${vi.lang}): "${vi.error}", en (${en.lang}): "${en.error}"`,
        );
      } catch (e) {
        check(`locale toolbar: ${invalid.id} in vi and en`, false, e.message);
      }
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

try {
  await main();
} catch (e) {
  check('storybook smoke test ran', false, e.stack ?? String(e));
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
