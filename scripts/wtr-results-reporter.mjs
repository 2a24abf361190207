// A web-test-runner reporter that writes per-browser passed/failed/skipped counts to a JSON file, so
// scripts/test.mjs can print the one closing line CI reads (wtr's own count line has a progress-bar prefix).
// The file is only written when HOSO_WTR_RESULTS names it.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Walk a suite tree, adding each test to `counts`. */
function countSuite(suite, counts, failures, file, browser) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) counts.skipped += 1;
    else if (t.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failures.push({ browser, file, test: t.name, message: t.error?.message ?? '' });
    }
  }
  for (const s of suite.suites ?? []) countSuite(s, counts, failures, file, browser);
}

/**
 * Counts per browser from the finished sessions. A session that failed without any failing test
 * (a file that did not load, an error outside tests, a timeout) counts as one failed test.
 */
export function summarise(sessions) {
  const browsers = {};
  const failures = [];
  for (const session of sessions) {
    const name = session.browser?.name ?? 'unknown';
    const counts = (browsers[name] ??= { passed: 0, failed: 0, skipped: 0, files: 0 });
    counts.files += 1;
    const before = counts.failed;
    const file = relative(process.cwd(), session.testFile);
    if (session.testResults) countSuite(session.testResults, counts, failures, file, name);
    if (session.passed === false && counts.failed === before) {
      counts.failed += 1;
      const message = session.errors?.map((e) => e.message).join('; ') || 'test file failed outside any test';
      failures.push({ browser: name, file, test: '(file)', message });
    }
  }
  return { browsers, failures };
}

export function resultsReporter({ file = process.env.HOSO_WTR_RESULTS } = {}) {
  let last = [];
  return {
    onTestRunFinished({ sessions }) {
      last = sessions;
    },
    stop({ sessions }) {
      if (!file) return;
      writeFileSync(file, JSON.stringify(summarise(sessions?.length ? sessions : last), null, 2));
    },
  };
}
