import { expect } from '@open-wc/testing';
import { openCaseStore } from './store.js';
import { cleanUp, makeCase, makeDraft, nextCall, rejection, uniqueName } from './test/helpers.js';
import type { CaseStore, StoreChange } from './types.js';

const event = (caseId: string, type: string, data: unknown) => ({
  caseId,
  procedure: 'voluntary-rehab',
  procedureVersion: '1',
  lawVersion: 'vn-2021',
  event: { type, at: '2026-11-23T09:00:00+07:00', by: { id: 'u1', roles: ['service-provider'] }, data },
  baseRev: 1,
});

describe('cases from the server: putRemoteCase and resolveConflict', () => {
  let store: CaseStore;
  let other: CaseStore | undefined;
  let name: string;
  beforeEach(async () => {
    name = uniqueName('remote');
    store = await openCaseStore({ name });
  });
  afterEach(async () => {
    store.close();
    other?.close();
    other = undefined;
    await cleanUp();
  });

  describe('putRemoteCase', () => {
    it('stores a pulled case at the server’s revision, and the next local write is based on it', async () => {
      expect(await store.putRemoteCase(makeCase('c1', { rev: 5, state: 'decided' }))).to.equal('written');
      expect(await store.getCase('c1')).to.include({ rev: 5, state: 'decided' });
      const next = await store.putCase({ ...(await store.getCase('c1'))!, state: 'in-treatment' }, { expectedRev: 5 });
      expect(next.rev).to.equal(6);
    });

    it('keeps the copy here when it is as new or newer', async () => {
      await store.putRemoteCase(makeCase('c1', { rev: 3, state: 'decided' }));
      expect(await store.putRemoteCase(makeCase('c1', { rev: 3, state: 'other' }))).to.equal('not-newer');
      expect(await store.putRemoteCase(makeCase('c1', { rev: 2, state: 'older' }))).to.equal('not-newer');
      expect(await store.getCase('c1')).to.include({ rev: 3, state: 'decided' });
    });

    it('does not replace a case with events waiting in the outbox here; once they are sent it does', async () => {
      await store.putCase(makeCase('c1'), { expectedRev: 0 });
      const item = await store.outbox.enqueue({ id: 'k1', caseId: 'c1', kind: 'event', payload: event('c1', 'X', {}) });
      expect(await store.putRemoteCase(makeCase('c1', { rev: 2, state: 'elsewhere' }))).to.equal('queued');
      expect(await store.getCase('c1')).to.include({ rev: 1, state: 'registered' });
      await store.outbox.update({ ...item, status: 'sent' });
      expect(await store.putRemoteCase(makeCase('c1', { rev: 2, state: 'elsewhere' }))).to.equal('written');
      expect((await store.getCase('c1'))?.state).to.equal('elsewhere');
    });

    it('refuses a case without a server revision, saying which field', async () => {
      const error = (await rejection(store.putRemoteCase(makeCase('c1', { rev: 0 })))) as Error;
      expect(error).to.be.instanceOf(TypeError);
      expect(error.message).to.contain('putRemoteCase (case c1): rev must be the server');
      expect(await store.getCase('c1')).to.equal(undefined);
    });

    it('another tab hears the written case (BroadcastChannel) and reads it at the server’s revision', async () => {
      other = await openCaseStore({ name });
      const heard = nextCall<[StoreChange, string]>((done) => other!.subscribe((c, o) => done([c, o])));
      await store.putRemoteCase(makeCase('c1', { rev: 4 }));
      expect(await heard).to.deep.equal([{ kind: 'case', id: 'c1', rev: 4 }, 'remote']);
      expect((await other.getCase('c1'))?.rev).to.equal(4);
    });
  });

  describe('resolveConflict', () => {
    async function losingDevice() {
      await store.putCase(makeCase('c1', { state: 'awaiting_decision' }), { expectedRev: 0 });
      const local = await store.putCase(makeCase('c1', { state: 'mine' }), { expectedRev: 1 });
      const first = await store.outbox.enqueue({
        id: 'k1',
        caseId: 'c1',
        kind: 'event',
        payload: event('c1', 'RECORD_SERVICE', { service: 'mine' }),
      });
      return { local, first };
    }

    it('adopts the server’s case, keeps the refused event’s data as a draft, marks the item resolved, logs it', async () => {
      await losingDevice();
      const serverCase = makeCase('c1', { rev: 2, state: 'theirs' });
      const done = await store.resolveConflict({
        serverCase,
        by: 'u1',
        items: [{ itemId: 'k1', draft: { ...makeDraft('c1/RECORD_SERVICE', { service: 'mine' }), step: 0 } }],
      });
      expect(done.items).to.deep.equal(['k1']);
      expect(done.drafts.map((d) => d.id)).to.deep.equal(['c1/RECORD_SERVICE']);
      expect(await store.getCase('c1')).to.deep.equal(serverCase);
      expect(await store.getDraft('c1/RECORD_SERVICE')).to.include({ caseId: 'c1', rev: 1 });
      expect((await store.getDraft('c1/RECORD_SERVICE'))?.data).to.deep.equal({ service: 'mine' });
      const item = await store.outbox.get('k1');
      expect(item?.status).to.equal('resolved');
      expect(item?.resolution).to.include({ kind: 'draft', draftId: 'c1/RECORD_SERVICE', serverRev: 2 });
      expect(await store.outbox.list()).to.deep.equal([]);
      const audit = await store.listAudit('c1');
      expect(audit.map((a) => [a.action, a.by])).to.deep.equal([['sync-conflict', 'u1']]);
      expect(audit[0]!.detail).to.deep.include({ localRev: 2, serverRev: 2, items: ['k1'] });
    });

    it('keeps both when a draft of that step already exists', async () => {
      await losingDevice();
      await store.saveDraft(makeDraft('c1/RECORD_SERVICE', { service: 'typing' }), { expectedRev: 0 });
      const done = await store.resolveConflict({
        serverCase: makeCase('c1', { rev: 2 }),
        by: 'u1',
        items: [{ itemId: 'k1', draft: makeDraft('c1/RECORD_SERVICE', { service: 'mine' }) }],
      });
      const id = done.drafts[0]!.id;
      expect(id).to.match(/^c1\/RECORD_SERVICE~[0-9a-f]{8}$/);
      expect((await store.getDraft('c1/RECORD_SERVICE'))?.data).to.deep.equal({ service: 'typing' });
      expect((await store.getDraft(id))?.data).to.deep.equal({ service: 'mine' });
    });

    it('settles nothing twice: an item no longer waiting keeps its status and gets no draft', async () => {
      const { first } = await losingDevice();
      await store.outbox.update({ ...first, status: 'sent' });
      const done = await store.resolveConflict({
        serverCase: makeCase('c1', { rev: 3 }),
        by: 'u1',
        items: [{ itemId: 'k1', draft: makeDraft('c1/RECORD_SERVICE') }],
      });
      expect(done.items).to.deep.equal([]);
      expect(await store.listDrafts({ caseId: 'c1' })).to.deep.equal([]);
      expect((await store.outbox.get('k1'))?.status).to.equal('sent');
    });

    it('writes nothing when a draft id is not of the case', async () => {
      await losingDevice();
      const error = (await rejection(
        store.resolveConflict({
          serverCase: makeCase('c1', { rev: 2 }),
          by: 'u1',
          items: [{ itemId: 'k1', draft: makeDraft('c2/RECORD_SERVICE') }],
        }),
      )) as Error;
      expect(error.message).to.contain('items[0].draft.id must be "c1/<EVENT>"');
      expect((await store.getCase('c1'))?.state).to.equal('mine');
      expect((await store.outbox.get('k1'))?.status).to.equal('pending');
    });

    it('another tab hears the case, the draft and the outbox item change', async () => {
      await losingDevice();
      other = await openCaseStore({ name });
      const heard: StoreChange[] = [];
      const all = nextCall<void>((done) =>
        other!.subscribe((c) => {
          heard.push(c);
          if (heard.length === 3) done();
        }),
      );
      await store.resolveConflict({
        serverCase: makeCase('c1', { rev: 2 }),
        by: 'u1',
        items: [{ itemId: 'k1', draft: makeDraft('c1/RECORD_SERVICE') }],
      });
      await all;
      expect(heard).to.deep.equal([
        { kind: 'case', id: 'c1', rev: 2 },
        { kind: 'draft', id: 'c1/RECORD_SERVICE', rev: 1 },
        { kind: 'outbox', id: 'k1', status: 'resolved' },
      ]);
    });
  });
});
