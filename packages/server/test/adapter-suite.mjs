/**
 * The browser's own HTTP adapter (`createHttpAdapter` of @hoso/case-store, the code the outbox sends with)
 * against this server (run by api.test.mjs on PGlite and postgres.test.mjs): what it submits is applied, a refusal comes back as the adapter's refusal with the
 * server's code, pointer and revision, a retried key is one effect, uploads and loads parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpAdapter } from '../../case-store/dist/outbox/http-adapter.js';
import { COMMUNE, steps, submission, token, counts } from './support.mjs';

/** `server()` returns the running server (its upload limit under 70 KiB). */
export function adapterSuite(server) {
  const adapterFor = (auth) =>
    createHttpAdapter({
      baseUrl: `${server().url}/`,
      headers: () => ({ Authorization: `Bearer ${auth}` }),
      timeoutMs: 60_000,
    });

  test('the outbox adapter submits, retries under its key, and reads refusals, uploads and loads', async () => {
    const officer = adapterFor(await token(['commune-officer']));
    const chair = adapterFor(await token(['commune-pc-chair']));
    const caseId = crypto.randomUUID();
    const key = crypto.randomUUID();
    const created = await officer.submit(await submission(caseId, steps.register, 0), { idempotencyKey: key });
    assert.equal(created.ok, true);
    assert.equal(created.rev, 1);
    assert.equal(created.case.state, 'awaiting_decision');
    const before = await counts(server());
    const again = await officer.submit(await submission(caseId, steps.register, 0), { idempotencyKey: key });
    assert.deepEqual(again, created);
    assert.deepEqual(await counts(server()), before, 'the retry changed nothing');

    const role = await officer.submit(await submission(caseId, steps.decide, 1), {
      idempotencyKey: crypto.randomUUID(),
    });
    assert.equal(role.ok, false);
    assert.equal(role.code, 'role-not-permitted');
    assert.equal(role.status, 403);
    assert.ok(role.message.vi && role.message.en);

    const bad = await submission(caseId, steps.decide, 1);
    delete bad.event.data.number;
    const invalid = await chair.submit(bad, { idempotencyKey: crypto.randomUUID() });
    assert.equal(invalid.code, 'invalid-submission');
    assert.equal(invalid.pointer, '/event/data/number');

    assert.equal(
      (await chair.submit(await submission(caseId, steps.decide, 1), { idempotencyKey: crypto.randomUUID() })).ok,
      true,
    );
    const stale = await chair.submit(await submission(caseId, steps.decide, 1), {
      idempotencyKey: crypto.randomUUID(),
    });
    assert.equal(stale.code, 'revision-conflict');
    assert.equal(stale.rev, 2);

    const up = await officer.upload(
      {
        id: `file-${caseId}`,
        caseId,
        name: 'Đơn đăng ký.pdf',
        type: 'application/pdf',
        blob: new Blob(['%PDF-1.4 hello']),
      },
      { idempotencyKey: crypto.randomUUID() },
    );
    assert.deepEqual(up, { ok: true, id: `file-${caseId}`, size: 14 });
    const big = await officer.upload(
      {
        id: `big-${caseId}`,
        caseId,
        name: 'x.pdf',
        type: 'application/pdf',
        blob: new Blob([new Uint8Array(70 * 1024)]),
      },
      { idempotencyKey: crypto.randomUUID() },
    );
    assert.equal(big.code, 'too-large');

    const loaded = await chair.load({ communeCode: COMMUNE });
    assert.ok(loaded.cases.some((c) => c.id === caseId && c.rev === 2));
    const since = await chair.load({ communeCode: COMMUNE, since: loaded.cursor });
    assert.deepEqual(
      since.cases.map((c) => [c.id, c.rev]),
      [],
      `cursor ${loaded.cursor}, ${loaded.cases.length} cases`,
    );
    await assert.rejects(chair.load({ communeCode: '00004' }), { code: 'other-commune' });
  });
}
