// `node scripts/start.mjs` (also `pnpm start`): install dependencies, build, then serve the demo portal
// (examples/portal/; the single-form demo stays at examples/demo/) on http://localhost:8080 (PORT to change it) under a strict Content-Security-Policy.
// Ctrl-C stops it. Node built-ins only. --no-install / --no-build skip those steps.
// --server: also run the hoso server (@hoso/server) in this process, PGlite in ./.hoso-data (HOSO_DATA_DIR, or
// DATABASE_URL for PostgreSQL), and let the portal send every case to it through /api/hoso/ (same origin).
// --server=http://host:port: the same against a server already running (`pnpm hoso serve`).
import { build } from './build.mjs';
import { banner } from './lib/run.mjs';
import { installDeps } from './lib/setup.mjs';
import { parseServerFlag, startServerMode } from './lib/portal-server-mode.mjs';
import { createDemoServer } from './lib/static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`start: PORT must be a port number (0–65535), got "${process.env.PORT}"\n`);
  process.exit(2);
}
let serverMode;
try {
  serverMode = parseServerFlag(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`start: ${e.message}\n`);
  process.exit(2);
}

if (!process.argv.includes('--no-install')) {
  banner('install');
  const deps = await installDeps();
  if (!deps.ok) {
    process.stderr.write(`start: ${deps.message}\n`);
    process.exit(1);
  }
}
if (!process.argv.includes('--no-build')) {
  banner('build');
  const built = await build();
  if (!built.ok) {
    process.stderr.write(`start: the build failed at "${built.failedStep}"; nothing to serve\n`);
    process.exit(1);
  }
}

let backend;
if (serverMode) {
  banner('hoso server');
  try {
    backend = await startServerMode(serverMode);
  } catch (e) {
    process.stderr.write(`start: the hoso server could not start: ${e.message}\n`);
    process.exit(1);
  }
}

const server = createDemoServer({ api: backend?.api });
server.on('error', (e) => {
  process.stderr.write(`start: cannot listen on port ${port}: ${e.message} (set PORT to another port)\n`);
  process.exit(1);
});
// With --server the page hands out tokens for any role: only this machine may reach it, unless HOST says otherwise.
const host = backend ? (process.env.HOST ?? '127.0.0.1') : undefined;
server.listen(port, host, () => {
  const actual = server.address().port;
  banner('serving');
  process.stdout.write(`Portal: http://localhost:${actual}/examples/portal/  (Ctrl-C to stop)\n`);
  process.stdout.write(`Form demo: http://localhost:${actual}/examples/demo/\n`);
  if (backend) {
    const { database, where } = backend.api.info;
    const db = database === 'pglite' ? 'PGlite (PostgreSQL in WebAssembly)' : 'PostgreSQL';
    process.stdout.write(
      `Cases are sent to the hoso server ${backend.api.target} (through /api/hoso/), stored in ${db}${
        where ? ` in ${where}` : " (see that server's output for where)"
      }\n`,
    );
    if (backend.devSecret)
      process.stdout.write('Sign-in: development tokens for the role switcher (public secret; demo only)\n');
  } else process.stdout.write('Cases stay in the browser (IndexedDB); --server sends them to a hoso server\n');
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    void (backend?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
