import { expect } from '@open-wc/testing';
import { openCaseStore } from './store.js';
import { cleanUp, rejection, uniqueName } from './test/helpers.js';
import type { CaseStore, StoreChange } from './types.js';

describe('outbox store', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: uniqueName('outbox') });
  });
  afterEach(async () => {
    store.close();
    await cleanUp();
  });

  it('queues an item as pending with no attempts and reads it back', async () => {
    const item = await store.outbox.enqueue({
      id: 'k1',
      caseId: 'c1',
      kind: 'event',
      payload: { event: { type: 'SUBMIT' } },
    });
    expect(item.status).to.equal('pending');
    expect(item.attempts).to.equal(0);
    expect(Date.parse(item.createdAt)).to.be.closeTo(Date.now(), 60_000);
    expect(await store.outbox.get('k1')).to.deep.equal(item);
  });

  it('is idempotent on the key: queueing a sent item again changes nothing', async () => {
    const first = await store.outbox.enqueue({ id: 'k1', caseId: 'c1', kind: 'event', payload: 1 });
    await store.outbox.update({ ...first, status: 'sent', attempts: 1, sentAt: '2026-11-23T10:00:00.000Z' });
    const again = await store.outbox.enqueue({ id: 'k1', caseId: 'c1', kind: 'event', payload: 2 });
    expect(again.status).to.equal('sent');
    expect(again.payload).to.equal(1);
    expect(await store.outbox.list()).to.deep.equal([]);
  });

  it('lists unsent items oldest first, keeping the queueing order of a case within one millisecond', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    for (const [i, id] of keys.entries()) {
      await store.outbox.enqueue({
        id,
        caseId: i % 2 ? 'odd' : 'even',
        kind: 'event',
        payload: i,
        createdAt: '2026-11-23T10:00:00.000Z',
      });
    }
    const even = await store.outbox.list({ caseId: 'even' });
    expect(even.map((i) => i.id)).to.deep.equal(['k0', 'k2', 'k4', 'k6', 'k8', 'k10']);
    expect((await store.outbox.list()).map((i) => i.id)).to.deep.equal(keys);
  });

  it('filters by status and by case; a case lists its sent items too', async () => {
    const a = await store.outbox.enqueue({ id: 'a', caseId: 'c1', kind: 'event', payload: null });
    await store.outbox.enqueue({ id: 'b', caseId: 'c1', kind: 'upload', payload: null });
    await store.outbox.enqueue({ id: 'c', caseId: 'c2', kind: 'event', payload: null });
    await store.outbox.update({ ...a, status: 'sent', attempts: 1 });
    await store.outbox.update({
      ...(await store.outbox.get('c'))!,
      status: 'failed',
      attempts: 3,
      lastError: '422 invalid',
    });
    expect((await store.outbox.list()).map((i) => i.id)).to.deep.equal(['b', 'c']);
    expect((await store.outbox.list({ status: 'failed' })).map((i) => [i.id, i.lastError])).to.deep.equal([
      ['c', '422 invalid'],
    ]);
    expect((await store.outbox.list({ caseId: 'c1' })).map((i) => i.id)).to.deep.equal(['a', 'b']);
    expect((await store.outbox.list({ caseId: 'c1', status: 'pending' })).map((i) => i.id)).to.deep.equal(['b']);
  });

  it('update keeps the queue position and refuses an item that was never queued', async () => {
    const a = await store.outbox.enqueue({ id: 'a', caseId: 'c1', kind: 'event', payload: null });
    await store.outbox.enqueue({ id: 'b', caseId: 'c1', kind: 'event', payload: null });
    const { seq: _seq, ...withoutSeq } = a;
    await store.outbox.update({ ...withoutSeq, status: 'sending', attempts: 1 });
    expect((await store.outbox.list()).map((i) => [i.id, i.status])).to.deep.equal([
      ['a', 'sending'],
      ['b', 'pending'],
    ]);
    const error = await rejection(store.outbox.update({ ...a, id: 'nope' }));
    expect(String(error)).to.contain('no item nope');
  });

  it('says what is wrong with a bad item', async () => {
    const error = await rejection(
      store.outbox.enqueue({ id: '', caseId: 'c1', kind: 'mail' as 'event', payload: null }),
    );
    expect(error).to.be.instanceOf(TypeError);
    expect(String(error)).to.contain('id (the idempotency key)').and.contain('kind must be');
    expect(String(await rejection(store.outbox.list({ status: 'done' as 'sent' })))).to.contain('status "done"');
  });

  it('tells listeners in this tab and in another tab when an item is queued or changes status', async () => {
    const other = await openCaseStore({ name: store.name });
    try {
      const here: Array<[StoreChange, string]> = [];
      const there: Array<[StoreChange, string]> = [];
      store.subscribe((c, o) => here.push([c, o]));
      const heard = new Promise<void>((resolve) =>
        other.subscribe((c, o) => {
          there.push([c, o]);
          if (there.length === 2) resolve();
        }),
      );
      const item = await store.outbox.enqueue({ id: 'k', caseId: 'c1', kind: 'event', payload: null });
      await store.outbox.update({ ...item, status: 'sending', attempts: 1 });
      await heard;
      const expected = [
        { kind: 'outbox', id: 'k', status: 'pending' },
        { kind: 'outbox', id: 'k', status: 'sending' },
      ];
      expect(here).to.deep.equal(expected.map((c) => [c, 'local']));
      expect(there).to.deep.equal(expected.map((c) => [c, 'remote']));
      expect((await other.outbox.get('k'))?.status).to.equal('sending');
    } finally {
      other.close();
    }
  });
});
