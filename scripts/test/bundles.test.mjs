// The two <hoso-form> bundles as a page would use them (docs/bundles.md): the production bundle is compiler-free,
// the run-time bundle compiles any schema in the browser with no build step. Needs `pnpm build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { createDemoServer } from '../lib/static-server.mjs';

const PRODUCTION = join(ROOT, 'packages/forms/bundle/hoso-form.js');
const RUNTIME = join(ROOT, 'packages/forms/dist/hoso-form.runtime.js');
const missing = [PRODUCTION, RUNTIME].filter((f) => !existsSync(f)).map((f) => f.slice(ROOT.length + 1));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;
const SERVED = ['/scripts/fixtures/bundles/', '/packages/forms/bundle/', '/packages/forms/dist/'];

/** In the page: elements with data-path under <hoso-form>, through shadow roots. */
function paths() {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute('data-path')) out.push(node.getAttribute('data-path'));
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children ?? []) walk(child);
  };
  walk(document.querySelector('hoso-form'));
  return out;
}

describe('bundles', { skip }, () => {
  let browser;
  const servers = [];

  async function open(page, csp) {
    const server = createDemoServer({ served: SERVED, csp });
    servers.push(server);
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const p = await browser.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
    await p.goto(`http://127.0.0.1:${server.address().port}/scripts/fixtures/bundles/${page}`);
    await p.waitForFunction(() => window.__ready === true, { timeout: 20000 });
    return { page: p, errors };
  }

  before(async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ headless: true, executablePath: CHROME, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });

  it('the production bundle contains no run-time code generation', () => {
    const code = readFileSync(PRODUCTION, 'utf8');
    assert.doesNotMatch(code, /new Function\s*\(/);
    assert.doesNotMatch(code, /\beval\s*\(/);
  });

  it('the run-time bundle renders and validates a schema no build step has seen', async () => {
    const { page, errors } = await open('runtime.html', "script-src 'self' 'unsafe-eval'");
    await page.waitForFunction(paths, { timeout: 10000 });
    const rendered = await page.evaluate(paths);
    assert.ok(rendered.includes('email') && rendered.includes('age'), `controls rendered: ${rendered.join(', ')}`);
    assert.equal(await page.evaluate(() => document.querySelector('hoso-form').validate()), false);
    await page.evaluate(() => {
      document.querySelector('hoso-form').data = { email: 'a@b.vn', age: 30 };
    });
    assert.equal(await page.evaluate(() => document.querySelector('hoso-form').checkValidity()), true);
    assert.deepEqual(errors, []);
  });

  it('the production bundle refuses a schema without precompiled validators, saying what to do', async () => {
    const { page, errors } = await open('production.html', "script-src 'self'");
    for (let i = 0; i < 50 && errors.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await page.evaluate(() => customElements.get('hoso-form') !== undefined), true);
    assert.ok(
      errors.some((e) => /no validators/.test(e) && /runtime/.test(e)),
      `expected a "no validators" error, got: ${errors.join(' | ') || 'none'}`,
    );
  });
});
