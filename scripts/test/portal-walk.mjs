// How portal-report.test.mjs walks the demo portal as a person would (puppeteer-core, Chromium or Firefox): buttons
// pressed with the keyboard inside <hoso-procedure>, the role switcher, the simulated working date typed into its
// field, a step's form filled from a fixture then checked and sent; and small readers (a CSV, axe-core's path).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/run.mjs';

/** axe-core, installed with @open-wc/testing (not hoisted by pnpm: found in the store folder), or null. */
export const AXE = (() => {
  const store = join(ROOT, 'node_modules/.pnpm');
  const dir = existsSync(store) ? readdirSync(store).find((d) => d.startsWith('axe-core@')) : undefined;
  return dir ? join(store, dir, 'node_modules/axe-core/axe.min.js') : null;
})();

/** In the page: an element inside `<hoso-procedure>` (`form:` = inside its `<hoso-form>`), or null. */
function inProcedure(selector) {
  const root = document.querySelector('hoso-procedure')?.shadowRoot;
  if (!root) return null;
  if (selector.startsWith('form:'))
    return root.querySelector('hoso-form')?.shadowRoot?.querySelector(selector.slice(5));
  return root.querySelector(selector);
}

/** A CSV (RFC 4180: quoted fields, doubled quotes, optional BOM) as rows of cells. */
export function parseCsv(text) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, c]) =>
        c.replace(/^"|"$/g, '').replaceAll('""', '"'),
      ),
    );
}

/** The person's actions on `page` (a puppeteer Page showing the demo portal). */
export function walker(page) {
  const waitIn = (selector, timeout = 30000) => page.waitForFunction(inProcedure, { timeout, polling: 50 }, selector);
  /** Focus and Enter, as a keyboard user presses a button. */
  const press = async (handle) => {
    await handle.focus();
    await page.keyboard.press('Enter');
  };
  const pressIn = async (selector) => press(await waitIn(selector));
  return {
    waitIn,
    pressIn,
    /** The role switcher (the select's value changes, `change` fires, as with the keyboard). */
    role: (r) => page.select('#role', r),
    /**
     * The simulated working date by keyboard (the en-US field: month, day, year): month and day typed, then the
     * year stepped with the arrow keys, so each value on the way is a real date. (Typing the year digit by digit
     * passes 0002-…, 0020-… through `change`, which the elements refuse with a DateFormatError: reported.)
     */
    async setToday(iso) {
      const [y, m, d] = iso.split('-').map(Number);
      await page.focus('#today');
      await page.keyboard.type(`${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
      const shown = Number((await page.$eval('#today', (i) => i.value)).slice(0, 4));
      for (let i = 0; i < Math.abs(y - shown); i++) await page.keyboard.press(y > shown ? 'ArrowUp' : 'ArrowDown');
      await page.keyboard.press('Tab');
      assert.equal(await page.$eval('#today', (i) => i.value), iso, 'the date field took the date');
    },
    /** Fills the open step's form with `data` (a fixture), checks the answers and sends them. */
    async submitForm(data) {
      const form = await waitIn('hoso-form');
      await form.evaluate((f, value) => (f.data = value), data);
      await pressIn('button[data-action="continue"]');
      await waitIn('dl.answers');
      await pressIn('button[data-action="submit"]');
    },
    /** Waits for the case shown to be in `state`; else fails with the procedure's alert. */
    stateIs: (state) =>
      page
        .waitForFunction(
          (want) =>
            document.querySelector('hoso-procedure')?.shadowRoot?.querySelector('[data-state]')?.dataset.state === want,
          { timeout: 30000, polling: 100 },
          state,
        )
        .catch(async (e) => {
          const alert = await page.evaluate(
            () => document.querySelector('hoso-procedure')?.shadowRoot?.querySelector('[role="alert"]')?.textContent,
          );
          throw new Error(`the case did not reach ${state}: ${alert ?? e.message}`);
        }),
  };
}
