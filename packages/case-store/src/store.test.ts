import { expect } from '@open-wc/testing';
import { RevisionConflictError, StoreUnavailableError } from './errors.js';
import { openCaseStore } from './store.js';
import { cleanUp, makeCase, makeDraft, nextCall, rejection, uniqueName } from './test/helpers.js';
import type { CaseStore, StoreChange } from './types.js';

describe('case store', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: uniqueName('store') });
  });
  afterEach(async () => {
    store.close();
    await cleanUp();
  });

  describe('cases', () => {
    it('stores a new case at rev 1 and returns it with every field kept', async () => {
      const record = makeCase('c1', { snapshot: { value: 'registered', context: { n: 1 } } });
      const stored = await store.putCase(record, { expectedRev: 0 });
      expect(stored.rev).to.equal(1);
      expect(await store.getCase('c1')).to.deep.equal({ ...record, rev: 1 });
      expect(await store.getCase('missing')).to.equal(undefined);
    });

    it('increments rev on each write based on the stored rev', async () => {
      let current = await store.putCase(makeCase('c1'), { expectedRev: 0 });
      current = await store.putCase({ ...current, state: 'accepted' }, { expectedRev: current.rev });
      current = await store.putCase({ ...current, state: 'in-treatment' }, { expectedRev: current.rev });
      expect(current.rev).to.equal(3);
      expect((await store.getCase('c1'))?.state).to.equal('in-treatment');
    });

    it('refuses a write based on an old rev and writes nothing', async () => {
      const v1 = await store.putCase(makeCase('c1'), { expectedRev: 0 });
      await store.putCase({ ...v1, state: 'accepted' }, { expectedRev: 1 });
      const error = await rejection(store.putCase({ ...v1, state: 'refused' }, { expectedRev: 1 }));
      expect(error).to.be.instanceOf(RevisionConflictError);
      const conflict = error as RevisionConflictError;
      expect([conflict.code, conflict.kind, conflict.id, conflict.storedRev, conflict.expectedRev]).to.deep.equal([
        'revision-conflict',
        'case',
        'c1',
        2,
        1,
      ]);
      expect(conflict.messages.vi).to.contain('thẻ');
      expect(conflict.messages.en).to.contain('another tab');
      expect(await store.getCase('c1')).to.include({ state: 'accepted', rev: 2 });
    });

    it('refuses to create a case that already exists (expectedRev 0)', async () => {
      await store.putCase(makeCase('c1'), { expectedRev: 0 });
      const error = (await rejection(
        store.putCase(makeCase('c1', { state: 'x' }), { expectedRev: 0 }),
      )) as RevisionConflictError;
      expect(error.storedRev).to.equal(1);
      expect((await store.getCase('c1'))?.state).to.equal('registered');
    });

    it('says what is wrong when the write has no id or no expectedRev', async () => {
      expect(String(await rejection(store.putCase(makeCase(''), { expectedRev: 0 })))).to.contain(
        'putCase: id must be',
      );
      const noRev = await rejection(store.putCase(makeCase('c1'), {} as { expectedRev: number }));
      expect(String(noRev)).to.contain('options.expectedRev must be the rev that was read');
    });

    it('lists cases newest first, by commune and by procedure', async () => {
      const put = (id: string, updatedAt: string, communeCode: string, procedure = 'voluntary-rehab') =>
        store.putCase(makeCase(id, { updatedAt, procedure, person: { communeCode, personalId: `p-${id}` } }), {
          expectedRev: 0,
        });
      await put('a', '2026-11-01T00:00:00Z', '00001');
      await put('b', '2026-11-03T00:00:00Z', '00002');
      await put('c', '2026-11-02T00:00:00Z', '00001', 'compulsory-rehab');
      const ids = (list: { id: string }[]) => list.map((c) => c.id);
      expect(ids(await store.listCases())).to.deep.equal(['b', 'c', 'a']);
      expect(ids(await store.listCases({ communeCode: '00001' }))).to.deep.equal(['c', 'a']);
      expect(ids(await store.listCases({ procedure: 'voluntary-rehab' }))).to.deep.equal(['b', 'a']);
      expect(ids(await store.listCases({ communeCode: '00001', procedure: 'voluntary-rehab' }))).to.deep.equal(['a']);
      expect(await store.listCases({ communeCode: '99999' })).to.deep.equal([]);
    });

    it('finds every case of one person, oldest first', async () => {
      const person = { fullName: 'Lê Văn Cường', personalId: '079090001234', communeCode: '00001' };
      await store.putCase(makeCase('later', { person, createdAt: '2026-06-01T00:00:00Z' }), { expectedRev: 0 });
      await store.putCase(makeCase('first', { person, createdAt: '2025-01-01T00:00:00Z' }), { expectedRev: 0 });
      await store.putCase(makeCase('other'), { expectedRev: 0 });
      expect((await store.casesOfPerson('079090001234')).map((c) => c.id)).to.deep.equal(['first', 'later']);
    });

    it('deletes a case', async () => {
      await store.putCase(makeCase('c1'), { expectedRev: 0 });
      await store.deleteCase('c1');
      expect(await store.getCase('c1')).to.equal(undefined);
      await store.deleteCase('c1'); // deleting what is not there is not an error
    });
  });

  describe('drafts', () => {
    it('saves, reads, lists by case and procedure, and deletes drafts', async () => {
      const saved = await store.saveDraft(makeDraft('c1/registration'), { expectedRev: 0 });
      expect(saved.rev).to.equal(1);
      expect(Date.parse(saved.updatedAt)).to.be.closeTo(Date.now(), 60_000);
      await store.saveDraft(makeDraft('c2/registration'), { expectedRev: 0 });
      await store.saveDraft(
        makeDraft('new/compulsory-rehab/x', {}, { caseId: undefined, procedure: 'compulsory-rehab' }),
        {
          expectedRev: 0,
        },
      );
      expect(await store.getDraft('c1/registration')).to.deep.equal(saved);
      expect((await store.listDrafts({ caseId: 'c1' })).map((d) => d.id)).to.deep.equal(['c1/registration']);
      expect((await store.listDrafts({ procedure: 'compulsory-rehab' })).map((d) => d.id)).to.deep.equal([
        'new/compulsory-rehab/x',
      ]);
      expect(await store.listDrafts()).to.have.length(3);
      await store.deleteDraft('c1/registration');
      expect(await store.getDraft('c1/registration')).to.equal(undefined);
    });

    it('refuses a stale draft save and keeps the stored data', async () => {
      const v1 = await store.saveDraft(makeDraft('c1/registration', { a: 1 }), { expectedRev: 0 });
      await store.saveDraft({ ...v1, data: { a: 2 } }, { expectedRev: 1 });
      const error = (await rejection(
        store.saveDraft({ ...v1, data: { a: 3 } }, { expectedRev: 1 }),
      )) as RevisionConflictError;
      expect([error.kind, error.storedRev, error.expectedRev]).to.deep.equal(['draft', 2, 1]);
      expect((await store.getDraft('c1/registration'))?.data).to.deep.equal({ a: 2 });
    });

    it('keeps a refused copy as a new draft next to the original', async () => {
      const mine = makeDraft('c1/registration', { mine: true });
      const copy = await store.saveDraftCopy(mine);
      expect(copy.id).to.match(/^c1\/registration~[0-9a-f]{8}$/);
      expect(copy.rev).to.equal(1);
      expect((await store.getDraft(copy.id))?.data).to.deep.equal({ mine: true });
      expect((await store.listDrafts({ caseId: 'c1' })).map((d) => d.id)).to.deep.equal([copy.id]);
    });
  });

  describe('attachments and audit', () => {
    it('keeps a Blob and reads it back byte for byte', async () => {
      const bytes = new Uint8Array(4096).map((_, i) => i % 251);
      const blob = new Blob([bytes], { type: 'application/pdf' });
      const record = {
        id: 'att1',
        caseId: 'c1',
        item: 'cccd',
        name: 'căn cước.pdf',
        type: blob.type,
        size: blob.size,
        blob,
        addedAt: '2026-11-23T09:00:00Z',
      };
      await store.putAttachment(record);
      await store.putAttachment({ ...record, id: 'att0', addedAt: '2026-11-23T08:00:00Z' });
      await store.putAttachment({ ...record, id: 'att2', caseId: 'c2' });
      const back = await store.getAttachment('att1');
      expect(back?.name).to.equal('căn cước.pdf');
      expect(new Uint8Array(await back!.blob.arrayBuffer())).to.deep.equal(bytes);
      expect((await store.listAttachments('c1')).map((a) => a.id)).to.deep.equal(['att0', 'att1']);
      const error = await rejection(store.putAttachment({ ...record, blob: 'not a blob' as unknown as Blob }));
      expect(String(error)).to.contain('blob must be a Blob');
    });

    it('appends audit lines with increasing ids and lists a case’s lines in order', async () => {
      await store.appendAudit({ caseId: 'c1', at: '2026-11-23T09:00:00Z', by: 'officer-1', action: 'open' });
      await store.appendAudit({ caseId: 'c2', at: '2026-11-23T09:01:00Z', by: 'officer-1', action: 'open' });
      await store.appendAudit({
        id: 999,
        caseId: 'c1',
        at: '2026-11-23T09:02:00Z',
        by: 'officer-2',
        action: 'submit',
        detail: { event: 'SUBMIT' },
      });
      const lines = await store.listAudit('c1');
      expect(lines.map((l) => l.action)).to.deep.equal(['open', 'submit']);
      expect(lines[1]!.id).to.be.greaterThan(lines[0]!.id!);
      expect(lines[1]!.id).to.not.equal(999); // the store numbers lines itself
      expect(lines[1]!.detail).to.deep.equal({ event: 'SUBMIT' });
    });
  });

  describe('two tabs', () => {
    it('both read rev 3; the first write wins, the second is refused, and the other tab hears the change', async () => {
      const tabB = await openCaseStore({ name: store.name });
      try {
        let record = await store.putCase(makeCase('c1'), { expectedRev: 0 });
        record = await store.putCase(record, { expectedRev: 1 });
        await store.putCase(record, { expectedRev: 2 });
        const inA = (await store.getCase('c1'))!;
        const inB = (await tabB.getCase('c1'))!;
        expect([inA.rev, inB.rev]).to.deep.equal([3, 3]);

        const heardByA = nextCall<[StoreChange, string]>((cb) => store.subscribe((c, o) => cb([c, o])));
        await tabB.putCase({ ...inB, state: 'accepted-in-B' }, { expectedRev: 3 });
        expect(await heardByA).to.deep.equal([{ kind: 'case', id: 'c1', rev: 4 }, 'remote']);

        const error = await rejection(store.putCase({ ...inA, state: 'refused-in-A' }, { expectedRev: 3 }));
        expect(error).to.be.instanceOf(RevisionConflictError);
        expect((error as RevisionConflictError).storedRev).to.equal(4);
        expect(await store.getCase('c1')).to.include({ state: 'accepted-in-B', rev: 4 });
        expect(await tabB.getCase('c1')).to.include({ state: 'accepted-in-B', rev: 4 });
      } finally {
        tabB.close();
      }
    });

    it('a tab whose draft save is refused is told, keeps its copy as a new draft, and can reload the other', async () => {
      const tabB = await openCaseStore({ name: store.name });
      try {
        const base = await store.saveDraft(makeDraft('c1/registration', { note: 'base' }), { expectedRev: 0 });
        const told = nextCall<[StoreChange, string]>((cb) => store.subscribe((c, o) => cb([c, o])));
        await tabB.saveDraft({ ...base, data: { note: 'typed in B' } }, { expectedRev: base.rev });
        expect(await told).to.deep.equal([{ kind: 'draft', id: 'c1/registration', rev: 2 }, 'remote']);

        const mine = { ...base, data: { note: 'typed in A' } };
        const refused = await rejection(store.saveDraft(mine, { expectedRev: base.rev }));
        expect(refused).to.be.instanceOf(RevisionConflictError);
        const copy = await store.saveDraftCopy(mine);
        const reloaded = await store.getDraft('c1/registration');
        expect(reloaded?.data).to.deep.equal({ note: 'typed in B' });
        expect((await tabB.getDraft(copy.id))?.data).to.deep.equal({ note: 'typed in A' });
        expect((await tabB.listDrafts({ caseId: 'c1' })).map((d) => d.id).sort()).to.deep.equal(
          ['c1/registration', copy.id].sort(),
        );
      } finally {
        tabB.close();
      }
    });

    it('a draft saved in one tab reaches the other tab’s listeners as remote, and this tab’s as local', async () => {
      const tabB = await openCaseStore({ name: store.name });
      try {
        const local: Array<[StoreChange, string]> = [];
        tabB.subscribe((c, o) => local.push([c, o]));
        const heard = nextCall<[StoreChange, string]>((cb) => store.subscribe((c, o) => cb([c, o])));
        await tabB.saveDraft(makeDraft('c1/registration'), { expectedRev: 0 });
        expect(local).to.deep.equal([[{ kind: 'draft', id: 'c1/registration', rev: 1 }, 'local']]);
        expect(await heard).to.deep.equal([{ kind: 'draft', id: 'c1/registration', rev: 1 }, 'remote']);
      } finally {
        tabB.close();
      }
    });

    it('unsubscribe stops the calls; a throwing listener does not stop the others', async () => {
      const calls: string[] = [];
      const stop = store.subscribe(() => calls.push('stopped'));
      stop();
      // The store reports a listener's error (reportError) instead of throwing it into the write; take mocha's
      // global handler aside for the duration so the report can be checked.
      const mochaHandler = window.onerror;
      const reported = new Promise<unknown>((resolve) => {
        window.onerror = (_message, _source, _line, _column, error) => {
          resolve(error);
          return true;
        };
      });
      store.subscribe(() => {
        throw new Error('listener bug');
      });
      store.subscribe((c) => calls.push(c.kind));
      await store.putCase(makeCase('c1'), { expectedRev: 0 });
      try {
        expect(calls).to.deep.equal(['case']);
        expect(String(await reported)).to.contain('listener bug');
      } finally {
        window.onerror = mochaHandler;
      }
    });
  });

  describe('closing', () => {
    it('rejects every call after close with StoreUnavailableError', async () => {
      store.close();
      const error = await rejection(store.getCase('c1'));
      expect(error).to.be.instanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).to.equal('closed');
      expect((error as StoreUnavailableError).localized('en')).to.contain('Reload');
      expect((error as StoreUnavailableError).localized('vi')).to.contain('tải lại');
    });
  });
});
