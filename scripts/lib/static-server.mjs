// A tiny static file server (node:http, no dependencies) for the demo page, sending a strict CSP so the page
// proves that <hoso-form> needs no eval, no inline script and no HTML strings.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
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

/**
 * An http.Server serving the demo. `/` redirects to the demo page. Tests may pass other `served` prefixes and
 * another `csp` (the runtime bundle needs 'unsafe-eval').
 */
export function createDemoServer({ root = ROOT, served = SERVED, csp = CSP } = {}) {
  return createServer((req, res) => {
    const base = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
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
