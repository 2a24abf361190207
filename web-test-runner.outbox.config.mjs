// The project's web-test-runner configuration plus the outbox test server (scripts/wtr-outbox-server-plugin.mjs),
// narrowed to the outbox tests. Used until the main configuration lists `outboxServerPlugin()` in its plugins:
//   BROWSERS=chromium npx wtr --config web-test-runner.outbox.config.mjs
import base from './web-test-runner.config.mjs';
import { outboxServerPlugin } from './scripts/wtr-outbox-server-plugin.mjs';

export default {
  ...base,
  files: ['packages/case-store/src/outbox/**/*.test.ts'],
  plugins: [...base.plugins, outboxServerPlugin()],
};
