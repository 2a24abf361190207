import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { openCaseStore } from '../store.js';
import type { CaseStore, OutboxItem } from '../types.js';
import type { BackendAdapter } from './adapter.js';
import { createHttpAdapter } from './http-adapter.js';
import { OutboxSender, type OutboxCounts, type OutboxSenderOptions } from './sender.js';
import { submission, testServer, waitFor, type TestServer } from './test-utils/outbox-server.js';

const FAST = { baseMs: 20, maxMs: 120, factor: 2, jitter: 0.5 };

describe('OutboxSender against a real HTTP server and the IndexedDB store', () => {
  let names: string[] = [];
  let stores: CaseStore[] = [];
  let senders: OutboxSender[] = [];
  let server: TestServer;

  async function open(name = `outbox-sender-${crypto.randomUUID()}`): Promise<CaseStore> {
    if (!names.includes(name)) names.push(name);
    const store = await openCaseStore({ name });
    stores.push(store);
    return store;
  }

  function sender(store: CaseStore, options: Partial<OutboxSenderOptions> & { timeoutMs?: number } = {}) {
    const { timeoutMs = 1500, ...rest } = options;
    const s = new OutboxSender({
      store,
      adapter: createHttpAdapter({ baseUrl: server.baseUrl, timeoutMs }),
      backoff: FAST,
      ...rest,
    });
    senders.push(s);
    return s;
  }

  const unsent = (store: CaseStore) => store.outbox.list();
  const allSent = async (store: CaseStore) => (await unsent(store)).length === 0;

  beforeEach(async () => {
    server = await testServer();
  });

  afterEach(async () => {
    senders.forEach((s) => s.stop());
    stores.forEach((s) => s.close());
    await Promise.all(names.map((n) => deleteDB(n)));
    names = [];
    stores = [];
    senders = [];
  });

  it('offline: keeps submissions as pending, visible in the counts, and sends them when back online', async () => {
    const store = await open();
    let online = false;
    const s = sender(store, { online: () => online });
    const changes: OutboxCounts[] = [];
    s.addEventListener('change', (e) => changes.push((e as CustomEvent<OutboxCounts>).detail));
    s.start();
    await s.queue(submission('c1', 0));
    await s.queue(submission('c1', 1));
    await s.flush();
    expect(s.counts).to.deep.equal({ pending: 2, sending: 0, failed: 0 });
    expect(changes.at(-1)).to.deep.equal({ pending: 2, sending: 0, failed: 0 });
    expect((await unsent(store)).map((i) => i.status)).to.deep.equal(['pending', 'pending']);
    expect((await server.received()).requests).to.equal(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => allSent(store), 'both sent after the online event');
    expect((await server.received()).events.map((e) => e.rev)).to.deep.equal([1, 2]);
    await waitFor(() => s.counts.pending === 0, 'counts back to zero');
    expect(s.counts).to.deep.equal({ pending: 0, sending: 0, failed: 0 });

    online = false;
    window.dispatchEvent(new Event('offline'));
    await s.queue(submission('c1', 2));
    await new Promise((r) => setTimeout(r, 300));
    expect(s.counts).to.deep.equal({ pending: 1, sending: 0, failed: 0 });
    expect((await server.received()).events).to.have.length(2);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => allSent(store), 'the third sent once back online');
    expect((await server.received()).events.map((e) => e.rev)).to.deep.equal([1, 2, 3]);
  });

  it('503 three times, then OK: applied once after 4 attempts with one key', async () => {
    const store = await open();
    await server.control({ failNext: 3, status: 503 });
    const s = sender(store);
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => allSent(store), 'the item sent');
    const stored = (await store.outbox.get(item.id)) as OutboxItem;
    expect(stored).to.include({ status: 'sent', attempts: 4 });
    expect(stored.lastError).to.equal(undefined);
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts).to.deep.equal({ [item.id]: 4 });
  });

  it('timeout (applied, then answered too late): retried with the same key, applied once', async () => {
    const store = await open();
    await server.control({ failNext: 1, delayMs: 2000, applyFirst: true });
    const s = sender(store, { timeoutMs: 600 });
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => allSent(store), 'the item sent');
    // Two attempts, unless a loaded machine made the retry time out too: every one with the same key.
    const stored = (await store.outbox.get(item.id)) as OutboxItem;
    expect(stored.status).to.equal('sent');
    expect(stored.attempts).to.be.at.least(2);
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts).to.deep.equal({ [item.id]: stored.attempts });
  });

  it('timeout (the server applies it only after the retry came): still applied once', async () => {
    const store = await open();
    await server.control({ failNext: 1, delayMs: 1500 });
    const s = sender(store, { timeoutMs: 500 });
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => allSent(store), 'the item sent');
    await new Promise((r) => setTimeout(r, 1600)); // the first request's late handling is done by now
    const stored = (await store.outbox.get(item.id)) as OutboxItem;
    expect(stored.attempts).to.be.at.least(2);
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts).to.deep.equal({ [item.id]: stored.attempts });
  });

  it('connection dropped after the server applied it: retried, deduplicated, applied once', async () => {
    const store = await open();
    await server.control({ failNext: 1, dropConnection: true, applyFirst: true });
    const s = sender(store);
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => allSent(store), 'the item sent');
    const stored = (await store.outbox.get(item.id)) as OutboxItem;
    expect(stored).to.include({ status: 'sent', attempts: 2 });
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts[item.id]).to.equal(2);
  });

  it('a 4xx refusal: failed with its code, not retried by itself, sent by a manual retry', async () => {
    const store = await open();
    await server.control({ failNext: 1, status: 422, code: 'not-allowed-in-state' });
    const s = sender(store);
    const failures: Array<{ item: OutboxItem; result: { code: string } }> = [];
    s.addEventListener('failed', (e) => failures.push((e as CustomEvent).detail));
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => failures.length === 1, 'the failed event');
    expect(failures[0]?.result.code).to.equal('not-allowed-in-state');
    expect(await store.outbox.get(item.id)).to.include({ status: 'failed', lastError: 'not-allowed-in-state' });
    await waitFor(() => s.counts.failed === 1, 'failed in the counts');
    await new Promise((r) => setTimeout(r, 400)); // well past the longest backoff
    expect((await server.received()).attempts[item.id]).to.equal(1);

    await s.retry(item.id);
    await waitFor(() => allSent(store), 'sent after the manual retry');
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts[item.id]).to.equal(2);
    expect(s.counts.failed).to.equal(0);
  });

  it('a broken answer: failed as invalid-response, with the failed event', async () => {
    const store = await open();
    const s = sender(store, {
      adapter: createHttpAdapter({
        baseUrl: server.baseUrl,
        fetch: async () => new Response('{"ok":true,"rev":"one"}', { status: 201 }),
      }),
    });
    const failed: string[] = [];
    s.addEventListener('failed', (e) => failed.push((e as CustomEvent).detail.result.code));
    s.start();
    const item = await s.queue(submission('c1', 0));
    await waitFor(() => failed.length === 1, 'the failed event');
    expect(failed).to.deep.equal(['invalid-response']);
    expect(await store.outbox.get(item.id)).to.include({
      status: 'failed',
      lastError: 'invalid-response',
      attempts: 1,
    });
  });

  it('a failed item holds back the later items of its case, not those of other cases', async () => {
    const store = await open();
    await server.control({ failNext: 1, status: 403, code: 'role-not-permitted' });
    const s = sender(store, { concurrency: 1 });
    const a0 = await s.queue(submission('a', 0));
    await s.queue(submission('a', 1));
    await s.queue(submission('b', 0));
    s.start();
    await waitFor(async () => (await server.received()).events.length === 1, 'case b sent');
    await s.flush();
    expect((await server.received()).events.map((e) => e.caseId)).to.deep.equal(['b']);
    expect((await unsent(store)).map((i) => i.status)).to.deep.equal(['failed', 'pending']);
    await s.retry(a0.id);
    await waitFor(() => allSent(store), 'case a sent after the retry');
    expect((await server.received()).events.map((e) => `${e.caseId}${e.rev}`)).to.deep.equal(['b1', 'a1', 'a2']);
  });

  it('20 submissions over 3 cases with random failures: each applied exactly once, in order within its case', async function () {
    this.timeout(40000);
    const store = await open();
    const seed = Math.floor(Math.random() * 2 ** 31);
    await server.control({ chaos: { rate: 0.4, seed, delayMs: 900 } });
    const s = sender(store, { timeoutMs: 400 });
    s.start();
    const revs: Record<string, number> = { a: 0, b: 0, c: 0 };
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) {
      const caseId = ['a', 'b', 'c'][i % 3] as string;
      const item = await s.queue(submission(caseId, revs[caseId] as number, i));
      revs[caseId] = (revs[caseId] as number) + 1;
      keys.push(item.id);
    }
    await waitFor(() => allSent(store), `all 20 sent (chaos seed ${seed})`, 30000);
    const { events, attempts } = await server.received();
    expect(events, `seed ${seed}`).to.have.length(20);
    for (const caseId of ['a', 'b', 'c']) {
      const ofCase = events.filter((e) => e.caseId === caseId);
      expect(
        ofCase.map((e) => e.rev),
        `seed ${seed}`,
      ).to.deep.equal(ofCase.map((_, i) => i + 1));
      const ns = ofCase.map((e) => (e.data as { n: number }).n);
      expect(ns, `seed ${seed}`).to.deep.equal([...ns].sort((x, y) => x - y));
    }
    expect(Object.keys(attempts).sort()).to.deep.equal([...keys].sort());
    const items = await store.outbox.list({ status: 'sent' });
    expect(items).to.have.length(20);
    // A request timed out before it reached the server is an attempt the server did not see.
    for (const item of items) expect(attempts[item.id], `${item.id} seed ${seed}`).to.be.within(1, item.attempts);
  });

  it('a sender restarted with an item left sending sends it again with the same key', async () => {
    const name = `outbox-sender-${crypto.randomUUID()}`;
    const first = sender(await open(name));
    await server.control({ failNext: 1, delayMs: 5000, applyFirst: true });
    first.start();
    const item = await first.queue(submission('c1', 0));
    await waitFor(async () => (await server.received()).events.length === 1, 'applied by the first request');
    first.stop(); // the tab dies before the answer
    const store = await open(name);
    expect(await store.outbox.get(item.id)).to.include({ status: 'sending', attempts: 1 });

    const second = sender(store);
    second.start();
    await waitFor(() => allSent(store), 'sent by the restarted sender');
    expect(await store.outbox.get(item.id)).to.include({ status: 'sent', attempts: 2 });
    const received = await server.received();
    expect(received.events).to.have.length(1);
    expect(received.attempts).to.deep.equal({ [item.id]: 2 });
  });

  it('two tabs: only the one holding the lock sends, including what the other tab queued', async () => {
    const name = `outbox-sender-${crypto.randomUUID()}`;
    const calls = { one: 0, two: 0 };
    const counting = (tab: 'one' | 'two'): BackendAdapter => {
      const http = createHttpAdapter({ baseUrl: server.baseUrl });
      return {
        submit: (s, o) => (calls[tab]++, http.submit(s, o)),
        upload: (a, o) => (calls[tab]++, http.upload(a, o)),
        load: (q, o) => http.load(q, o),
      };
    };
    const one = sender(await open(name), { adapter: counting('one') });
    const two = sender(await open(name), { adapter: counting('two') });
    one.start();
    await waitFor(() => one.isSending, 'tab one holds the lock');
    two.start();
    await two.queue(submission('c1', 0));
    await two.queue(submission('c2', 0));
    await waitFor(async () => (await server.received()).events.length === 2, 'both sent by tab one');
    expect(calls).to.deep.equal({ one: 2, two: 0 });
    expect(two.isSending).to.equal(false);

    one.stop(); // tab one closes: tab two takes over
    await waitFor(() => two.isSending, 'tab two takes the lock');
    await two.queue(submission('c1', 1));
    await waitFor(async () => (await server.received()).events.length === 3, 'sent by tab two');
    expect(calls).to.deep.equal({ one: 2, two: 1 });
  });

  it('uploads a stored attachment once; a missing one fails with attachment-missing', async () => {
    const store = await open();
    const s = sender(store);
    const blob = new Blob(['ảnh CCCD'], { type: 'image/jpeg' });
    await store.putAttachment({
      id: 'att-1',
      caseId: 'c1',
      item: 'id-card',
      name: 'CCCD mặt trước.jpg',
      type: blob.type,
      size: blob.size,
      blob,
      addedAt: new Date().toISOString(),
    });
    s.start();
    await s.queueUpload({ id: 'att-1', caseId: 'c1' });
    const missing = await s.queueUpload({ id: 'att-gone', caseId: 'c2' });
    await waitFor(async () => (await unsent(store)).every((i) => i.status === 'failed'), 'upload done');
    const { uploads } = await server.received();
    expect(uploads).to.have.length(1);
    expect(uploads[0]).to.include({ id: 'att-1', name: 'CCCD mặt trước.jpg', size: blob.size, item: 'id-card' });
    expect(await store.outbox.get(missing.id)).to.include({ status: 'failed', lastError: 'attachment-missing' });
  });

  it('waits at least as long as Retry-After asks', async () => {
    const store = await open();
    await server.control({ failNext: 1, status: 429, retryAfter: 1 });
    const s = sender(store);
    s.start();
    const before = Date.now();
    const item = await s.queue(submission('c1', 0));
    await waitFor(async () => (await store.outbox.get(item.id))?.lastError === 'http-429', 'the 429');
    const waiting = (await store.outbox.get(item.id)) as OutboxItem;
    expect(Date.parse(waiting.nextAttemptAt as string) - before).to.be.at.least(1000);
    await waitFor(() => allSent(store), 'sent after Retry-After');
    expect(Date.now() - before).to.be.at.least(990);
  });

  it('refuses bad input with what and where, and refuses to exist without an adapter', async () => {
    const store = await open();
    const s = sender(store);
    const bad = { ...submission('c1', 0), baseRev: -1 };
    let error: unknown;
    try {
      await s.queue(bad);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(String(error)).to.match(/case c1.*baseRev/);
    expect(await unsent(store)).to.deep.equal([]);
    expect(() => new OutboxSender({ store } as unknown as OutboxSenderOptions)).to.throw(TypeError, /adapter/);
    expect(() => new OutboxSender({ store, adapter: s as never, backoff: { jitter: 2 } })).to.throw(
      RangeError,
      /jitter/,
    );
  });
});
