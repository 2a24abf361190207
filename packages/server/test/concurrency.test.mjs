/**
 * 200 concurrent submissions from 20 simulated devices on loopback, each sent twice at once under its
 * Idempotency-Key (a retry racing the first attempt), plus all 20 devices deciding one shared case from the
 * same revision. Every submission lands exactly once, exactly one decision wins (the others get 409), and
 * every stored audit chain verifies. Against PGlite, and PostgreSQL when its binaries are installed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAudit } from '@hoso/workflow';
import { COMMUNE, steps, submission, post, get, counts, token, testServer, startPostgres } from './support.mjs';

const DEVICES = 20;
const PER_DEVICE = 10;

async function storm(s) {
  const officer = await token(['commune-officer']);
  const chair = await token(['commune-pc-chair']);
  const shared = crypto.randomUUID();
  assert.equal((await post(s, shared, await submission(shared, steps.register, 0), { auth: officer })).status, 201);
  const before = await counts(s);

  const jobs = [];
  for (let d = 0; d < DEVICES; d++) {
    for (let i = 0; i < PER_DEVICE; i++) {
      const caseId = `dev${d}-case${i}-${crypto.randomUUID()}`;
      const body = await submission(caseId, steps.register, 0);
      const key = crypto.randomUUID();
      // the same submission twice at once, as a device retrying after a timeout would
      jobs.push(post(s, caseId, body, { auth: officer, key }).then((r) => ({ caseId, key, r })));
      jobs.push(post(s, caseId, body, { auth: officer, key }).then((r) => ({ caseId, key, r })));
    }
    const decide = await submission(shared, steps.decide, 1);
    decide.event.data.number = `${d + 1}/QĐ-UBND`;
    jobs.push(post(s, shared, decide, { auth: chair }).then((r) => ({ caseId: shared, r, decision: d })));
  }
  const results = await Promise.all(jobs);

  const creations = results.filter((x) => x.caseId !== shared);
  for (const { r } of creations) assert.equal(r.status, 201, r.text);
  const byKey = new Map();
  for (const x of creations) (byKey.get(x.key) ?? byKey.set(x.key, []).get(x.key)).push(x.r.text);
  for (const [, texts] of byKey) assert.equal(texts[0], texts[1], 'both attempts got the same answer');
  assert.equal(byKey.size, DEVICES * PER_DEVICE);

  const decisions = results.filter((x) => x.caseId === shared);
  const won = decisions.filter((x) => x.r.status === 200);
  assert.equal(won.length, 1, 'exactly one decision applied');
  for (const x of decisions.filter((x) => x.r.status !== 200)) {
    assert.equal(x.r.status, 409, x.r.text);
    assert.equal(x.r.body.code, 'revision-conflict');
    assert.equal(x.r.body.rev, 2);
  }

  const afterCounts = await counts(s);
  assert.equal(afterCounts.cases, before.cases + DEVICES * PER_DEVICE, 'every case created once');
  assert.equal(afterCounts.events, before.events + DEVICES * PER_DEVICE + 1, 'every event applied once');
  assert.equal(afterCounts.keys, before.keys + DEVICES * PER_DEVICE + 1);

  const all = await get(s, `/cases?commune=${COMMUNE}&limit=1000`, chair);
  const ids = new Set(creations.map((x) => x.caseId));
  const mine = all.body.cases.filter((c) => ids.has(c.id));
  assert.equal(mine.length, DEVICES * PER_DEVICE);
  for (const c of [...mine, all.body.cases.find((c) => c.id === shared)]) {
    assert.deepEqual(await verifyAudit(c), { ok: true, entries: c.rev }, `audit of ${c.id}`);
  }
  const sharedCase = all.body.cases.find((c) => c.id === shared);
  assert.equal(sharedCase.data.decision.number, `${won[0].decision + 1}/QĐ-UBND`, 'the winner is what is stored');
}

test(
  'PGlite: 200 concurrent submissions from 20 devices land once with verified audits',
  { timeout: 600_000 },
  async (t) => {
    await storm(await testServer(t));
  },
);

const pg = await startPostgres();
after(() => pg.stop?.());
test(
  'PostgreSQL: 200 concurrent submissions from 20 devices land once with verified audits',
  { timeout: 600_000, skip: pg.skip },
  async (t) => {
    await storm(await testServer(t, { databaseUrl: pg.url }));
  },
);
