/**
 * The API scenarios, run against PGlite (api.test.mjs) and against a real PostgreSQL server
 * (postgres.test.mjs): a case walked through three events, sync by cursor, every refusal (status, code,
 * and nothing written), idempotent retries, revision conflicts, audit checks before writing, encryption
 * at rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAudit } from '@hoso/workflow';
import { COMMUNE, SECRET, PERSON, steps, submission, post, get, counts, token } from './support.mjs';

const id = () => crypto.randomUUID();

/** `server()` returns the running server (started once by the caller). */
export function apiSuite(server) {
  let officer, chair, provider;
  const auth = async () => {
    officer ??= await token(['commune-officer']);
    chair ??= await token(['commune-pc-chair']);
    provider ??= await token(['service-provider']);
  };

  /** A case registered on the server (rev 1). */
  async function registered() {
    await auth();
    const caseId = id();
    const r = await post(server(), caseId, await submission(caseId, steps.register, 0), { auth: officer });
    assert.equal(r.status, 201, r.text);
    return caseId;
  }

  /** Sends and asserts a refusal that writes nothing. */
  async function refused(caseId, body, o, status, code) {
    const s = server();
    const before = await counts(s);
    const r = await post(s, caseId, body, o);
    assert.equal(r.status, status, r.text);
    assert.equal(r.body.ok, false);
    assert.equal(r.body.code, code, r.text);
    assert.ok(r.body.message.vi && r.body.message.en && r.body.message.vi !== r.body.message.en, 'vi and en');
    assert.deepEqual(await counts(s), before, `${code}: nothing written`);
    return r.body;
  }

  test('a case walked by three officers is stored with its audit, re-run by the server', async () => {
    await auth();
    const s = server();
    const caseId = id();
    const r1 = await post(s, caseId, await submission(caseId, steps.register, 0), { auth: officer });
    assert.equal(r1.status, 201, r1.text);
    assert.equal(r1.body.rev, 1);
    assert.equal(r1.body.case.state, 'awaiting_decision');
    assert.deepEqual(
      r1.body.case.audit[0].by,
      { id: 'user-commune-officer', roles: ['commune-officer'] },
      'the audit records the token user',
    );
    const r2 = await post(s, caseId, await submission(caseId, steps.decide, 1), { auth: chair });
    assert.equal(r2.status, 200, r2.text);
    assert.equal(r2.body.case.state, 'awaiting_contract');
    const r3 = await post(s, caseId, await submission(caseId, steps.sign, 2), { auth: provider });
    assert.equal(r3.status, 200, r3.text);
    assert.equal(r3.body.rev, 3);
    assert.match(r3.body.case.state, /^in_treatment\b/);
    const stored = await s.repo.getCase(s.db, caseId);
    assert.equal(stored.case.rev, 3);
    assert.deepEqual(await verifyAudit(stored.case), { ok: true, entries: 3 });
    const rows = await s.repo.events(s.db, caseId);
    assert.deepEqual(
      rows.map((e) => [e.rev, e.type, e.byId, e.hash]),
      stored.case.audit.map((a, i) => [i + 1, a.event, a.by.id, a.hash]),
      'one events row per audit entry',
    );
  });

  test('sync: a commune pulls its cases since a cursor, only what changed, never another commune', async () => {
    await auth();
    const s = server();
    const first = await get(s, `/cases?commune=${COMMUNE}`, chair);
    assert.equal(first.status, 200);
    assert.match(first.body.cursor, /^\d+$/);
    const a = await registered();
    const b = await registered();
    const next = await get(s, `/cases?commune=${COMMUNE}&since=${first.body.cursor}`, chair);
    assert.deepEqual(
      next.body.cases.map((c) => c.id),
      [a, b],
    );
    await post(s, a, await submission(a, steps.decide, 1), { auth: chair });
    const after = await get(s, `/cases?commune=${COMMUNE}&since=${next.body.cursor}`, chair);
    assert.deepEqual(
      after.body.cases.map((c) => [c.id, c.rev]),
      [[a, 2]],
    );
    const empty = await get(s, `/cases?commune=${COMMUNE}&since=${after.body.cursor}`, chair);
    assert.deepEqual(empty.body, { cases: [], cursor: after.body.cursor, more: false });
    const other = await get(s, '/cases?commune=00004', chair);
    assert.equal(other.status, 403);
    assert.equal(other.body.code, 'other-commune');
    const bad = await get(s, `/cases?commune=${COMMUNE}&since=abc`, chair);
    assert.equal(bad.body.code, 'invalid-query');
  });

  test('sync: paging with limit walks every change once, in change order, across cursor 9 → 10', async () => {
    await auth();
    const s = server();
    const start = (await get(s, `/cases?commune=${COMMUNE}`, chair)).body.cursor;
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await registered());
    const seen = [];
    let cursor = start;
    const cursors = [];
    for (;;) {
      const page = await get(s, `/cases?commune=${COMMUNE}&since=${cursor}&limit=5`, chair);
      assert.equal(page.status, 200);
      seen.push(...page.body.cases.map((c) => c.id));
      cursors.push(Number(page.body.cursor));
      cursor = page.body.cursor;
      if (!page.body.more) break;
    }
    assert.deepEqual(seen, made);
    assert.deepEqual(
      cursors,
      [...cursors].sort((a, b) => a - b),
      'cursors only grow',
    );
    assert.ok(cursors[cursors.length - 1] >= 10);
  });

  test('refusals: malformed JSON (line:column), unknown procedure, invalid data (pointer), missing key', async () => {
    await auth();
    const caseId = id();
    const body = await submission(caseId, steps.register, 0);
    const j = await refused(
      caseId,
      null,
      { auth: officer, raw: '{\n  "caseId": "x",\n  "baseRev": 0,\n}' },
      400,
      'invalid-json',
    );
    assert.match(j.detail, /^line 4, column 1/);
    const u = await refused(
      caseId,
      { ...body, procedure: 'no-such-procedure' },
      { auth: officer },
      422,
      'unknown-procedure',
    );
    assert.equal(u.pointer, '/procedure');
    const data = structuredClone(body);
    delete data.event.data.person.fullName;
    const v = await refused(caseId, data, { auth: officer }, 400, 'invalid-submission');
    assert.equal(v.pointer, '/event/data/person/fullName');
    const date = structuredClone(body);
    date.event.data.person.dateOfBirth = '1990-13-45';
    assert.equal(
      (await refused(caseId, date, { auth: officer }, 400, 'invalid-submission')).pointer,
      '/event/data/person/dateOfBirth',
    );
    const shape = { ...body, baseRev: -1 };
    assert.equal((await refused(caseId, shape, { auth: officer }, 400, 'invalid-submission')).pointer, '/baseRev');
    await refused(caseId, body, { auth: officer, key: null }, 400, 'missing-idempotency-key');
    await refused(id(), body, { auth: officer }, 400, 'case-id-mismatch');
  });

  test('refusals: no token, forged token, expired token, wrong role, other commune, unknown case', async () => {
    await auth();
    const caseId = await registered();
    const decide = await submission(caseId, steps.decide, 1);
    await refused(caseId, decide, {}, 401, 'unauthorized');
    const forged = await token(['commune-pc-chair'], COMMUNE, { secret: SECRET + 'x' });
    await refused(caseId, decide, { auth: forged }, 401, 'token-invalid');
    const expired = await token(['commune-pc-chair'], COMMUNE, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await refused(caseId, decide, { auth: expired }, 401, 'token-expired');
    // The officer who registered may not decide: the runtime's code, as the browser would give it.
    const role = await refused(caseId, decide, { auth: officer }, 403, 'role-not-permitted');
    assert.match(role.message.en, /Chairperson/i);
    const elsewhere = await token(['commune-pc-chair'], '00004');
    await refused(caseId, decide, { auth: elsewhere }, 403, 'other-commune');
    const newCase = id();
    const foreign = await submission(newCase, steps.register, 0);
    foreign.case.person = { ...PERSON, communeCode: '00004' };
    await refused(newCase, foreign, { auth: officer }, 403, 'other-commune');
    const unknown = id();
    await refused(unknown, await submission(unknown, steps.decide, 1), { auth: chair }, 404, 'case-not-found');
    const early = await refused(
      caseId,
      await submission(caseId, steps.sign, 1),
      { auth: provider },
      422,
      'not-allowed-in-state',
    );
    assert.ok(early.message.vi);
  });

  test('idempotency: the same key twice gives the same answer and one effect; another body is refused', async () => {
    await auth();
    const s = server();
    const caseId = await registered();
    const key = id();
    const body = await submission(caseId, steps.decide, 1);
    const before = await counts(s);
    const a = await post(s, caseId, body, { auth: chair, key });
    const b = await post(s, caseId, body, { auth: chair, key });
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.equal(b.text, a.text, 'byte for byte the same answer');
    assert.equal(b.headers.get('idempotency-replayed'), 'true');
    const after = await counts(s);
    assert.equal(after.events, before.events + 1, 'applied once');
    assert.equal((await s.repo.getCase(s.db, caseId)).case.rev, 2);
    const other = structuredClone(body);
    other.event.data.number = '13/QĐ-UBND';
    const r = await post(s, caseId, other, { auth: chair, key });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'idempotency-key-reused');
    // A refusal is not kept under its key: once allowed, the same key is judged afresh.
    const next = await registered();
    const key2 = id();
    const decide = await submission(next, steps.decide, 1);
    assert.equal((await post(s, next, decide, { auth: officer, key: key2 })).status, 403);
    assert.equal((await post(s, next, decide, { auth: chair, key: key2 })).status, 200);
  });

  test('conflict: a stale baseRev from a second device is 409 with the server case, never merged', async () => {
    await auth();
    const s = server();
    const caseId = await registered();
    const deviceA = await post(s, caseId, await submission(caseId, steps.decide, 1), { auth: chair });
    assert.equal(deviceA.status, 200);
    const stale = await submission(caseId, steps.decide, 1);
    stale.event.data.number = '99/QĐ-UBND';
    const deviceB = await refused(caseId, stale, { auth: chair }, 409, 'revision-conflict');
    assert.equal(deviceB.rev, 2);
    assert.equal(deviceB.case.rev, 2);
    assert.equal(deviceB.case.data.decision.number, steps.decide.data.number, "the server's version, not B's");
  });

  test('the audit chain is verified before a write: a tampered case is refused and left as it is', async () => {
    await auth();
    const s = server();
    const caseId = await registered();
    await s.db.transaction(async (tx) => {
      const stored = await s.repo.getCase(tx, caseId, true);
      stored.case.audit[0].to = 'completed';
      await s.repo.saveCase(tx, stored.case, stored.commune, false);
    });
    const before = await counts(s);
    const r = await post(s, caseId, await submission(caseId, steps.decide, 1), { auth: chair });
    assert.equal(r.status, 500);
    assert.equal(r.body.code, 'audit-broken');
    assert.deepEqual(await counts(s), before);
    assert.equal((await s.repo.getCase(s.db, caseId)).case.rev, 1);
  });

  test('personal data is encrypted at rest and never logged', async () => {
    await auth();
    const s = server();
    const caseId = await registered();
    const [row] = await s.db.query('SELECT person_enc, data_enc, commune, state FROM cases WHERE id = $1', [caseId]);
    const clear = Buffer.concat([Buffer.from(row.person_enc), Buffer.from(row.data_enc)]);
    for (const secret of ['Nguyễn Văn A', '038090001234', 'methamphetamine', '1990-05-01'])
      assert.equal(clear.includes(Buffer.from(secret)), false, `"${secret}" is not in clear`);
    assert.equal(row.commune, COMMUNE);
    assert.equal(row.state, 'awaiting_decision');
    const [ev] = await s.db.query('SELECT data_enc FROM events WHERE case_id = $1', [caseId]);
    assert.equal(Buffer.from(ev.data_enc).includes(Buffer.from('038090001234')), false);
    const keys = await s.db.query('SELECT response, response_enc FROM idempotency_keys');
    assert.ok(keys.length > 0);
    for (const k of keys) {
      assert.equal(k.response, null, 'the kept answer (it holds the case) is not in clear');
      assert.equal(Buffer.from(k.response_enc).includes(Buffer.from('038090001234')), false);
    }
    for (const line of s.lines) assert.doesNotMatch(line, /Nguyễn|038090001234|methamphetamine/);
    assert.ok(s.lines.some((l) => l.startsWith('POST /cases/:caseId/events 201')));
  });

  test('attachments: stored once per key, size and type limits refused with nothing written', async () => {
    await auth();
    const s = server();
    const caseId = await registered();
    const put = async (attId, bytes, headers = {}) => {
      const res = await fetch(`${s.url}/attachments/${attId}`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${officer}`,
          'Content-Type': 'application/pdf',
          'X-Hoso-Case-Id': caseId,
          'X-Hoso-File-Name': encodeURIComponent('Giấy xác nhận.pdf'),
          ...headers,
        },
        body: bytes,
      });
      return { status: res.status, text: await res.text() };
    };
    const key = id();
    const pdf = new Uint8Array(2048).fill(37);
    const a = await put('att-' + caseId, pdf, { 'Idempotency-Key': key });
    assert.equal(a.status, 201, a.text);
    assert.deepEqual(JSON.parse(a.text), { ok: true, id: 'att-' + caseId, size: 2048 });
    const b = await put('att-' + caseId, pdf, { 'Idempotency-Key': key });
    assert.equal(b.text, a.text);
    const before = await counts(s);
    const big = await put('big-' + caseId, new Uint8Array(70 * 1024), { 'Idempotency-Key': id() });
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.text).code, 'too-large');
    const exe = await put('exe-' + caseId, pdf, {
      'Idempotency-Key': id(),
      'Content-Type': 'application/x-msdownload',
    });
    assert.equal(exe.status, 415);
    assert.equal(JSON.parse(exe.text).code, 'unsupported-type');
    const noKey = await put('nokey-' + caseId, pdf);
    assert.equal(JSON.parse(noKey.text).code, 'missing-idempotency-key');
    assert.deepEqual(await counts(s), before);
    const [row] = await s.db.query('SELECT file_name_enc, size FROM attachments WHERE case_id = $1', [caseId]);
    assert.equal(row.size, 2048);
    assert.equal(Buffer.from(row.file_name_enc).includes(Buffer.from('Giấy')), false);
  });

  test('openapi.json is built from the contract schema; health answers; CORS lets a portal send and read Retry-After', async () => {
    const s = server();
    const doc = await get(s, '/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    assert.deepEqual(doc.body.components.schemas.submission.required, [
      'caseId',
      'procedure',
      'procedureVersion',
      'lawVersion',
      'event',
      'baseRev',
    ]);
    assert.equal(doc.body.components.schemas.submission.properties.event.$ref, '#/components/schemas/caseEvent');
    assert.match(doc.body.paths['/cases/{caseId}/events'].post.responses['409'].description, /revision-conflict/);
    const h = await get(s, '/health');
    assert.equal(h.status, 200);
    assert.equal(h.body.ok, true);
    assert.ok(h.body.procedures.includes('voluntary-rehab'));
    const cors = await fetch(`${s.url}/cases/x/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,idempotency-key,content-type',
      },
    });
    assert.equal(cors.status, 204);
    assert.match(cors.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
    const exposed = await fetch(`${s.url}/health`, { headers: { Origin: 'https://portal.example' } });
    assert.match(exposed.headers.get('access-control-expose-headers'), /Retry-After/);
    const missing = await get(s, '/nowhere');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not-found');
  });
}
