/**
 * The purge of old Idempotency-Keys when the server runs (PGlite): at start over a folder holding old keys,
 * periodically while running, and a clear error for a bad `HOSO_IDEMPOTENCY_DAYS`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { steps, submission, post, token, tempDir, testServer } from './support.mjs';

const keysOf = async (s) => (await s.db.query('SELECT key FROM idempotency_keys ORDER BY key')).map((r) => r.key);

test('old keys are purged when the server starts; keys younger than the age are kept', async (t) => {
  const dataDir = tempDir();
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const officer = await token(['commune-officer']);
  const first = await testServer(undefined, { dataDir });
  const [oldCase, newCase] = [crypto.randomUUID(), crypto.randomUUID()];
  const [oldKey, newKey] = ['key-old', 'key-new'];
  assert.equal(
    (await post(first, oldCase, await submission(oldCase, steps.register, 0), { auth: officer, key: oldKey })).status,
    201,
  );
  assert.equal(
    (await post(first, newCase, await submission(newCase, steps.register, 0), { auth: officer, key: newKey })).status,
    201,
  );
  await first.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '8 days' WHERE key = $1`, [oldKey]);
  await first.close();

  const lines = [];
  const second = await testServer(undefined, { dataDir, idempotencyDays: 7, log: (l) => lines.push(l) });
  t.after(() => second.close());
  assert.deepEqual(await keysOf(second), [newKey]);
  assert.ok(lines.includes('purged 1 idempotency keys older than 7 days'), lines.join('\n'));
  const [{ n }] = await second.db.query('SELECT count(*)::int AS n FROM cases');
  assert.equal(n, 2, 'the cases themselves are kept');
});

test('while running, keys older than the age are purged every interval', async (t) => {
  // One second of age, checked every 300 ms.
  const s = await testServer(t, { idempotencyDays: 1 / 86_400, purgeIntervalMs: 300 });
  const caseId = crypto.randomUUID();
  const r = await post(s, caseId, await submission(caseId, steps.register, 0), {
    auth: await token(['commune-officer']),
  });
  assert.equal(r.status, 201);
  assert.equal((await keysOf(s)).length, 1);
  const deadline = Date.now() + 10_000;
  while ((await keysOf(s)).length > 0) {
    assert.ok(Date.now() < deadline, 'the key was not purged within 10 s');
    await new Promise((ok) => setTimeout(ok, 200));
  }
});

test('a bad HOSO_IDEMPOTENCY_DAYS stops the start and says which setting is wrong', async (t) => {
  const dataDir = tempDir();
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  await assert.rejects(
    testServer(undefined, { dataDir, env: { HOSO_IDEMPOTENCY_DAYS: 'thirty' } }),
    /HOSO_IDEMPOTENCY_DAYS must be a number of days > 0, got "thirty"/,
  );
});
