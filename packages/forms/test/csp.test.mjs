// Strict CSP, end to end in Chromium and Firefox ESR: a page served with
//   Content-Security-Policy: script-src 'self'; require-trusted-types-for 'script'
// loads the production bundle (packages/forms/bundle/hoso-form.js: no ajv compiler) and the generated registration
// form (precompiled validators), renders it, shows the translated error of a typed invalid value (vi, then en),
// submits (error summary, blocked submit), and renders hostile HTML in titles, descriptions, option labels, messages
// and data as text. No `securitypolicyviolation` may fire, and `new Function` must be refused (proving the CSP is
// active — that refusal is also the one violation the listener must then see). Needs `pnpm build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { precompileValidators } from '../../../bench/precompile.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const BROWSERS = [
  {
    name: 'Chromium',
    id: 'chromium',
    options: {
      browser: 'chrome',
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    },
  },
  // Firefox ESR (153) enforces both halves too: script-src and Trusted Types.
  {
    name: 'Firefox ESR',
    id: 'firefox',
    options: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
  },
].filter((b) => wanted.includes(b.id));
export const CSP = "script-src 'self'; require-trusted-types-for 'script'";

const FILES = {
  '/': join(ROOT, 'packages/forms/test/csp/index.html'),
  '/main.js': join(ROOT, 'packages/forms/test/csp/main.js'),
  '/bundle/hoso-form.js': join(ROOT, 'packages/forms/bundle/hoso-form.js'),
  '/forms/voluntary-rehab/registration.js': join(ROOT, 'schemas/generated/voluntary-rehab/registration.js'),
};
const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid.json');
const STANDALONE = join(ROOT, 'packages/cli/dist/build/standalone.js');
const missing = [...Object.values(FILES), VALID, STANDALONE].filter((f) => !existsSync(f));
const skip = missing.length ? `not built yet: ${missing.map((f) => f.slice(ROOT.length)).join(', ')}` : false;

/** Hostile texts: any of them parsed as HTML would add an element or set window.__pwned. */
const HOSTILE = {
  title: '<img src=x onerror="window.__pwned=1">Tên',
  description: '<script>window.__pwned=2</script>Mô tả',
  option: '<img src=y onerror="window.__pwned=3">Lựa chọn',
  error: '<img src=z onerror="window.__pwned=5">Lỗi',
  data: '<script>window.__pwned=4</script>',
};
const hostile = {
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: HOSTILE.title, description: HOSTILE.description, minLength: 50 },
      choice: { type: 'string', oneOf: [{ const: 'a', title: HOSTILE.option }, { const: 'b' }] },
    },
    required: ['name'],
  },
  messages: { vi: { 'name.error.minLength': HOSTILE.error }, en: { 'name.error.minLength': HOSTILE.error } },
  data: { name: HOSTILE.data, choice: 'a' },
};

/** In the page: the element with data-path `path` in form `#id` (controls live in the form's shadow root). */
function control(id, path) {
  // Native controls only: the error summary's links carry data-path too.
  const selector = `:is(input, select, textarea)[data-path="${path}"]`;
  return document.getElementById(id)?.shadowRoot?.querySelector(selector) ?? null;
}

/**
 * Poll `fn(...args)` in the page until it returns truthy (return booleans: Firefox's BiDi does not hand DOM nodes
 * back as values). Not puppeteer's waitForFunction: its in-page poller is
 * built from a string, which this very CSP (rightly) refuses, and that refusal would be reported as a violation.
 */
async function until(page, fn, ...args) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await page.evaluate(fn, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const spec of BROWSERS)
  describe(`<hoso-form> under a strict CSP with Trusted Types (${spec.name})`, { skip }, () => {
    let server;
    let browser;
    let page;
    let registration;
    const pageErrors = [];
    const violations = () => page.evaluate(() => window.__violations);

    before(async () => {
      registration = await import(pathToFileURL(FILES['/forms/voluntary-rehab/registration.js']).href);
      const hostileModule = `${await precompileValidators([hostile.schema], 'csp-hostile')}\nexport const hostile = ${JSON.stringify(hostile)};\n`;
      server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
        if (path === '/hostile.js') {
          res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
          return res.end(hostileModule);
        }
        const file = FILES[path];
        if (!file) {
          res.writeHead(404, headers);
          return res.end('not found');
        }
        const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
        res.writeHead(200, { ...headers, 'content-type': type });
        res.end(readFileSync(file));
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const puppeteer = (await import('puppeteer-core')).default;
      browser = await puppeteer.launch({ headless: true, ...spec.options });
      page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
      await page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
        );
      });
      await page.evaluateOnNewDocument(`window.__control = ${control.toString()};`);
      const response = await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
      assert.equal(response.headers()['content-security-policy'], CSP);
      await until(page, () => window.__ready === true);
      await until(page, (id, path) => window.__control(id, path) !== null, 'hostile', 'name');
    });

    after(async () => {
      await browser?.close();
      server?.closeAllConnections();
      await new Promise((r) => (server ? server.close(r) : r()));
    });

    it('renders the registration form from precompiled validators with no violation', async () => {
      const valid = JSON.parse(readFileSync(VALID, 'utf8'));
      await page.evaluate((data) => {
        document.getElementById('registration').data = data;
      }, valid);
      await until(page, (id, path) => window.__control(id, path) !== null, 'registration', 'person.idNumber');
      const count = await page.evaluate(
        () => document.getElementById('registration').shadowRoot.querySelectorAll('[data-path]').length,
      );
      assert.ok(count >= 3, `the registration form rendered its controls (${count})`);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(pageErrors, []);
    });

    it('shows the translated error of a typed invalid value, in vi then en', async () => {
      const input = await page.evaluateHandle(control, 'registration', 'person.idNumber');
      await input.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type('00109401234'); // 11 digits: the pattern wants 12
      await page.keyboard.press('Tab');
      const errorText = () =>
        page.evaluate(() => {
          const form = document.getElementById('registration');
          const el = window.__control('registration', 'person.idNumber');
          return {
            invalid: el.getAttribute('aria-invalid'),
            error: form.shadowRoot.getElementById(`${el.id}-error`)?.textContent?.trim() ?? '',
          };
        });
      await until(
        page,
        () => window.__control('registration', 'person.idNumber').getAttribute('aria-invalid') === 'true',
      );
      const vi = await errorText();
      assert.equal(vi.invalid, 'true');
      assert.equal(vi.error, registration.messages.vi['person.idNumber.error.pattern']);
      await page.evaluate(() => {
        document.getElementById('registration').lang = 'en';
      });
      const expected = registration.messages.en['person.idNumber.error.pattern'];
      await until(
        page,
        (text) => {
          const form = document.getElementById('registration');
          const el = window.__control('registration', 'person.idNumber');
          return form.shadowRoot.getElementById(`${el.id}-error`)?.textContent?.trim() === text;
        },
        expected,
      );
      await page.evaluate(() => {
        document.getElementById('registration').lang = 'vi';
      });
      assert.deepEqual(await violations(), []);
    });

    it('blocks the submit of the invalid form and focuses the error summary', async () => {
      await page.click('button[type="submit"]');
      await until(page, () => {
        const form = document.getElementById('registration');
        return !!form.shadowRoot.querySelector('[part~="error-summary"]') && !!form.shadowRoot.activeElement;
      });
      const state = await page.evaluate(() => ({
        submitted: window.__submitted ?? null,
        summary: document.getElementById('registration').shadowRoot.querySelector('[part~="error-summary"]')
          .textContent,
      }));
      assert.equal(state.submitted, null, 'an invalid form must not submit');
      assert.ok(state.summary.includes(registration.messages.vi['person.idNumber.error.pattern']));
      assert.deepEqual(await violations(), []);
      assert.deepEqual(pageErrors, []);
    });

    it('renders hostile titles, descriptions, options, messages and data as text', async () => {
      await page.evaluate(() => document.getElementById('hostile').validate());
      await until(page, () => window.__control('hostile', 'name').getAttribute('aria-invalid') === 'true');
      const seen = await page.evaluate(() => {
        const root = document.getElementById('hostile').shadowRoot;
        return {
          elements: root.querySelectorAll('img, script').length,
          text: root.textContent,
          value: window.__control('hostile', 'name').value,
          pwned: window.__pwned ?? null,
        };
      });
      assert.equal(seen.elements, 0, 'no <img> or <script> element was created from text');
      assert.equal(seen.pwned, null);
      assert.ok(seen.text.includes(HOSTILE.title), 'the title shows as literal text');
      assert.ok(seen.text.includes(HOSTILE.description), 'the description shows as literal text');
      assert.ok(seen.text.includes(HOSTILE.error), 'the error message shows as literal text');
      assert.equal(seen.value, HOSTILE.data);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(pageErrors, []);
    });

    it('refuses new Function (the CSP is active) and reports it as a violation', async () => {
      // DevTools' own evaluations may eval; the probe runs in a task of the page's script (csp/main.js).
      await page.evaluate(() => document.dispatchEvent(new Event('csp-probe')));
      await until(page, () => window.__probe !== undefined);
      const probe = await page.evaluate(() => window.__probe);
      assert.match(probe, /^blocked/, 'new Function must throw under this CSP');
      await until(page, () => window.__violations.length > 0);
      const seen = await violations();
      assert.ok(
        seen.every((v) => v.startsWith('script-src') || v.startsWith('require-trusted-types-for')),
        seen.join('; '),
      );
    });
  });
