// The demo server: strict CSP on every answer, only the demo and its built files served, no path escapes.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CSP, createDemoServer } from '../lib/static-server.mjs';

/** GET with the raw path (no client-side normalisation of `..`). */
function get(port, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (b) => (body += b));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('demo static server', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoso-serve-'));
  let server;
  let port;
  before(async () => {
    mkdirSync(join(root, 'examples/demo'), { recursive: true });
    mkdirSync(join(root, 'packages/forms/bundle'), { recursive: true });
    writeFileSync(join(root, 'examples/demo/index.html'), '<!doctype html><title>demo</title>');
    writeFileSync(join(root, 'examples/demo/main.js'), 'export {};');
    writeFileSync(join(root, 'packages/forms/bundle/hoso-form.js'), 'export const x = 1;');
    writeFileSync(join(root, 'secret.txt'), 'not for the browser');
    server = createDemoServer({ root });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    port = server.address().port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  it('redirects / to the demo page', async () => {
    const r = await get(port, '/');
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, '/examples/portal/');
  });

  it('serves the demo page with the strict CSP and the right types', async () => {
    const page = await get(port, '/examples/demo/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-security-policy'], CSP);
    assert.match(CSP, /script-src 'self';/);
    assert.match(CSP, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(CSP, /unsafe-eval/);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body, /<title>demo<\/title>/);
    const js = await get(port, '/packages/forms/bundle/hoso-form.js');
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'], /^text\/javascript/);
    assert.equal(js.headers['x-content-type-options'], 'nosniff');
  });

  it('refuses files outside the served folders, also through .. and encoded ..', async () => {
    for (const path of ['/secret.txt', '/examples/demo/../../secret.txt', '/examples/demo/%2e%2e/%2e%2e/secret.txt']) {
      const r = await get(port, path);
      assert.equal(r.status, 403, path);
      assert.doesNotMatch(r.body, /not for the browser/);
      assert.equal(r.headers['content-security-policy'], CSP, 'errors carry the CSP too');
    }
  });

  it('answers 404 for a missing built file with a hint to build, and 405 for POST', async () => {
    const r = await get(port, '/schemas/generated/voluntary-rehab/registration.js');
    assert.equal(r.status, 404);
    assert.match(r.body, /run the build/);
    assert.equal((await get(port, '/examples/demo/', 'POST')).status, 405);
  });
});
