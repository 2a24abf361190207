// The start command's portal, end to end in real browsers with a real profile on disk: served under the strict
// CSP, it lists the procedures, starts a voluntary-rehab case, and what the officer typed survives the browser
// process being KILLED (SIGKILL, not a reload): a new browser on the same profile resumes the same step with the
// same values. Then the case is sent, the chairman decides it, and the case list and the person's timeline show it.
// Needs the build (`pnpm build`).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME, FIREFOX } from '../lib/setup.mjs';
import { createDemoServer } from '../lib/static-server.mjs';

const BUNDLE = join(ROOT, 'packages/elements/bundle/hoso-elements.js');
const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid-community.json');
const missing = [BUNDLE, VALID].filter((f) => !existsSync(f)).map((f) => f.slice(ROOT.length + 1));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;

const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');
const BROWSERS = [
  { name: 'chromium', options: { browser: 'chrome', executablePath: CHROME, args: ['--no-sandbox'] } },
  { name: 'firefox', options: { browser: 'firefox', executablePath: FIREFOX } },
].filter((b) => wanted.includes(b.name));

/** In the page: the `<hoso-procedure>`'s shadow root query, then the form's (`form:` prefix). */
function inProcedure(selector) {
  const proc = document.querySelector('hoso-procedure');
  const root = proc?.shadowRoot;
  if (!root) return null;
  if (selector.startsWith('form:'))
    return root.querySelector('hoso-form')?.shadowRoot?.querySelector(selector.slice(5));
  return root.querySelector(selector);
}

/** In the page: text of an element inside `<hoso-procedure>`, or null. */
function inProcedureText(selector) {
  return document.querySelector('hoso-procedure')?.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? null;
}

for (const spec of BROWSERS) {
  describe(`demo portal in ${spec.name}`, { skip, timeout: 180000 }, () => {
    let server;
    let base;
    let profile;
    let browser;
    let page;
    const pageErrors = [];
    const violations = [];

    const launch = async () => {
      const puppeteer = (await import('puppeteer-core')).default;
      browser = await puppeteer.launch({ headless: true, userDataDir: profile, ...spec.options });
      page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
      await page.evaluateOnNewDocument(`window.inProcedureText = ${inProcedureText.toString()}`);
      await page.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      page.on('console', (m) => m.text().startsWith('CSP ') && violations.push(m.text()));
    };
    const waitIn = (selector, timeout = 20000) => page.waitForFunction(inProcedure, { timeout, polling: 50 }, selector);
    const clickIn = async (selector) => (await waitIn(selector)).click();

    before(async () => {
      server = createDemoServer();
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${server.address().port}/examples/portal/`;
      profile = mkdtempSync(join(tmpdir(), `hoso-portal-${spec.name}-`));
      await launch();
    });

    after(async () => {
      await browser?.close().catch(() => {});
      server?.closeAllConnections();
      await new Promise((r) => (server ? server.close(r) : r()));
      rmSync(profile, { recursive: true, force: true });
    });

    it('lists the procedures in Vietnamese under the strict CSP', async () => {
      await page.goto(base, { waitUntil: 'load' });
      await page.waitForSelector('.procedures a', { timeout: 20000 });
      const titles = await page.$$eval('.procedures h2', (hs) => hs.map((h) => h.textContent));
      assert.ok(titles.includes('Cai nghiện ma túy tự nguyện'), titles.join(' | '));
      assert.ok(titles.includes('Đưa vào cơ sở cai nghiện bắt buộc') || titles.length >= 6, titles.join(' | '));
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(violations, []);
    });

    it('keeps what was typed when the browser process is killed, and resumes at the same step', async () => {
      await page.evaluate(() => localStorage.setItem('hoso-portal:today', '2026-07-06'));
      await page.goto(`${base}#/thu-tuc/voluntary-rehab`, { waitUntil: 'load' });
      await clickIn('button[data-event="REGISTER"]');
      const input = await waitIn('form:[data-path="person.fullName"]');
      await input.focus();
      await page.keyboard.type('Nguyễn Văn Tư');
      await page.waitForFunction(inProcedure, { timeout: 10000 }, '.save-status[data-status="saved"]');

      browser.process().kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 500));
      await launch();
      await page.goto(`${base}#/thu-tuc/voluntary-rehab`, { waitUntil: 'load' });
      const again = await waitIn('form:[data-path="person.fullName"]');
      assert.equal(await again.evaluate((el) => el.value), 'Nguyễn Văn Tư');
      const notice = await page.evaluate(
        () => document.querySelector('hoso-procedure').shadowRoot.querySelector('[role="status"]').textContent,
      );
      assert.match(notice, /khôi phục/);
    });

    it('sends the case after checking the answers; the chairman sees it and can decide; it is in the case list', async () => {
      const valid = JSON.parse(readFileSync(VALID, 'utf8'));
      await page.evaluate((data) => {
        const form = document.querySelector('hoso-procedure').shadowRoot.querySelector('hoso-form');
        form.data = data;
      }, valid);
      await clickIn('button[data-action="continue"]');
      await waitIn('dl.answers');
      await clickIn('button[data-action="submit"]');
      await page
        .waitForFunction(() => /#\/ho-so\/voluntary-rehab\//.test(location.hash), { timeout: 10000 })
        .catch(async (e) => {
          const alert = await page.evaluate(() => inProcedureText('[role="alert"]'));
          throw new Error(`the case was not stored: ${alert ?? e.message}`);
        });
      const state = await page.evaluate(
        () => document.querySelector('hoso-procedure').shadowRoot.querySelector('[data-state]').dataset.state,
      );
      assert.equal(state, 'awaiting_decision');

      await page.select('#role', 'commune-pc-chair');
      await waitIn('button[data-event="DECIDE"]');
      await page.goto(`${base}#/ho-so`, { waitUntil: 'load' });
      await page.waitForFunction(
        () => document.querySelector('hoso-case-list')?.shadowRoot?.textContent?.includes('Nguyễn Văn A'),
        { timeout: 10000 },
      );
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(violations, []);
    });
  });
}
