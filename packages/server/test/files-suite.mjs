/**
 * Attachment downloads and the purge of old Idempotency-Keys, run against PGlite (api.test.mjs) and a real
 * PostgreSQL server (postgres.test.mjs): who may download which file, with which headers; keys older than the
 * configured age deleted, newer ones kept, and a retry under a purged key never applied twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMUNE, steps, submission, post, counts, token } from './support.mjs';

const id = () => crypto.randomUUID();
const NAME = 'Giấy xác nhận "cư trú" (bản chụp).pdf';

export function filesSuite(server) {
  async function registeredWithFile() {
    const s = server();
    const officer = await token(['commune-officer']);
    const caseId = id();
    const r = await post(s, caseId, await submission(caseId, steps.register, 0), { auth: officer });
    assert.equal(r.status, 201, r.text);
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const attId = `att-${caseId}`;
    const up = await fetch(`${s.url}/attachments/${attId}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${officer}`,
        'Content-Type': 'application/pdf',
        'Idempotency-Key': id(),
        'X-Hoso-Case-Id': caseId,
        'X-Hoso-File-Name': encodeURIComponent(NAME),
        'X-Hoso-Attachment-Item': 'residence-proof',
      },
      body: bytes,
    });
    assert.equal(up.status, 201, await up.text());
    return { caseId, attId, bytes };
  }

  const download = (caseId, attId, auth) =>
    fetch(`${server().url}/cases/${caseId}/attachments/${attId}`, {
      headers: auth ? { Authorization: `Bearer ${auth}` } : {},
    });

  async function refusedDownload(res, status, code) {
    const text = await res.text();
    assert.equal(res.status, status, `${res.status} ${res.headers.get('content-type')}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text);
    assert.equal(body.code, code, text);
    assert.ok(body.message.vi && body.message.en, 'vi and en');
    assert.match(res.headers.get('content-type'), /^application\/json/);
  }

  test('attachments: the uploader and the roles of the case download the file with its type and UTF-8 name', async () => {
    const { caseId, attId, bytes } = await registeredWithFile();
    for (const roles of [['commune-officer'], ['commune-pc-chair']]) {
      // A second officer (another user id) reads it through the role; the chairman may decide the case now.
      const res = await download(caseId, attId, await token(roles, COMMUNE, { sub: `reader-${roles[0]}` }));
      assert.equal(res.status, 200, roles[0]);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-hoso-attachment-item'), 'residence-proof');
      const disposition = res.headers.get('content-disposition');
      assert.match(disposition, /^attachment; filename="Giay xac nhan _cu tru_ \(ban chup\)\.pdf"; filename\*=UTF-8''/);
      const star = disposition.split("filename*=UTF-8''")[1];
      assert.equal(decodeURIComponent(star), NAME);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
    }
  });

  test('attachments: other commune, a role with no part in the case, another case, unknown id, no token are refused', async () => {
    const { caseId, attId } = await registeredWithFile();
    const other = await registeredWithFile();
    await refusedDownload(await download(caseId, attId), 401, 'unauthorized');
    await refusedDownload(
      await download(caseId, attId, await token(['commune-officer'], '00004')),
      403,
      'other-commune',
    );
    // A role the procedure never names (not in the case's audit, allowed no event now): no part in the case.
    await refusedDownload(await download(caseId, attId, await token(['tax-officer'])), 403, 'role-not-permitted');
    const officer = await token(['commune-officer']);
    await refusedDownload(await download(other.caseId, attId, officer), 404, 'attachment-not-found');
    await refusedDownload(await download(caseId, 'att-missing', officer), 404, 'attachment-not-found');
    // Whatever the path says, files are looked up by id in the database: no file of the disk is ever read.
    await refusedDownload(await download(caseId, '..%2F..%2F..%2Fetc%2Fpasswd', officer), 404, 'attachment-not-found');
  });

  test('attachments: a file uploaded before its case exists is readable by its uploader only', async () => {
    const s = server();
    const caseId = id();
    const uploader = await token(['commune-officer'], COMMUNE, { sub: 'uploader-1' });
    const up = await fetch(`${s.url}/attachments/early-${caseId}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${uploader}`,
        'Content-Type': 'image/png',
        'Idempotency-Key': id(),
        'X-Hoso-Case-Id': caseId,
      },
      body: new Uint8Array([137, 80, 78, 71]),
    });
    assert.equal(up.status, 201);
    const mine = await download(caseId, `early-${caseId}`, uploader);
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('content-type'), 'image/png');
    assert.match(mine.headers.get('content-disposition'), /filename="file"/);
    const colleague = await token(['commune-officer'], COMMUNE, { sub: 'uploader-2' });
    await refusedDownload(await download(caseId, `early-${caseId}`, colleague), 403, 'role-not-permitted');
  });

  test('idempotency keys: those older than the configured age are purged, newer kept; a purged retry is not applied twice', async () => {
    const s = server();
    const officer = await token(['commune-officer']);
    const oldCase = id();
    const oldKey = id();
    const body = await submission(oldCase, steps.register, 0);
    assert.equal((await post(s, oldCase, body, { auth: officer, key: oldKey })).status, 201);
    const newCase = id();
    const newKey = id();
    assert.equal(
      (await post(s, newCase, await submission(newCase, steps.register, 0), { auth: officer, key: newKey })).status,
      201,
    );
    await s.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '31 days' WHERE key = $1`, [oldKey]);
    const purged = await s.purgeIdempotencyKeys();
    assert.ok(purged >= 1, `purged ${purged}`);
    const keys = await s.db.query('SELECT key FROM idempotency_keys WHERE key = ANY($1::text[])', [[oldKey, newKey]]);
    assert.deepEqual(
      keys.map((k) => k.key),
      [newKey],
    );
    const before = await counts(s);
    const retry = await post(s, oldCase, body, { auth: officer, key: oldKey });
    assert.equal(retry.status, 409, retry.text);
    assert.equal(retry.body.code, 'revision-conflict');
    assert.deepEqual(await counts(s), before, 'the late retry wrote nothing');
  });
}
