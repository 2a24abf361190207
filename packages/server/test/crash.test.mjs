/**
 * The server killed (SIGKILL, a child process running `hoso serve` over PGlite) right after acknowledging:
 * every acknowledged submission is there after a restart, with a verified audit chain, and the submissions
 * that were in flight at the kill are applied exactly once when the devices retry them with their keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAudit } from '@hoso/workflow';
import { ROOT, COMMUNE, SECRET, DATA_KEY, steps, submission, post, get, token, tempDir } from './support.mjs';

function serve(dataDir) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'packages/cli/bin/hoso.mjs'), 'serve', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, HOSO_JWT_SECRET: SECRET, HOSO_DATA_KEY: DATA_KEY, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (b) => (err += b));
  const url = new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`hoso serve exited (${code}): ${err}`)));
  });
  return { child, url };
}

const killed = (child) =>
  new Promise((ok) => (child.exitCode !== null || child.signalCode ? ok() : child.once('exit', ok)));

test(
  'killed right after acknowledging: acknowledged events survive, in-flight retries apply once',
  { timeout: 600_000 },
  async (t) => {
    const dataDir = tempDir('hoso-crash-');
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    const officer = await token(['commune-officer']);
    const chair = await token(['commune-pc-chair']);

    const first = serve(dataDir);
    t.after(() => first.child.kill('SIGKILL'));
    const s1 = { url: await first.url };
    const acknowledged = [];
    // A steady stream of case creations and decisions; the kill comes right after the 12th acknowledgement,
    // while the next submissions are on the wire.
    const pending = [];
    let sent = 0;
    await new Promise((done) => {
      const next = async () => {
        if (sent >= 40) return;
        const n = sent++;
        const caseId = `crash-${n}-${crypto.randomUUID()}`;
        const key = crypto.randomUUID();
        const body = await submission(caseId, steps.register, 0);
        const item = { caseId, key, body };
        pending.push(item);
        try {
          const r = await post(s1, caseId, body, { auth: officer, key });
          if (r.status === 201) {
            acknowledged.push(item);
            if (acknowledged.length === 12) {
              first.child.kill('SIGKILL');
              done();
            }
          }
        } catch {
          // the connection died with the server: not acknowledged
        }
        if (acknowledged.length < 12) next();
      };
      for (let i = 0; i < 4; i++) next();
    });
    await killed(first.child);
    assert.equal(first.child.signalCode, 'SIGKILL');

    const second = serve(dataDir);
    t.after(() => second.child.kill('SIGTERM'));
    const s2 = { url: await second.url };
    const all = await get(s2, `/cases?commune=${COMMUNE}`, chair);
    const stored = new Map(all.body.cases.map((c) => [c.id, c]));
    for (const a of acknowledged) {
      const c = stored.get(a.caseId);
      assert.ok(c, `acknowledged case ${a.caseId} is there after the restart`);
      assert.equal(c.rev, 1);
      assert.deepEqual(await verifyAudit(c), { ok: true, entries: 1 });
    }
    // The devices retry everything not acknowledged with the same key: applied once, whether or not the
    // first attempt had been committed before the kill.
    const unacked = pending.filter((p) => !acknowledged.includes(p));
    for (const p of [...unacked, ...acknowledged]) {
      const r = await post(s2, p.caseId, p.body, { auth: officer, key: p.key });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.rev, 1);
    }
    const decide = await submission(acknowledged[0].caseId, steps.decide, 1);
    assert.equal((await post(s2, acknowledged[0].caseId, decide, { auth: chair })).status, 200);
    const final = await get(s2, `/cases?commune=${COMMUNE}`, chair);
    assert.equal(final.body.cases.length, pending.length, 'one case per submission, no duplicates');
    for (const c of final.body.cases) assert.equal((await verifyAudit(c)).ok, true);
    second.child.kill('SIGTERM');
    await killed(second.child);
  },
);
