// The README's runnable example keeps telling the truth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('examples/headless.mjs runs and prints what the README says', () => {
  const file = fileURLToPath(new URL('../examples/headless.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /law version pinned: 2025-07-01/);
  assert.match(r.stdout, /refused: role-not-permitted/);
  assert.match(
    r.stdout,
    /deadline "Time limit for the decision": 2026-05-04 \(at-risk\), 3 workingDays, calendar 2026\.1/,
  );
  assert.match(r.stdout, /the chair may: DECIDE, REJECT/);
  assert.match(r.stdout, /same view after restore: true/);
  assert.match(r.stdout, /audit: \{ ok: true, entries: 1 \}/);
});
