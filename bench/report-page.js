// The browser side of the report benchmark (bench/report.mjs bundles it with esbuild and drives it): the synthetic
// cases are fetched once and written to a real IndexedDB through @hoso/case-store (`putCase`, as the portal keeps
// them), then each run reads them back with `listCases()` and computes the year's report with `computeReport` of
// @hoso/reports — the browser path of `<hoso-report>` — timed with performance.now().
import { openCaseStore } from '../packages/case-store/src/index.ts';
import { computeReport } from '../packages/reports/src/index.ts';

const NAME = 'hoso-report-bench';
let store;

/**
 * Sums that identify a report's numbers (compared with the server's and Node's in bench/report.mjs). Counts of 1–4
 * read "<5" on every path: the server hides them (SUPPRESSED = -1) from readers who are not the commune's own staff.
 */
const cell = (n) => (n === null || n === undefined ? '-' : n === -1 || (n >= 1 && n < 5) ? '<5' : String(n));
export const digest = (report) =>
  report.indicators.map((x) => `${x.id}:${cell(x.numerator)}/${cell(x.denominator)}`).join(' ');

window.hosoReportBench = {
  ready: true,
  /** Empties the bench database and stores the cases of `url`; resolves their number and the time taken. */
  async load({ url }) {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(NAME);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    const cases = await (await fetch(url)).json();
    store = await openCaseStore({ name: NAME });
    const t0 = performance.now();
    for (const c of cases) await store.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
    return { stored: cases.length, ms: performance.now() - t0 };
  },
  /** One timed run: listCases, then computeReport over what was listed. */
  async run({ query }) {
    store ??= await openCaseStore({ name: NAME });
    const t0 = performance.now();
    const cases = await store.listCases();
    const t1 = performance.now();
    const report = computeReport(cases, query);
    const t2 = performance.now();
    return { list: t1 - t0, compute: t2 - t1, total: t2 - t0, casesRead: report.casesRead, digest: digest(report) };
  },
  async cleanup() {
    store?.close();
    store = undefined;
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(NAME);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
  },
};
