// web-test-runner plugin for @hoso/case-store's tests: a server command that changes the storage quota of the
// test page's origin, so a test can fill the storage for real and see the browser's own QuotaExceededError.
//
//   executeServerCommand('hoso-storage-quota', { origin: location.origin, quotaSize: 1_000_000 })  → { supported }
//   executeServerCommand('hoso-storage-quota', { origin: location.origin })                         → quota reset
//
// Chromium (chrome launcher, puppeteer over CDP): Storage.overrideQuotaForOrigin. Other browsers have no such
// protocol call: the command answers { supported: false } and the test says what it does instead.
export function caseStorePlugin() {
  // One CDP session per page, kept open: detaching it drops the override.
  const sessions = new WeakMap();
  return {
    name: 'hoso-case-store',
    async executeCommand({ command, payload, session }) {
      if (command !== 'hoso-storage-quota') return undefined;
      const { origin, quotaSize } = payload ?? {};
      if (typeof origin !== 'string')
        throw new Error('hoso-storage-quota: payload.origin (the page origin) is required');
      if (quotaSize !== undefined && !(Number.isFinite(quotaSize) && quotaSize >= 0)) {
        throw new Error(`hoso-storage-quota: quotaSize must be a number of bytes ≥ 0 or absent, got ${quotaSize}`);
      }
      const launcher = session.browser;
      if (!['Chrome', 'Chromium'].includes(launcher?.name) || typeof launcher.getPage !== 'function')
        return { supported: false };
      const page = launcher.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const cdp = sessions.get(page);
      await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
      return { supported: true };
    },
  };
}
