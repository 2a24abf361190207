import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { openCaseStore } from '../store.js';
import { makeCase } from '../test/helpers.js';
import type { CaseStore } from '../types.js';
import type { Refusal } from './adapter.js';
import { keepAsDraft } from './conflict.js';
import { createHttpAdapter } from './http-adapter.js';
import { OutboxSender } from './sender.js';
import { submission, testServer, waitFor, type TestServer } from './test-utils/outbox-server.js';

const FAST = { baseMs: 20, maxMs: 120, factor: 2, jitter: 0.5 };
const COMMUNE = '00001';

describe('revision conflicts: the losing device adopts the server’s case and keeps its event as a draft', () => {
  let server: TestServer;
  let names: string[];
  let stores: CaseStore[];
  let senders: OutboxSender[];

  beforeEach(async () => {
    server = await testServer();
    names = [];
    stores = [];
    senders = [];
  });
  afterEach(async () => {
    senders.forEach((s) => s.stop());
    stores.forEach((s) => s.close());
    await Promise.all(names.map((n) => deleteDB(n)));
  });

  async function device(label: string, options: { policy?: boolean } = {}) {
    const name = `conflict-${label}-${crypto.randomUUID()}`;
    names.push(name);
    const store = await openCaseStore({ name });
    stores.push(store);
    const adapter = createHttpAdapter({ baseUrl: server.baseUrl, timeoutMs: 2000 });
    const sender = new OutboxSender({
      store,
      adapter,
      backoff: FAST,
      lockName: `lock-${name}`,
      ...(options.policy === false
        ? {}
        : {
            onConflict: keepAsDraft({
              store,
              formOf: (s) =>
                s.event.type === 'RECORD_SERVICE' ? { form: 'voluntary-rehab/service', formVersion: '1' } : undefined,
              fetchCase: async (id) => (await adapter.load({ communeCode: COMMUNE })).cases.find((c) => c.id === id),
            }),
          }),
    });
    senders.push(sender);
    sender.start();
    return { store, sender };
  }

  const caseAt = (rev: number, state: string) => makeCase('c1', { rev, state });
  const service = (baseRev: number, who: string) =>
    submission('c1', baseRev, baseRev, {
      event: {
        type: 'RECORD_SERVICE',
        at: '2026-11-23T09:00:00+07:00',
        by: { id: who, roles: ['service-provider'] },
        data: { service: { provider: who } },
      },
      case: caseAt(baseRev + 1, `after-${who}`),
    });

  /** Both devices hold the case at rev 1, as the server does. */
  async function sharedCase() {
    const a = await device('a');
    const b = await device('b');
    await a.store.putCase(caseAt(0, 'registered'), { expectedRev: 0 });
    await a.sender.queue({ ...submission('c1', 0), case: caseAt(1, 'registered') });
    await waitFor(async () => (await server.received()).events.length === 1, 'the case on the server');
    expect(await b.store.putRemoteCase(caseAt(1, 'registered'))).to.equal('written');
    return { a, b };
  }

  it('the second device’s event is refused (409), never merged; it gets the server’s case and a draft', async () => {
    const { a, b } = await sharedCase();
    await a.sender.queue(service(1, 'first'));
    await waitFor(async () => (await server.received()).events.length === 2, 'the first device’s event');
    await b.store.putCase(caseAt(1, 'after-second'), { expectedRev: 1 });
    const conflict = new Promise<CustomEvent>((resolve) =>
      b.sender.addEventListener('conflict', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const queued = await b.sender.queue(service(1, 'second'));
    const { detail } = await conflict;

    const received = await server.received();
    expect(
      received.events.map((e) => [e.type, (e.data as { service?: { provider: string } }).service?.provider]),
    ).to.deep.equal([
      ['SUBMIT', undefined],
      ['RECORD_SERVICE', 'first'],
    ]);
    expect((detail.result as Refusal).code).to.equal('revision-conflict');
    expect(detail.resolution).to.include({ caseId: 'c1', serverRev: 2 });
    expect(await b.store.getCase('c1')).to.include({ rev: 2, state: 'after-first' });
    const draft = await b.store.getDraft('c1/RECORD_SERVICE');
    expect(draft).to.include({ caseId: 'c1', procedure: 'voluntary-rehab', form: 'voluntary-rehab/service' });
    expect(draft?.data).to.deep.equal({ service: { provider: 'second' } });
    const item = await b.store.outbox.get(queued.id);
    expect(item?.status).to.equal('resolved');
    expect(item?.resolution?.draftId).to.equal('c1/RECORD_SERVICE');
    expect(b.sender.counts).to.deep.equal({ pending: 0, sending: 0, failed: 0 });
    expect((await b.store.listAudit('c1')).map((l) => l.action)).to.deep.equal(['sync-conflict']);

    // The person sends again from the draft, based on the server's revision: accepted.
    await b.sender.queue(service(2, 'second'));
    await waitFor(async () => (await server.received()).events.length === 3, 'the resent event');
    expect((await server.received()).events.at(-1)).to.include({ baseRev: 2, rev: 3 });
  });

  it('every event queued after the refused one on that device is kept too (each its own draft)', async () => {
    const { a, b } = await sharedCase();
    await a.sender.queue(service(1, 'first'));
    await waitFor(async () => (await server.received()).events.length === 2, 'the first device’s event');
    b.sender.stop(); // offline: two events wait
    const one = await b.sender.queue(service(1, 'second'));
    const two = await b.sender.queue(service(2, 'third'));
    const conflict = new Promise<CustomEvent>((resolve) =>
      b.sender.addEventListener('conflict', (e) => resolve(e as CustomEvent), { once: true }),
    );
    b.sender.start();
    const { detail } = await conflict;
    expect(detail.resolution.items).to.deep.equal([one.id, two.id]);
    const drafts = await b.store.listDrafts({ caseId: 'c1' });
    expect(drafts.map((d) => (d.data as { service: { provider: string } }).service.provider).sort()).to.deep.equal([
      'second',
      'third',
    ]);
    expect(drafts.map((d) => d.id).sort()[0]).to.equal('c1/RECORD_SERVICE');
    expect(await b.store.outbox.list()).to.deep.equal([]);
    expect((await server.received()).events).to.have.length(2);
  });

  it('without the policy (or without the server’s case) the refused event stays failed, as before', async () => {
    const a = await device('a');
    const b = await device('b', { policy: false });
    await a.sender.queue({ ...submission('c1', 0), case: caseAt(1, 'registered') });
    await a.sender.queue(service(1, 'first'));
    await waitFor(async () => (await server.received()).events.length === 2, 'both events');
    const failed = new Promise<void>((resolve) => b.sender.addEventListener('failed', () => resolve(), { once: true }));
    const queued = await b.sender.queue(service(1, 'second'));
    await failed;
    expect((await b.store.outbox.get(queued.id))?.status).to.equal('failed');
    expect(await b.store.listDrafts()).to.deep.equal([]);
  });

  it('keepAsDraft says what it needs', () => {
    expect(() => keepAsDraft({} as Parameters<typeof keepAsDraft>[0])).to.throw(
      /options.store \(a CaseStore\) and options.formOf/,
    );
  });
});
