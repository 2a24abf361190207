// One browser test runner for the whole monorepo (see docs/decisions/0002-testing.md).
// Chromium through chrome-launcher, Firefox ESR through puppeteer-core's WebDriver BiDi.
// Both are Debian's packages; nothing downloads a browser of its own.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { vendorPlugin } from './scripts/wtr-vendor-plugin.mjs';
import { resultsReporter } from './scripts/wtr-results-reporter.mjs';
import { webkitLauncher } from './scripts/wtr-webkit-launcher.mjs';
import { outboxServerPlugin } from './scripts/wtr-outbox-server-plugin.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
    }),
  );
}

// Optional (BROWSERS=webkit): Debian's WebKitGTK through WebKitWebDriver, see docs/decisions/0002.
if (wanted.includes('webkit')) browsers.push(webkitLauncher());

export default {
  files: [
    'packages/*/src/**/*.test.ts',
    'packages/*/test/browser/**/*.test.ts',
    'schemas/test/**/*.test.ts',
    'workflows/test/**/*.test.ts',
  ],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  browsers,
  // The default console output, plus per-browser counts as JSON for scripts/test.mjs (HOSO_WTR_RESULTS).
  reporters: [defaultReporter(), resultsReporter()],
  concurrency: 1,
  concurrentBrowsers: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  plugins: [
    vendorPlugin(),
    outboxServerPlugin(),
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
};
