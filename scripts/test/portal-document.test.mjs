// The demo portal's document page (#/ho-so/<procedure>/<caseId>/van-ban/<documentId>, examples/portal/pages/
// document.js) in headless Chromium under the strict CSP: a case built by the real runtime is put in the portal's
// own case store, the page shows the decision in <hoso-document> under the demo commune's names, with its issue
// line, a Print button that prints the sheet alone (A4, one page, read back from the PDF) and a link back; a case
// that is not on the device says so. On the case page, the issued document's button sends hoso-document-open with
// the case, procedure and document. Needs the build (`pnpm build`: the elements bundle).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { createDemoServer } from '../lib/static-server.mjs';
import { buildCase } from './document-cases.mjs';
import { readPdf } from './pdf-reader.mjs';

const NEEDED = ['packages/elements/bundle/hoso-elements.js', 'packages/workflow/dist/index.js'];
const missing = NEEDED.filter((f) => !existsSync(join(ROOT, f)));
const skip = missing.length ? `not built yet: ${missing.join(', ')} (run pnpm build)` : false;
const MM = 72 / 25.4;

describe('demo portal: a case document, printed', { skip, timeout: 180000 }, () => {
  let server;
  let browser;
  let page;
  let theCase;
  const problems = [];

  before(async () => {
    theCase = await buildCase('voluntary-rehab-adult-community');
    server = createDemoServer();
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ headless: true, executablePath: CHROME, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(String(e?.message ?? e)));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective}`));
    });
    page.on('console', (m) => m.text().startsWith('CSP ') && problems.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/examples/portal/`, { waitUntil: 'load' });
    await page.waitForSelector('main .procedures', { timeout: 60000 });
    // The case goes into the portal's own store (the bundle's default IndexedDB store), as if walked on this device.
    await page.evaluate(async (c) => {
      const hoso = await import('/packages/elements/bundle/hoso-elements.js');
      const store = await hoso.defaultStore();
      await store.putCase(c, { expectedRev: 0 });
    }, theCase);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  const open = async (hash) => {
    await page.evaluate((h) => (location.hash = h), hash);
  };
  const sheetText = () =>
    page.evaluate(() => document.querySelector('hoso-document')?.shadowRoot?.textContent?.replace(/\s+/g, ' '));

  it('shows the decision with the demo commune as issuer, its issue line and a link back to the case', async () => {
    await open(`#/ho-so/voluntary-rehab/${theCase.id}/van-ban/decision`);
    await page.waitForFunction(() => document.querySelector('hoso-document')?.shadowRoot?.querySelector('.sheet'), {
      timeout: 30000,
    });
    await page.evaluate(() => document.querySelector('hoso-document').complete);
    const h1 = await page.$eval('main h1', (h) => h.textContent);
    assert.equal(h1, 'Quyết định cai nghiện ma túy tự nguyện tại gia đình, cộng đồng');
    const status = await page.$eval('main .document-status', (p) => p.textContent);
    assert.match(status, /^Đã ban hành(, số 12\/QĐ-UBND)?, ngày 15\/07\/2026\.$/);
    const back = await page.$eval('main .page-links a', (a) => a.getAttribute('href'));
    assert.equal(back, `#/ho-so/voluntary-rehab/${theCase.id}`);
    const text = await sheetText();
    for (const expected of [
      'ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN',
      'Sài Gòn, ngày 15 tháng 7 năm 2026',
      'Số: 12/QĐ-UBND',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN',
      'Nguyễn Văn A',
    ])
      assert.ok(text.includes(expected), `"${expected}" not in ${text}`);
    assert.ok(!text.includes('……'), `a value is missing: ${text}`);
    assert.deepEqual(problems, []);
  });

  it('the Print button prints the sheet alone on one A4 page', async () => {
    await page.evaluate(() => {
      window.print = () => {}; // page.pdf() below stands in for the browser's dialog
      document.querySelector('main .document-actions button').click();
    });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-hoso-printing')), true);
    const pdf = readPdf(Buffer.from(await page.pdf({ preferCSSPageSize: true })));
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(pdf.pages.length, 1);
    const [p] = pdf.pages;
    assert.ok(Math.abs(p.width - 210 * MM) < 1.5 && Math.abs(p.height - 297 * MM) < 1.5, 'A4');
    assert.match(p.text, /ỦY BAN NHÂN DÂN\n(.*\n)?PHƯỜNG SÀI GÒN|ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN/);
    assert.match(p.text.replace(/\s+/g, ' '), /Số: 12\/QĐ-UBND/);
    assert.doesNotMatch(p.text, /Cổng dịch vụ công|Quay lại hồ sơ|In văn bản/, 'only the sheet is printed');
    const left = Math.min(...p.runs.map((r) => r.x)) / MM;
    assert.ok(Math.abs(left - 30) < 0.5, `text starts ${left.toFixed(1)} mm from the left edge`);
  });

  it('the case page offers each issued document, and its button sends hoso-document-open', async () => {
    await open(`#/ho-so/voluntary-rehab/${theCase.id}`);
    const button = await page.waitForFunction(
      () =>
        document
          .querySelector('hoso-procedure')
          ?.shadowRoot?.querySelector('.issued li[data-document="decision"] button[data-open-document]'),
      { timeout: 30000 },
    );
    const seen = page.evaluate(
      () =>
        new Promise((resolve) =>
          document
            .querySelector('main')
            .addEventListener('hoso-document-open', (e) => resolve([e.caseId, e.procedure, e.document]), {
              once: true,
            }),
        ),
    );
    await button.click();
    assert.deepEqual(await seen, [theCase.id, 'voluntary-rehab', 'decision']);
  });

  it('says when the case is not on this device', async () => {
    await open('#/ho-so/voluntary-rehab/no-such-case/van-ban/decision');
    const alert = await page.waitForSelector('main [role="alert"]', { timeout: 10000 });
    assert.equal(await alert.evaluate((n) => n.textContent), 'Không tìm thấy hồ sơ này trên máy.');
  });
});
