// The demo portal in server mode, end to end: `node scripts/start.mjs --server` (no install, no build) on free
// ports with PGlite in a temp folder; in Debian Chromium the commune officer takes in a voluntary-rehab case with
// the keyboard (the registration form's fixture values, the name typed), the page's status line says it was sent,
// and the case is read back from the hoso server with a token: the person typed, the officer in its audit, and
// an audit chain that verifies. A case another device sent to the server then shows in the portal's case list
// (sync pull). Needs the build (`pnpm build`).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { hosoApi, inProcedure, serverModeSkip, startServerMode, WORKFLOW } from './server-mode.mjs';

const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid-community.json');
const DECISION = join(ROOT, 'schemas/voluntary-rehab/decision/fixtures/valid.json');
const skip = serverModeSkip(VALID);
const COMMUNE = '26734';
const NAME = 'Trần Thị Kiểm Thử';

describe('demo portal against the hoso server (start --server)', { skip, timeout: 120_000 }, () => {
  let server;
  let base;
  let dataDir;
  let profile;
  let browser;
  let page;
  const pageErrors = [];
  const violations = [];

  const waitIn = (selector, timeout = 20_000) => page.waitForFunction(inProcedure, { timeout, polling: 50 }, selector);
  /** Focuses a button inside the procedure and presses Enter (as a keyboard user does after tabbing to it). */
  const pressIn = async (selector) => {
    const handle = await waitIn(selector);
    await handle.evaluate((b) => b.focus());
    await page.keyboard.press('Enter');
  };
  let api;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'hoso-portal-server-profile-'));
    server = await startServerMode('hoso-portal-server-data-');
    ({ base, dataDir } = server);
    api = hosoApi(base, COMMUNE);
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      headless: true,
      userDataDir: profile,
      executablePath: CHROME,
      args: ['--no-sandbox'],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.on('console', (m) => m.text().startsWith('CSP ') && violations.push(m.text()));
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('the development login refuses a malformed role or commune; the API answers through the proxy under the CSP', async () => {
    for (const q of ['role=%3Cscript%3E&commune=26734', 'role=commune-officer&commune=1', 'commune=26734']) {
      const res = await fetch(`${base}/api/portal/session?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal((await res.json()).code, 'invalid-query');
    }
    const health = await fetch(`${base}/api/hoso/health`);
    assert.equal(health.status, 200);
    assert.match(health.headers.get('content-security-policy'), /default-src 'self'/);
    assert.equal((await health.json()).database, 'pglite');
    const noToken = await fetch(`${base}/api/hoso/cases?commune=${COMMUNE}`);
    assert.equal(noToken.status, 401);
  });

  it('says where the data goes: the start output and the page footer name the PGlite folder', async () => {
    assert.match(server.output, new RegExp(`stored in PGlite \\(PostgreSQL in WebAssembly\\) in ${dataDir}`));
    await page.goto(`${base}/examples/portal/`, { waitUntil: 'load' });
    await page.evaluate(() => localStorage.setItem('hoso-portal:today', '2026-07-06'));
    await page.waitForSelector('.procedures a', { timeout: 20_000 });
    await page.waitForFunction(() => document.getElementById('sync-status')?.dataset.state === 'sent', {
      timeout: 20_000,
    });
    const footer = await page.$eval('#footer-text', (p) => p.textContent);
    assert.match(footer, /gửi lên máy chủ hoso/);
    assert.ok(footer.includes(dataDir), footer);
    assert.equal(await page.$eval('#sync', (s) => s.hidden), false);
  });

  it('the sending status line and the footer have no axe violations (WCAG 2 A/AA, best practice)', async () => {
    const store = join(ROOT, 'node_modules/.pnpm');
    const dir = existsSync(store) ? readdirSync(store).find((d) => d.startsWith('axe-core@')) : undefined;
    assert.ok(dir, 'axe-core is installed (with @open-wc/testing)');
    // A separate page: injecting axe needs the CSP bypassed, which the other tests must not have.
    const a11y = await browser.newPage();
    try {
      await a11y.setBypassCSP(true);
      await a11y.goto(`${base}/examples/portal/`, { waitUntil: 'load' });
      await a11y.waitForFunction(() => document.getElementById('sync-status')?.dataset.state === 'sent', {
        timeout: 20_000,
      });
      await a11y.addScriptTag({ path: join(store, dir, 'node_modules/axe-core/axe.min.js') });
      const violations = await a11y.evaluate(async () => {
        const r = await window.axe.run(
          { include: [['#sync'], ['.portal-footer']] },
          { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] },
        );
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await a11y.close();
    }
  });

  it('the officer takes in a case with the keyboard; it is sent, and the server holds it with a verified audit chain', async () => {
    await page.goto(`${base}/examples/portal/#/thu-tuc/voluntary-rehab`, { waitUntil: 'load' });
    assert.equal(await page.$eval('#role', (s) => s.value), 'commune-officer');
    await pressIn('button[data-event="REGISTER"]');
    const valid = JSON.parse(readFileSync(VALID, 'utf8'));
    await waitIn('form:[data-path="person.fullName"]');
    await page.evaluate((data) => {
      document.querySelector('hoso-procedure').shadowRoot.querySelector('hoso-form').data = data;
    }, valid);
    const name = await waitIn('form:[data-path="person.fullName"]');
    await name.evaluate((input) => {
      input.focus();
      input.select();
    });
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await pressIn('button[data-action="continue"]');
    await waitIn('dl.answers');
    await pressIn('button[data-action="submit"]');
    await page
      .waitForFunction(() => /#\/ho-so\/voluntary-rehab\/[^/]+$/.test(location.hash), { timeout: 15_000 })
      .catch(async (e) => {
        const alert = await page.evaluate(
          () => document.querySelector('hoso-procedure')?.shadowRoot?.querySelector('[role="alert"]')?.textContent,
        );
        throw new Error(`the case was not stored: ${alert ?? e.message}`);
      });
    const caseId = await page.evaluate(() => decodeURIComponent(location.hash.split('/').pop()));

    await page.waitForFunction(
      () =>
        Number(document.getElementById('sync-status')?.dataset.sent) >= 1 &&
        document.getElementById('sync-status').dataset.state === 'sent' &&
        document.getElementById('sync-status').textContent.includes('đã được gửi'),
      { timeout: 20_000 },
    );
    const { status, body } = await api(`/cases?commune=${COMMUNE}`);
    assert.equal(status, 200, JSON.stringify(body));
    const stored = body.cases.find((c) => c.id === caseId);
    assert.ok(stored, `case ${caseId} is on the server (${body.cases.map((c) => c.id).join(', ')})`);
    assert.equal(stored.person.fullName, NAME);
    assert.equal(stored.person.communeCode, COMMUNE);
    assert.equal(stored.state, 'awaiting_decision');
    assert.equal(stored.rev, 1);
    assert.deepEqual(stored.audit[0].by, { id: 'demo-commune-officer', roles: ['commune-officer'] });
    const { verifyAudit } = await import(WORKFLOW);
    assert.deepEqual(await verifyAudit(stored), { ok: true, entries: 1 });
    // The browser and the server computed the same chain: the local case's last hash is the server's.
    const local = await page.evaluate(async (id) => {
      const hoso = await import('/packages/elements/bundle/hoso-elements.js');
      const store = await hoso.defaultStore();
      return (await store.getCase(id))?.audit?.at(-1)?.hash;
    }, caseId);
    assert.equal(local, stored.audit[0].hash);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(violations, []);
  });

  it('offline, the chairman’s decision waits; back online, the server refuses it (decided elsewhere): the server’s case is adopted, the decision kept as a draft, an alert says so', async () => {
    const caseId = await page.evaluate(() => decodeURIComponent(location.hash.split('/').pop()));
    await page.select('#role', 'commune-pc-chair');
    await pressIn('button[data-event="DECIDE"]');
    const decision = JSON.parse(readFileSync(DECISION, 'utf8'));
    await waitIn('form:[data-path]');
    await page.evaluate((data) => {
      document.querySelector('hoso-procedure').shadowRoot.querySelector('hoso-form').data = data;
    }, decision);
    await pressIn('button[data-action="continue"]');
    await waitIn('dl.answers');
    await page.setOfflineMode(true);
    await pressIn('button[data-action="submit"]');
    await page.waitForFunction(() => document.getElementById('sync-status')?.dataset.state === 'waiting', {
      timeout: 15_000,
    });
    assert.match(await page.$eval('#sync-status', (p) => p.textContent), /Đang chờ gửi lên máy chủ: 1 thao tác/);

    // Meanwhile another device's decision reaches the server first.
    const server = await api(`/cases?commune=${COMMUNE}`);
    const stored = server.body.cases.find((c) => c.id === caseId);
    const later = new Date(Date.parse(stored.audit.at(-1).at) + 60_000).toISOString();
    const elsewhere = await api(`/cases/${caseId}/events`, 'commune-pc-chair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        caseId,
        procedure: 'voluntary-rehab',
        procedureVersion: stored.procedureVersion,
        lawVersion: stored.lawVersion,
        event: { type: 'DECIDE', at: later, by: { id: 'x', roles: [] }, data: decision },
        baseRev: 1,
      }),
    });
    assert.equal(elsewhere.status, 200, JSON.stringify(elsewhere.body));

    await page.setOfflineMode(false);
    // Refused (409, decided elsewhere first), never merged: the page adopts the server's case, keeps the
    // chairman's decision as a draft and says so; nothing is left failed.
    await page.waitForFunction(() => document.getElementById('sync-conflict')?.textContent, { timeout: 20_000 });
    const alert = await page.$eval('#sync-conflict', (p) => ({ role: p.getAttribute('role'), text: p.textContent }));
    assert.equal(alert.role, 'alert');
    assert.match(alert.text, new RegExp(`Người khác đã thay đổi hồ sơ của ${NAME} trước bạn`));
    assert.match(alert.text, /giữ lại làm bản nháp/);
    await page.waitForFunction(() => document.getElementById('sync-status')?.dataset.state === 'sent', {
      timeout: 20_000,
    });
    assert.equal(await page.$eval('#sync-retry', (b) => b.hidden), true);
    const after = (await api(`/cases?commune=${COMMUNE}`)).body.cases.find((c) => c.id === caseId);
    assert.equal(after.rev, 2, 'the server kept its own decision only');
    assert.deepEqual(await (await import(WORKFLOW)).verifyAudit(after), { ok: true, entries: 2 });
    const here = await page.evaluate(async (id) => {
      const hoso = await import('/packages/elements/bundle/hoso-elements.js');
      const store = await hoso.defaultStore();
      const c = await store.getCase(id);
      const d = await store.getDraft(`${id}/DECIDE`);
      return { rev: c.rev, hash: c.audit.at(-1).hash, draft: d && { form: d.form, data: d.data } };
    }, caseId);
    assert.equal(here.rev, 2);
    assert.equal(here.hash, after.audit.at(-1).hash, 'this device now holds the server’s case');
    assert.deepEqual(here.draft, { form: 'voluntary-rehab/decision', data: decision });
    // English too.
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(
      () => document.getElementById('sync-conflict')?.textContent.startsWith('Someone else changed the case of'),
      { timeout: 5000 },
    );
    assert.match(await page.$eval('#sync-conflict a', (a) => a.textContent), /^Open the case and the draft$/);
    await page.click('button[data-lang="vi"]');
  });

  it('a case another device sent to the server shows in the case list (sync pull)', async () => {
    const { lawVersion, procedureVersion } = (await api(`/cases?commune=${COMMUNE}`)).body.cases[0];
    const valid = JSON.parse(readFileSync(VALID, 'utf8'));
    const other = 'Lê Văn Thiết Bị Khác';
    valid.person.fullName = other;
    const caseId = crypto.randomUUID();
    const sent = await api(`/cases/${caseId}/events`, 'commune-officer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        caseId,
        procedure: 'voluntary-rehab',
        procedureVersion,
        lawVersion,
        event: {
          type: 'REGISTER',
          at: '2026-07-06T09:00:00+07:00',
          by: { id: 'x', roles: ['commune-officer'] },
          data: valid,
        },
        baseRev: 0,
        case: {
          id: caseId,
          procedure: 'voluntary-rehab',
          procedureVersion,
          state: 'registered',
          status: 'active',
          rev: 1,
          person: { fullName: other, dateOfBirth: valid.person.dateOfBirth, communeCode: COMMUNE },
        },
      }),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    await page.goto(`${base}/examples/portal/#/ho-so`, { waitUntil: 'load' });
    await page.waitForFunction(
      (n) => document.querySelector('hoso-case-list')?.shadowRoot?.textContent?.includes(n),
      { timeout: 20_000 },
      other,
    );
    assert.deepEqual(pageErrors, []);
  });
});
