// A tiny static file server (node:http, no dependencies) for the demo page, sending a strict CSP so the page
// proves that <hoso-form> needs no eval, no inline script and no HTML strings. In server mode (`api` option,
// `start --server`) it also stands in for the provincial portal's back end, same origin so the CSP stays
// `default-src 'self'`: `/api/hoso/*` is proxied to the hoso server, `/api/portal/session?role=` signs a
// development token for the role picked in the role switcher, `/api/portal/config` says which mode it runs in.
import { createReadStream, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from './run.mjs';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; require-trusted-types-for 'script'";

/** URL prefixes the pages may load: the portal, the form demo and the built files they import. Nothing else is served. */
export const SERVED = [
  '/examples/portal/',
  '/examples/demo/',
  '/packages/elements/bundle/',
  '/packages/forms/bundle/',
  '/packages/forms/dist/',
  '/schemas/generated/',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * Resolve a request path to a file under ROOT, or null when it is outside SERVED (or tries to climb out).
 * Folders get their index.html.
 */
export function resolveRequest(urlPath, root = ROOT, served = SERVED) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const clean = normalize(path).split(sep).join('/');
  if (!served.some((prefix) => clean.startsWith(prefix) || `${clean}/` === prefix)) return null;
  let file = join(root, clean);
  if (!file.startsWith(root + sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
  } catch {
    return file; // missing: the caller answers 404
  }
  return file;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

const json = (res, status, body, headers) =>
  send(res, status, JSON.stringify(body), { ...headers, 'content-type': 'application/json; charset=utf-8' });

/** Forwards `/api/hoso/<rest>` to `<target>/<rest>` (method, headers, body and answer as they are). */
function proxy(req, res, target, rest, base) {
  const url = new URL(rest, target.endsWith('/') ? target : `${target}/`);
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
  const upstream = httpRequest(url, { method: req.method, headers }, (answer) => {
    const out = { ...base };
    for (const [k, v] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(k) && v !== undefined) out[k] = v;
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('error', (e) => {
    if (res.headersSent) return res.destroy();
    json(res, 502, { ok: false, code: 'server-unreachable', detail: `${url.origin}: ${e.message}` }, base);
  });
  req.pipe(upstream);
}

const ROLE = /^[a-z][a-z0-9-]{0,63}$/;
const COMMUNE = /^\d{5}$/;

/** The `/api/` routes of server mode; `api` undefined: browser mode (config says so, the rest is 404). */
async function apiRoute(req, res, api, base) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/portal/config' && req.method === 'GET')
    return json(res, 200, api ? { mode: 'server', api: '/api/hoso', ...api.info } : { mode: 'browser' }, base);
  if (!api) return json(res, 404, { ok: false, code: 'not-found', detail: 'the portal runs without a server' }, base);
  if (url.pathname === '/api/portal/session' && req.method === 'GET') {
    const role = url.searchParams.get('role') ?? '';
    const commune = url.searchParams.get('commune') ?? '';
    if (!ROLE.test(role) || !COMMUNE.test(commune))
      return json(
        res,
        400,
        { ok: false, code: 'invalid-query', detail: 'role (kebab-case) and commune (5 digits)' },
        base,
      );
    try {
      return json(res, 200, await api.session(role, commune), base);
    } catch (e) {
      return json(res, 500, { ok: false, code: 'internal', detail: e.message }, base);
    }
  }
  if (url.pathname.startsWith('/api/hoso/'))
    return proxy(req, res, api.target, req.url.slice('/api/hoso/'.length), base);
  return json(res, 404, { ok: false, code: 'not-found' }, base);
}

/**
 * An http.Server serving the demo. `/` redirects to the demo page. Tests may pass other `served` prefixes and
 * another `csp` (the runtime bundle needs 'unsafe-eval'). `api` turns on server mode:
 * `{ target: 'http://127.0.0.1:8787', session: async (role, commune) => ({ token, user, expiresAt }),
 *    info: { database, server, where? } }` (scripts/lib/portal-server-mode.mjs makes it).
 */
export function createDemoServer({ root = ROOT, served = SERVED, csp = CSP, api } = {}) {
  return createServer((req, res) => {
    const base = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if ((req.url ?? '').startsWith('/api/')) return void apiRoute(req, res, api, base);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', base);
    const urlPath = req.url ?? '/';
    if (urlPath === '/' || urlPath.startsWith('/?'))
      return send(res, 302, '', { ...base, location: '/examples/portal/' });
    const file = resolveRequest(urlPath, root, served);
    if (!file) return send(res, 403, `not served: ${urlPath}\n`, base);
    let size;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      const hint =
        file.includes(`${sep}generated${sep}`) || file.includes(`${sep}bundle${sep}`) ? ' (run the build)' : '';
      return send(res, 404, `not found: ${urlPath}${hint}\n`, base);
    }
    res.writeHead(200, {
      ...base,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
}
