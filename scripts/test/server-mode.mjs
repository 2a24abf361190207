// The demo portal in server mode for the end-to-end tests: `node scripts/start.mjs --server` (no install, no
// build) on a free port with PGlite in a temp folder, its API through the portal's development login, and the
// query the tests run in the page to reach inside `<hoso-procedure>`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib/run.mjs';
import { CHROME } from '../lib/setup.mjs';

/** The built workflow package (its `verifyAudit` checks the server's audit chains). */
export const WORKFLOW = join(ROOT, 'packages/workflow/dist/index.js');

/**
 * Why a server-mode test cannot run here, or `false`: a missing build (elements bundle, server, workflow), one of
 * `files`, or Chromium, or Chromium not among BROWSERS (default chromium).
 */
export function serverModeSkip(...files) {
  const needed = [
    join(ROOT, 'packages/elements/bundle/hoso-elements.js'),
    join(ROOT, 'packages/server/dist/index.js'),
    WORKFLOW,
    ...files,
    CHROME,
  ];
  const missing = needed.filter((f) => !existsSync(f)).map((f) => f.replace(`${ROOT}/`, ''));
  const skip = missing.length ? `missing: ${missing.join(', ')} (run pnpm build; apt-get install chromium)` : false;
  return skip || !(process.env.BROWSERS ?? 'chromium').split(',').includes('chromium');
}

/**
 * Starts the portal in server mode with its data in a new temp folder named `${prefix}…`; resolves once it
 * serves. `output` is what it printed so far; `stop()` ends it (SIGTERM, 10 s at most) and removes the folder.
 */
export async function startServerMode(prefix) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-install', '--no-build', '--server'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOSO_DATA_DIR: dataDir, DATABASE_URL: '', HOSO_JWT_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  child.stderr.on('data', (d) => (output += d));
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start --server did not serve in 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (d) => {
      output += d;
      const m = /Portal: http:\/\/localhost:(\d+)\//.exec(output);
      if (m && output.includes('Cases are sent to the hoso server')) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`start --server exited with ${code}:\n${output}`)));
  }).catch(async (e) => {
    await stop();
    throw e;
  });
  return {
    base,
    dataDir,
    get output() {
      return output;
    },
    stop,
  };
}

/**
 * `api(path, role?, init?)`: a request to the hoso server behind `base` with a token of the development login for
 * `role` in `commune`; resolves to its status and JSON body.
 */
export function hosoApi(base, commune) {
  return async (path, role = 'commune-officer', init = {}) => {
    const session = await (await fetch(`${base}/api/portal/session?role=${role}&commune=${commune}`)).json();
    const res = await fetch(`${base}/api/hoso${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${session.token}`, ...(init.headers ?? {}) },
    });
    return { status: res.status, body: await res.json() };
  };
}

/** In the page: the `<hoso-procedure>`'s shadow root query, then the form's (`form:` prefix). */
export function inProcedure(selector) {
  const root = document.querySelector('hoso-procedure')?.shadowRoot;
  if (!root) return null;
  if (selector.startsWith('form:'))
    return root.querySelector('hoso-form')?.shadowRoot?.querySelector(selector.slice(5));
  return root.querySelector(selector);
}
