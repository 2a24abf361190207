// Set-up shared by `pnpm test` and `pnpm start`: browsers (Debian packages) and dependencies.
import { existsSync } from 'node:fs';
import { PNPM, run, runLocked } from './run.mjs';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Make sure Debian's chromium and firefox-esr are installed. As root, installs them through apt-get when
 * missing; otherwise fails with the command to run. Returns { ok, message }.
 */
export async function ensureBrowsers() {
  const missing = [
    [CHROME, 'chromium'],
    [FIREFOX, 'firefox-esr'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length === 0) return { ok: true, message: `found ${CHROME} and ${FIREFOX}` };
  const names = missing.map(([, pkg]) => pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return {
      ok: false,
      message:
        `missing browser(s): ${missing.map(([p]) => p).join(', ')}. ` +
        `Install them with: sudo apt-get update && sudo apt-get install -y ${names.join(' ')} ` +
        `(or set CHROME_PATH / FIREFOX_PATH)`,
    };
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  process.stdout.write(`installing ${names.join(' ')} with apt-get (root, first run only)\n`);
  const update = await run('apt-get', ['update'], { env });
  if (update.code !== 0) return { ok: false, message: `apt-get update failed (exit ${update.code})` };
  const install = await run('apt-get', ['install', '-y', 'chromium', 'firefox-esr'], {
    env,
  });
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
