// Sync conflicts end to end (issue #7 item 5): `node scripts/start.mjs --server` with PGlite in a temp folder and
// two devices — two Debian Chromium browsers, each with its own profile (its own IndexedDB). Both pull a case
// from the server, go offline, and record a support-needs assessment on it. The first back online sends its own;
// the second is refused (409, never merged): its case page then shows the server's version, an alert says what
// happened, and what it typed is kept as a draft that reopens in the form, and sends once checked. The server holds
// exactly one of the two assessments until then, and every audit chain verifies. Needs the build (`pnpm build`).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';
import { hosoApi, inProcedure, serverModeSkip, startServerMode, WORKFLOW } from './server-mode.mjs';

const VALID = join(ROOT, 'schemas/voluntary-rehab/registration/fixtures/valid-community.json');
const NEEDS = join(ROOT, 'schemas/voluntary-rehab/needs/fixtures/valid.json');
const skip = serverModeSkip(VALID, NEEDS);
const COMMUNE = '26734';
const PERSON = 'Phạm Thị Hai Thiết Bị';

describe('two devices edit the same case offline (start --server)', { skip, timeout: 180_000 }, () => {
  let server;
  let base;
  const devices = [];
  const pageErrors = [];
  let caseId;

  let api;
  const serverCase = async () => (await api(`/cases?commune=${COMMUNE}`)).body.cases.find((c) => c.id === caseId);
  const status = (page) =>
    page.$eval('#sync-status', (p) => ({ state: p.dataset.state, sent: Number(p.dataset.sent) }));
  const waitIn = (page, selector, timeout = 20_000) =>
    page.waitForFunction(inProcedure, { timeout, polling: 50 }, selector);
  const pressIn = async (page, selector) => {
    const handle = await waitIn(page, selector);
    await handle.evaluate((b) => b.focus());
    await page.keyboard.press('Enter');
  };
  /** In a device's page: its store's copy of the case and its drafts of that case. */
  const local = (page) =>
    page.evaluate(async (id) => {
      const hoso = await import('/packages/elements/bundle/hoso-elements.js');
      const store = await hoso.defaultStore();
      const c = await store.getCase(id);
      const drafts = await store.listDrafts({ caseId: id });
      return { rev: c?.rev, hash: c?.audit?.at(-1)?.hash, drafts: drafts.map((d) => ({ id: d.id, data: d.data })) };
    }, caseId);

  /** Opens the case on a device, records a needs assessment with `note`, and submits it offline. */
  async function assessOffline(page, note) {
    await page.goto(`${base}/examples/portal/#/ho-so/voluntary-rehab/${caseId}`, { waitUntil: 'load' });
    await pressIn(page, 'button[data-event="ASSESS_NEEDS"]');
    await waitIn(page, 'form:[data-path]');
    const data = { ...JSON.parse(readFileSync(NEEDS, 'utf8')), note };
    await page.evaluate((d) => {
      document.querySelector('hoso-procedure').shadowRoot.querySelector('hoso-form').data = d;
    }, data);
    await pressIn(page, 'button[data-action="continue"]');
    await waitIn(page, 'dl.answers');
    // The form's code is loaded by now (a page loads it the first time a form opens): the network may go.
    await page.setOfflineMode(true);
    await pressIn(page, 'button[data-action="submit"]');
    await page.waitForFunction(() => document.getElementById('sync-status')?.dataset.state === 'waiting', {
      timeout: 15_000,
    });
    return data;
  }

  before(async () => {
    server = await startServerMode('hoso-conflict-data-');
    ({ base } = server);
    api = hosoApi(base, COMMUNE);
    const puppeteer = (await import('puppeteer-core')).default;
    for (const label of ['first', 'second']) {
      const profile = mkdtempSync(join(tmpdir(), `hoso-conflict-${label}-`));
      const browser = await puppeteer.launch({
        headless: true,
        userDataDir: profile,
        executablePath: CHROME,
        args: ['--no-sandbox'],
      });
      const page = await browser.newPage();
      // The second device's page gets axe injected after the conflict, which needs the CSP bypassed; the first
      // device keeps it (and every CSP violation fails the test).
      if (label === 'second') await page.setBypassCSP(true);
      else
        await page.evaluateOnNewDocument(() =>
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`),
          ),
        );
      page.on('console', (m) => m.text().startsWith('CSP ') && pageErrors.push(`${label}: ${m.text()}`));
      page.on('pageerror', (e) => pageErrors.push(`${label}: ${e?.message ?? e}`));
      devices.push({ label, profile, browser, page });
    }
  });

  after(async () => {
    for (const d of devices) {
      await d.browser.close().catch(() => {});
      rmSync(d.profile, { recursive: true, force: true });
    }
    await server?.stop();
  });

  it('both devices pull the case the officer registered', async () => {
    const registration = JSON.parse(readFileSync(VALID, 'utf8'));
    registration.person.fullName = PERSON;
    caseId = crypto.randomUUID();
    const { version: procedureVersion } = JSON.parse(
      readFileSync(join(ROOT, 'workflows/voluntary-rehab/machine.json'), 'utf8'),
    );
    const sent = await api(`/cases/${caseId}/events`, 'commune-officer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        caseId,
        procedure: 'voluntary-rehab',
        procedureVersion,
        lawVersion: '2026-07-01', // the law in force on 2026-07-06
        event: {
          type: 'REGISTER',
          at: '2026-07-06T09:00:00+07:00',
          by: { id: 'x', roles: ['commune-officer'] },
          data: registration,
        },
        baseRev: 0,
        case: {
          id: caseId,
          procedure: 'voluntary-rehab',
          procedureVersion,
          state: 'registered',
          status: 'active',
          rev: 1,
          person: { fullName: PERSON, dateOfBirth: registration.person.dateOfBirth, communeCode: COMMUNE },
        },
      }),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    for (const { page } of devices) {
      await page.goto(`${base}/examples/portal/#/ho-so`, { waitUntil: 'load' });
      await page.evaluate(() => localStorage.setItem('hoso-portal:today', '2026-07-06'));
      await page.waitForFunction(
        (n) => document.querySelector('hoso-case-list')?.shadowRoot?.textContent?.includes(n),
        { timeout: 20_000 },
        PERSON,
      );
      assert.equal((await local(page)).rev, 1);
    }
  });

  it('offline, both record an assessment; the first back online sends it, the second gets the server’s case and its own as a draft', async () => {
    const [first, second] = devices.map((d) => d.page);
    const mine = await assessOffline(first, 'Ghi nhận của thiết bị thứ nhất.');
    const theirs = await assessOffline(second, 'Ghi nhận của thiết bị thứ hai.');
    assert.equal((await local(second)).rev, 2, 'offline, the second device applied its own event');

    await first.setOfflineMode(false);
    await first.waitForFunction(
      () =>
        document.getElementById('sync-status')?.dataset.state === 'sent' &&
        Number(document.getElementById('sync-status').dataset.sent) >= 1,
      { timeout: 20_000 },
    );
    const afterFirst = await serverCase();
    assert.equal(afterFirst.rev, 2);
    assert.equal(afterFirst.data.needs.note, mine.note);

    await second.setOfflineMode(false);
    await second.waitForFunction(() => document.getElementById('sync-conflict')?.textContent, { timeout: 20_000 });
    const alert = await second.$eval('#sync-conflict', (p) => ({
      role: p.getAttribute('role'),
      text: p.textContent,
    }));
    assert.equal(alert.role, 'alert');
    assert.match(alert.text, new RegExp(`Người khác đã thay đổi hồ sơ của ${PERSON} trước bạn`));
    assert.deepEqual(await status(second), { state: 'sent', sent: 0 });

    // Never merged: the server has exactly the first device's assessment; the second now holds that same case.
    const server = await serverCase();
    assert.equal(server.rev, 2);
    assert.equal(server.data.needs.note, mine.note);
    const { verifyAudit } = await import(WORKFLOW);
    assert.deepEqual(await verifyAudit(server), { ok: true, entries: 2 });
    const here = await local(second);
    assert.equal(here.rev, 2);
    assert.equal(here.hash, server.audit.at(-1).hash);
    assert.deepEqual(here.drafts, [{ id: `${caseId}/ASSESS_NEEDS`, data: theirs }]);

    // The alert and the status line: no axe violations (WCAG 2 A/AA, best practice).
    const pnpmStore = join(ROOT, 'node_modules/.pnpm');
    const axeDir = readdirSync(pnpmStore).find((d) => d.startsWith('axe-core@'));
    assert.ok(axeDir, 'axe-core is installed (with @open-wc/testing)');
    await second.addScriptTag({ path: join(pnpmStore, axeDir, 'node_modules/axe-core/axe.min.js') });
    const violations = await second.evaluate(async () => {
      const r = await window.axe.run({ include: [['#sync']] }, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);

    // The open case page re-rendered: the server's version, and the second device's typing back in the form.
    await second.waitForFunction(
      (note) => {
        const form = document.querySelector('hoso-procedure')?.shadowRoot?.querySelector('hoso-form');
        return form?.data?.note === note;
      },
      { timeout: 20_000 },
      theirs.note,
    );
    assert.match(
      await second.evaluate(() => document.querySelector('hoso-procedure').shadowRoot.textContent),
      /Đã khôi phục bản nháp lưu lúc/,
    );

    // Resumable: checked and sent again, now based on the server's revision: accepted.
    await pressIn(second, 'button[data-action="continue"]');
    await waitIn(second, 'dl.answers');
    await pressIn(second, 'button[data-action="submit"]');
    await second.waitForFunction(
      () =>
        Number(document.getElementById('sync-status')?.dataset.sent) >= 1 &&
        document.getElementById('sync-status').dataset.state === 'sent',
      { timeout: 20_000 },
    );
    const final = await serverCase();
    assert.equal(final.rev, 3);
    assert.equal(final.data.needs.note, theirs.note);
    assert.deepEqual(await verifyAudit(final), { ok: true, entries: 3 });
    assert.deepEqual((await local(second)).drafts, [], 'the draft is gone once sent');

    // English too.
    await second.click('button[data-lang="en"]');
    await second.waitForFunction(
      () => document.getElementById('sync-conflict')?.textContent.startsWith('Someone else changed the case of'),
      { timeout: 5000 },
    );
    assert.deepEqual(pageErrors, []);
  });
});
