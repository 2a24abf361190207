/**
 * The fixture cases are the runtime's own: each audit chain verifies, and each case is restored by its
 * procedure. (`node packages/reports/test/fixtures/make-cases.mjs --check` replays the scripts byte for byte.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAudit } from '@hoso/workflow';
import { cases } from './support.mjs';

test('13 cases of 11 persons, every audit chain intact', async () => {
  assert.equal(cases.length, 13);
  for (const c of cases) {
    assert.deepEqual(await verifyAudit(c), { ok: true, entries: c.audit.length }, c.id);
    assert.equal(c.province, '79');
  }
});

test('the edge cases the scripts promise are in the data', () => {
  const byId = Object.fromEntries(cases.map((c) => [c.id, c]));
  assert.equal(byId['vr-9'].status, 'closed', 'P9 closed before the period');
  assert.ok(byId['vr-9'].audit.at(-1).at < '2026-07-01');
  assert.ok(byId['um-2'].audit[0].at < '2026-07-01' && byId['um-2'].status === 'active', 'P2 crosses the start');
  assert.equal(byId['um-1'].data.move.newAddress.communeCode, '26734', 'P1 moves from B to A');
  assert.equal(byId['pr-6'].state, 'relapsed');
  assert.equal(byId['pr-5'].data.services.length, 2, 'service entries are a collected list');
  assert.equal(byId['ad-8'].person.personalId, undefined);
});
