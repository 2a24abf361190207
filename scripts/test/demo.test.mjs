// The start command's demo page, end to end in real browsers: served by the demo server under the strict CSP,
// it loads the production bundle and the generated registration form, renders it in Vietnamese, switches to
// English, refuses an empty submit and shows the FormData of a valid one. Needs the build (`pnpm build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/run.mjs';
import { CHROME, FIREFOX } from '../lib/setup.mjs';
import { createDemoServer } from '../lib/static-server.mjs';

const BUNDLE = join(ROOT, 'packages/forms/bundle/hoso-form.js');
const FORM = join(ROOT, 'schemas/generated/voluntary-rehab/registration.js');
const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid.json');
const missing = [BUNDLE, FORM, VALID].filter((f) => !existsSync(f)).map((f) => f.slice(ROOT.length + 1));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;

/** axe-core, installed with @open-wc/testing (not hoisted by pnpm, so found in the store folder). */
function axePath() {
  const store = join(ROOT, 'node_modules/.pnpm');
  const dir = existsSync(store) ? readdirSync(store).find((d) => d.startsWith('axe-core@')) : undefined;
  return dir ? join(store, dir, 'node_modules/axe-core/axe.min.js') : null;
}

const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const BROWSERS = [
  { name: 'chromium', options: { browser: 'chrome', executablePath: CHROME, args: ['--no-sandbox'] } },
  { name: 'firefox', options: { browser: 'firefox', executablePath: FIREFOX } },
].filter((b) => wanted.includes(b.name));

/** In the page: all text under `root`, through open shadow roots, in document order. */
function deepText() {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.querySelector('hoso-form'));
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** In the page: how many elements with `data-path` the form rendered (through shadow roots). */
function controlCount() {
  let n = 0;
  const walk = (node) => {
    if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute('data-path')) n += 1;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children ?? []) walk(child);
  };
  walk(document.querySelector('hoso-form'));
  return n;
}

for (const browserSpec of BROWSERS) {
  describe(`demo page in ${browserSpec.name}`, { skip }, () => {
    let server;
    let browser;
    let page;
    let url;
    const pageErrors = [];
    let form;

    before(async () => {
      form = await import(pathToFileURL(FORM).href);
      server = createDemoServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${server.address().port}/examples/demo/`;
      const puppeteer = (await import('puppeteer-core')).default;
      browser = await puppeteer.launch({ headless: true, ...browserSpec.options });
      page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
      await page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(controlCount, { timeout: 20000 });
    });

    after(async () => {
      await browser?.close();
      server?.closeAllConnections();
      await new Promise((r) => (server ? server.close(r) : r()));
    });

    it('renders the registration form in Vietnamese under the strict CSP, with no violation', async () => {
      assert.ok((await page.evaluate(controlCount)) >= 5, 'the form rendered its controls');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
      const text = await page.evaluate(deepText);
      const role = form.schema.properties.applicant.properties.role;
      const expected = form.messages.vi?.['applicant.role.label'] ?? role.title;
      assert.ok(text.includes(expected), `the form shows the Vietnamese label "${expected}"`);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(pageErrors, []);
    });

    it('refuses an empty submit and says so', async () => {
      await page.click('form[name="dang-ky"] button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
      assert.equal(await page.$eval('#result', (el) => el.hidden), true);
      assert.match(await page.$eval('#status', (el) => el.textContent), /chưa hợp lệ/);
    });

    it('switches the page and the form to English', async () => {
      const before = await page.evaluate(deepText);
      await page.click('button[data-lang="en"]');
      await page.waitForFunction(() => document.querySelector('hoso-form')?.lang === 'en');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.$eval('h1', (el) => el.textContent), 'Registration for voluntary drug rehabilitation');
      let after = before;
      for (let i = 0; i < 50 && after === before; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        after = await page.evaluate(deepText);
      }
      assert.notEqual(after, before, 'the form text changed language');
      const expected = form.messages.en?.['applicant.role.label'];
      if (expected) assert.ok(after.includes(expected), `the form shows the English label "${expected}"`);
      assert.equal(await page.$eval('button[data-lang="en"]', (el) => el.getAttribute('aria-pressed')), 'true');
      await page.click('button[data-lang="vi"]');
    });

    it('submits a valid application and shows its FormData as JSON', async () => {
      const valid = JSON.parse(readFileSync(VALID, 'utf8'));
      await page.evaluate((data) => {
        document.querySelector('hoso-form').data = data;
      }, valid);
      await page.click('form[name="dang-ky"] button[type="submit"]');
      await page.waitForFunction(() => !document.querySelector('#result').hidden, { timeout: 10000 });
      const posted = JSON.parse(await page.$eval('#posted', (el) => el.textContent));
      assert.deepEqual(posted.registration, valid);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(pageErrors, []);
    });

    it(
      'has no axe violations (WCAG 2 A/AA, best practice), before and after a refused submit',
      {
        skip: browserSpec.name === 'chromium' ? false : 'axe runs in Chromium only (it needs CSP bypass to inject)',
      },
      async () => {
        const axe = axePath();
        assert.ok(axe, 'axe-core is installed (with @open-wc/testing)');
        // A separate page: injecting axe needs the CSP bypassed, which the other tests must not have.
        const a11y = await browser.newPage();
        try {
          await a11y.setBypassCSP(true);
          await a11y.goto(url, { waitUntil: 'load' });
          await a11y.waitForFunction(controlCount, { timeout: 20000 });
          await a11y.addScriptTag({ path: axe });
          const run = () =>
            a11y.evaluate(async () => {
              const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
              return r.violations.map(
                (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              );
            });
          assert.deepEqual(await run(), []);
          await a11y.click('form[name="dang-ky"] button[type="submit"]');
          await a11y.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'));
          assert.deepEqual(await run(), []);
        } finally {
          await a11y.close();
        }
      },
    );

    it('really enforces the CSP: string code from the page is refused and reported', async () => {
      // DevTools' own evaluation is exempt from CSP, so the probe is a string timer the page itself would compile.
      await page.evaluate(() => {
        try {
          setTimeout('window.__evaled = true', 0);
        } catch {
          // Trusted Types may refuse the string synchronously
        }
      });
      await page.waitForFunction(() => window.__violations.length > 0, { timeout: 5000 });
      assert.equal(await page.evaluate(() => window.__evaled), undefined);
      const violations = await page.evaluate(() => window.__violations);
      assert.ok(
        violations.every((v) => /script-src|trusted-types/.test(v)),
        `only the probe was refused: ${violations.join('; ')}`,
      );
    });
  });
}
