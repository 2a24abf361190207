import { expect } from '@open-wc/testing';
import { AdapterError, classifyError } from './adapter.js';
import { createHttpAdapter, parseRetryAfter } from './http-adapter.js';
import { submission, testServer } from './test-utils/outbox-server.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createHttpAdapter against the local contract server', () => {
  it('submits an event; the same key again gets the same answer and applies nothing', async () => {
    const server = await testServer();
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl, timeoutMs: 3000 });
    const key = crypto.randomUUID();
    const first = await adapter.submit(submission('case-1', 0), { idempotencyKey: key });
    const again = await adapter.submit(submission('case-1', 0), { idempotencyKey: key });
    expect(first).to.deep.equal({ ok: true, rev: 1 });
    expect(again).to.deep.equal(first);
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts[key]).to.equal(2);
  });

  it('returns a 409 revision conflict as a refusal with the server revision', async () => {
    const server = await testServer();
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    await adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() });
    const result = await adapter.submit(submission('c', 0, 9), { idempotencyKey: crypto.randomUUID() });
    expect(result).to.include({ ok: false, code: 'revision-conflict', status: 409, rev: 1 });
    expect(result.ok === false && result.message?.vi)
      .to.be.a('string')
      .and.not.equal('');
  });

  it('keeps the server’s case a 409 carries (what the device adopts); ignores one without an id', async () => {
    const serverCase = { id: 'c', procedure: 'voluntary-rehab', state: 'decided', rev: 2, person: {} };
    const answer = (body: unknown) =>
      createHttpAdapter({
        baseUrl: 'https://portal.example.vn/api',
        fetch: async () =>
          new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/json' } }),
      }).submit(submission('c', 1), { idempotencyKey: crypto.randomUUID() });
    const withCase = await answer({ ok: false, code: 'revision-conflict', rev: 2, case: serverCase });
    expect(withCase).to.deep.include({ ok: false, code: 'revision-conflict', rev: 2, case: serverCase });
    const malformed = await answer({ ok: false, code: 'revision-conflict', rev: 2, case: { rev: 2 } });
    expect(malformed).to.not.have.property('case');
  });

  it('returns a 400 with the JSON Pointer of what the server found invalid', async () => {
    const server = await testServer();
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    const bad = submission('c', 0);
    bad.event.at = 'yesterday';
    const result = await adapter.submit(bad, { idempotencyKey: crypto.randomUUID() });
    expect(result).to.include({ ok: false, code: 'invalid-submission', status: 400, pointer: '/event/at' });
  });

  it('throws a transient AdapterError for 503 and reads Retry-After', async () => {
    const server = await testServer();
    await server.control({ failNext: 1, status: 503, retryAfter: 7 });
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    const error = await rejection(adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() }));
    expect(error).to.be.instanceOf(AdapterError);
    expect(error).to.include({ kind: 'transient', code: 'http-503', status: 503, retryAfterMs: 7000 });
    expect((await server.received()).events).to.have.length(0);
  });

  it('throws a transient timeout when the server answers too late', async () => {
    const server = await testServer();
    await server.control({ failNext: 1, delayMs: 3000 });
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl, timeoutMs: 200 });
    const started = performance.now();
    const error = await rejection(adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() }));
    expect(performance.now() - started).to.be.within(190, 2500);
    expect(error).to.include({ kind: 'transient', code: 'timeout' });
  });

  it('throws a transient network error when the connection is dropped', async () => {
    const server = await testServer();
    await server.control({ failNext: 1, dropConnection: true });
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    const error = await rejection(adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() }));
    expect(error).to.include({ kind: 'transient', code: 'network' });
  });

  it("rethrows the caller's abort reason unchanged", async () => {
    const server = await testServer();
    await server.control({ failNext: 1, delayMs: 500 });
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl, timeoutMs: 3000 });
    const controller = new AbortController();
    const reason = new Error('tab closing');
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejection(
      adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID(), signal: controller.signal }),
    );
    expect(error).to.equal(reason);
  });

  it('sends the headers function result with every request', async () => {
    const server = await testServer();
    let calls = 0;
    const adapter = createHttpAdapter({
      baseUrl: server.baseUrl,
      headers: () => {
        calls += 1;
        return { Authorization: 'Bearer t' };
      },
    });
    expect(await adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() })).to.include({ ok: true });
    expect(calls).to.equal(1);
  });

  it('uploads a file with its metadata; the same key uploads once', async () => {
    const server = await testServer();
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    const blob = new Blob(['giấy khai sinh'], { type: 'text/plain' });
    const attachment = {
      id: 'att-1',
      caseId: 'c',
      item: 'birth-certificate',
      name: 'Giấy khai sinh.txt',
      type: blob.type,
      size: blob.size,
      blob,
    };
    const key = crypto.randomUUID();
    expect(await adapter.upload(attachment, { idempotencyKey: key })).to.deep.equal({
      ok: true,
      id: 'att-1',
      size: blob.size,
    });
    await adapter.upload(attachment, { idempotencyKey: key });
    const { uploads } = await server.received();
    expect(uploads).to.have.length(1);
    expect(uploads[0]).to.include({
      id: 'att-1',
      caseId: 'c',
      name: 'Giấy khai sinh.txt',
      item: 'birth-certificate',
      size: blob.size,
    });
  });

  it('loads the cases of one commune and a cursor that skips what was already loaded', async () => {
    const server = await testServer();
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl });
    const record = (id: string, communeCode: string) => ({
      id,
      procedure: 'voluntary-rehab',
      procedureVersion: '1.0.0',
      state: 'submitted',
      status: 'active' as const,
      person: { communeCode },
      deadlines: [],
      createdAt: '2026-11-23T02:00:00Z',
      updatedAt: '2026-11-23T02:00:00Z',
      rev: 1,
    });
    await adapter.submit(submission('a', 0, 0, { case: record('a', '00004') }), {
      idempotencyKey: crypto.randomUUID(),
    });
    await adapter.submit(submission('b', 0, 0, { case: record('b', '00007') }), {
      idempotencyKey: crypto.randomUUID(),
    });
    const first = await adapter.load({ communeCode: '00004' });
    expect(first.cases.map((c) => c.id)).to.deep.equal(['a']);
    expect((await adapter.load({ communeCode: '00004', since: first.cursor })).cases).to.deep.equal([]);
  });

  it('throws a permanent invalid-response for a 2xx body that breaks the contract', async () => {
    const adapter = createHttpAdapter({
      baseUrl: 'https://portal.example.vn/api',
      fetch: async () => new Response('{"ok":true}', { status: 200 }),
    });
    const error = await rejection(adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() }));
    expect(error).to.include({ kind: 'permanent', code: 'invalid-response', status: 200 });
    expect(String((error as Error).message)).to.match(/POST \/api\/cases\/c\/events/);
  });

  it('makes a 4xx without a JSON body the refusal http-<status>', async () => {
    const adapter = createHttpAdapter({
      baseUrl: 'https://portal.example.vn/api',
      fetch: async () => new Response('<h1>Not Found</h1>', { status: 404 }),
    });
    const result = await adapter.submit(submission('c', 0), { idempotencyKey: crypto.randomUUID() });
    expect(result).to.deep.equal({ ok: false, code: 'http-404', status: 404 });
  });

  it('refuses a baseUrl that is not an absolute http(s) URL', () => {
    expect(() => createHttpAdapter({ baseUrl: 'api/hoso' })).to.throw(TypeError, /baseUrl/);
    expect(() => createHttpAdapter({ baseUrl: 'ftp://x.vn/api' })).to.throw(TypeError, /http/);
  });
});

describe('error classification', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(10_000 + 5000).toUTCString(), 10_000)).to.equal(5000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('counts fetch TypeErrors and unknown errors as transient, keeps AdapterError kinds', () => {
    expect(classifyError(new TypeError('Failed to fetch'))).to.deep.equal({ kind: 'transient', code: 'network' });
    expect(classifyError(new AdapterError('permanent', 'invalid-response', 'x'))).to.deep.equal({
      kind: 'permanent',
      code: 'invalid-response',
    });
  });
});
