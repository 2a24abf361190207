// Set-up shared by `pnpm test` and `pnpm start`: browsers (Debian packages) and dependencies.
// Node built-ins only (runs before node_modules exists).
import { existsSync } from 'node:fs';
import { PNPM, run, runLocked } from './run.mjs';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** The browsers a run uses: BROWSERS (comma-separated: chromium, firefox, webkit), default chromium,firefox. */
export function wantedBrowsers() {
  return (process.env.BROWSERS ?? 'chromium,firefox')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** What each browser needs on disk, and the Debian packages that provide it. */
const NEEDS = {
  chromium: [[CHROME, 'chromium']],
  firefox: [[FIREFOX, 'firefox-esr']],
  webkit: [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    ['/usr/bin/Xvfb', 'xvfb'],
  ],
};

/**
 * Make sure the wanted browsers (Debian packages) are installed. As root, installs missing ones through apt-get;
 * otherwise fails with the command to run. Returns { ok, message }.
 */
export async function ensureBrowsers(wanted = wantedBrowsers()) {
  const unknown = wanted.filter((b) => !NEEDS[b]);
  if (unknown.length) {
    return {
      ok: false,
      message: `unknown browser(s) in BROWSERS: ${unknown.join(', ')} (use chromium, firefox, webkit)`,
    };
  }
  return ensureDebian(
    wanted.flatMap((b) => NEEDS[b]),
    '(or set CHROME_PATH / FIREFOX_PATH)',
  );
}

/**
 * PostgreSQL's server binaries (Debian's `postgresql`), for the server tests against a real PostgreSQL (they start
 * a throwaway cluster of their own). When it cannot be installed, those tests run on PGlite only and say why.
 */
export function ensurePostgres() {
  return ensureDebian([['/usr/lib/postgresql', 'postgresql']], '(the server tests then run on PGlite only)');
}

/** Installs the Debian packages of the missing paths (`needs`: [path, package][]) through apt-get when root. */
async function ensureDebian(needs, hint) {
  const missing = needs.filter(([path]) => !existsSync(path));
  if (missing.length === 0) return { ok: true, message: `found ${needs.map(([p]) => p).join(', ')}` };
  const names = [...new Set(missing.map(([, pkg]) => pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return {
      ok: false,
      message:
        `missing: ${missing.map(([p]) => p).join(', ')}. ` +
        `Install with: sudo apt-get update && sudo apt-get install -y ${names.join(' ')} ` +
        hint,
    };
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  process.stdout.write(`installing ${names.join(' ')} with apt-get (root, first run only)\n`);
  const update = await run('apt-get', ['update'], { env });
  if (update.code !== 0) return { ok: false, message: `apt-get update failed (exit ${update.code})` };
  const install = await run('apt-get', ['install', '-y', ...names], { env });
  if (install.code !== 0) return { ok: false, message: `apt-get install failed (exit ${install.code})` };
  const still = missing.filter(([path]) => !existsSync(path)).map(([p]) => p);
  if (still.length) return { ok: false, message: `apt-get ran but ${still.join(', ')} still missing` };
  return { ok: true, message: `installed ${names.join(' ')}` };
}

/** `pnpm install --frozen-lockfile`, serialised with the team's pnpm lock. Returns { ok, message }. */
export async function installDeps() {
  const [cmd, ...args] = PNPM;
  const r = await runLocked('/tmp/hoso-pnpm.lock', cmd, [...args, 'install', '--frozen-lockfile']);
  return r.code === 0
    ? { ok: true, message: 'dependencies installed' }
    : { ok: false, message: `pnpm install --frozen-lockfile failed (exit ${r.code})` };
}
