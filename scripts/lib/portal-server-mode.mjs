// Server mode of `start` (`--server`, `--server=<url>`): the hoso server (@hoso/server) the demo portal sends
// its cases to, and the development login that stands in for the provincial portal's (tokens for the role picked
// in the role switcher, signed with HOSO_JWT_SECRET or the public development secret). Used after the build:
// it imports packages/server/dist. Never for production: anyone who reaches the page may sign in as any role.
import { join } from 'node:path';
import { ROOT } from './run.mjs';

/** `--server` → `{ inProcess: true }`, `--server=<url>` → `{ url }`, neither → undefined; bad values throw. */
export function parseServerFlag(argv) {
  const flag = argv.find((a) => a === '--server' || a.startsWith('--server='));
  if (!flag) return undefined;
  if (flag === '--server') return { inProcess: true };
  const text = flag.slice('--server='.length);
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--server=<url> needs an http URL such as http://127.0.0.1:8787, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--server=<url> needs an http(s) URL, got "${text}"`);
  return { url: url.href.replace(/\/$/, '') };
}

/** A database URL without its password, to print. */
const redact = (u) => {
  try {
    const url = new URL(u);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
};

/**
 * Starts the hoso server in this process (PGlite in HOSO_DATA_DIR or ./.hoso-data, or DATABASE_URL) or checks
 * the one at `url`; resolves the `api` option of `createDemoServer` and `close()`.
 */
export async function startServerMode(mode, { env = process.env, log = (l) => process.stderr.write(`${l}\n`) } = {}) {
  if (env.NODE_ENV === 'production')
    throw new Error('the demo portal signs development tokens for any role: it does not run with NODE_ENV=production');
  const server = await import(join(ROOT, 'packages/server/dist/index.js'));
  const secret = env.HOSO_JWT_SECRET || server.DEV_JWT_SECRET;
  let target;
  let info;
  let close = async () => {};
  if (mode.inProcess) {
    const dataDir = env.HOSO_DATA_DIR || join(ROOT, '.hoso-data');
    const running = await server.startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env,
      log: (l) => log(`[hoso server] ${l}`),
    });
    target = running.url;
    close = () => running.close();
    info = env.DATABASE_URL
      ? { database: 'postgres', where: redact(env.DATABASE_URL), server: running.url }
      : { database: 'pglite', where: dataDir, server: running.url };
  } else {
    target = mode.url;
    let health;
    try {
      const res = await fetch(`${target}/health`, { signal: AbortSignal.timeout(10_000) });
      health = await res.json();
    } catch (e) {
      throw new Error(`no hoso server answers at ${target}/health (${e.message}); start it with "pnpm hoso serve"`, {
        cause: e,
      });
    }
    if (!health?.ok) throw new Error(`the hoso server at ${target} is not healthy: ${JSON.stringify(health)}`);
    info = { database: health.database, server: target };
  }
  const session = async (role, commune) => {
    const user = { sub: `demo-${role}`, name: role, roles: [role], commune };
    const token = await server.signToken(user, secret, '12h');
    return { token, user, expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString() };
  };
  return { api: { target, session, info }, close, devSecret: secret === server.DEV_JWT_SECRET };
}
