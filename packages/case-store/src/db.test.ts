import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { DB_VERSION, openDatabase } from './db.js';
import { MigrationError, StoreUnavailableError } from './errors.js';
import { initial } from './migrations/001-initial.js';
import type { DatabaseMigration } from './schema.js';
import { openCaseStore } from './store.js';
import { cleanUp, makeCase, nextCall, rejection, uniqueName } from './test/helpers.js';
import { openExisting, openV1, putV1, readAll, type V1Case } from './test/previous-release.js';

const v1Case = (i: number, person: V1Case['person']): V1Case => ({
  id: `case-${String(i).padStart(3, '0')}`,
  procedure: i % 3 ? 'voluntary-rehab' : 'compulsory-rehab',
  procedureVersion: '1',
  state: 'registered',
  status: 'active',
  person,
  deadlines: [{ id: 'review', dueAt: '2026-12-01T00:00:00.000Z' }],
  createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  rev: 1 + (i % 4),
  snapshot: { value: 'registered', context: { i } },
});

/** A version-1 database as the previous release left it: 40 cases, a draft, an attachment, outbox and audit. */
async function previousReleaseDatabase(name: string): Promise<V1Case[]> {
  const db = await openV1(name);
  const cases: V1Case[] = [];
  for (let i = 0; i < 40; i += 1) {
    const person: V1Case['person'] = { fullName: `Người ${i}`, communeCode: `0000${i % 4}` };
    if (i % 10 !== 9) person.idNumber = `0010900${String(i % 20).padStart(5, '0')}`; // two cases per person
    cases.push(v1Case(i, person));
  }
  // A case already carrying a different personalId: both are kept.
  cases.push(v1Case(40, { fullName: 'Hai số', idNumber: '111111111111', personalId: '222222222222' }));
  for (const c of cases) await putV1(db, 'cases', c);
  await putV1(db, 'drafts', {
    id: 'case-001/registration',
    caseId: 'case-001',
    procedure: 'voluntary-rehab',
    form: 'voluntary-rehab/registration',
    formVersion: '1',
    step: 1,
    data: { a: 1 },
    rev: 2,
    updatedAt: '2026-01-01T00:00:00Z',
  });
  await putV1(db, 'attachments', {
    id: 'att',
    caseId: 'case-001',
    name: 'a.pdf',
    type: 'text/plain',
    size: 3,
    blob: new TextEncoder().encode('abc').buffer,
    addedAt: '2026-01-01T00:00:00Z',
  });
  await putV1(db, 'outbox', {
    id: 'key-1',
    caseId: 'case-001',
    kind: 'event',
    payload: { x: 1 },
    status: 'pending',
    attempts: 2,
    createdAt: '2026-01-01T00:00:00Z',
  });
  await putV1(db, 'audit', { caseId: 'case-001', at: '2026-01-01T00:00:00Z', by: 'u1', action: 'open' });
  await putV1(db, 'audit', { caseId: 'case-001', at: '2026-01-01T00:01:00Z', by: 'u1', action: 'edit' });
  db.close();
  return cases;
}

describe('database versions and migrations', () => {
  afterEach(cleanUp);

  it('creates a new database at the current version with every store and index', async () => {
    const name = uniqueName('fresh');
    const store = await openCaseStore({ name });
    store.close();
    const db = await openExisting(name);
    try {
      expect(db.version).to.equal(DB_VERSION).and.equal(2);
      expect([...db.objectStoreNames].sort()).to.deep.equal(['attachments', 'audit', 'cases', 'drafts', 'outbox']);
      const tx = db.transaction(['cases', 'outbox', 'audit']);
      expect([...tx.objectStore('cases').indexNames].sort()).to.deep.equal([
        'byCommune',
        'byPersonalId',
        'byProcedure',
        'byUpdated',
      ]);
      expect([...tx.objectStore('outbox').indexNames].sort()).to.deep.equal(['byCase', 'byStatus']);
      expect(tx.objectStore('audit').autoIncrement).to.equal(true);
    } finally {
      db.close();
    }
  });

  it('migrates a database written by the previous release: every record arrives, idNumber becomes personalId', async () => {
    const name = uniqueName('v1');
    const before = await previousReleaseDatabase(name);
    const store = await openCaseStore({ name });
    try {
      const after = await store.listCases();
      expect(after).to.have.length(before.length);
      for (const old of before) {
        const now = after.find((c) => c.id === old.id)!;
        const { idNumber, ...person } = old.person;
        if (old.id === 'case-040') {
          expect(now.person).to.deep.equal(old.person); // conflicting values: both kept, for a person to check
          continue;
        }
        const expected = idNumber === undefined ? person : { ...person, personalId: idNumber };
        expect(now).to.deep.equal({ ...old, person: expected });
      }
      expect((await store.casesOfPerson('001090000003')).map((c) => c.id)).to.deep.equal(['case-003', 'case-023']);
      expect(await store.casesOfPerson('111111111111')).to.deep.equal([]);
      expect((await store.casesOfPerson('222222222222')).map((c) => c.id)).to.deep.equal(['case-040']);

      expect((await store.getDraft('case-001/registration'))?.rev).to.equal(2);
      const attachment = (await store.getAttachment('att'))!;
      expect([await attachment.blob.text(), attachment.blob.type]).to.deep.equal(['abc', 'text/plain']);
      expect(await store.outbox.list())
        .to.have.length(1)
        .and.to.have.nested.property('[0].attempts', 2);
      await store.appendAudit({ caseId: 'case-001', at: '2026-11-23T00:00:00Z', by: 'u2', action: 'migrated' });
      const audit = await store.listAudit('case-001');
      expect(audit.map((a) => [a.id, a.action])).to.deep.equal([
        [1, 'open'],
        [2, 'edit'],
        [3, 'migrated'],
      ]);
      // An old case written again by the new code is a normal revisioned write.
      const c3 = (await store.getCase('case-003'))!;
      expect((await store.putCase({ ...c3, state: 'accepted' }, { expectedRev: c3.rev })).rev).to.equal(c3.rev + 1);
    } finally {
      store.close();
    }
    const raw = await openExisting(name);
    expect(raw.version).to.equal(2);
    raw.close();
  });

  it('a failing migration leaves the old database exactly as it was (one transaction)', async () => {
    const name = uniqueName('v1-fail');
    const before = await previousReleaseDatabase(name);
    const broken: DatabaseMigration = {
      version: 2,
      description: 'rewrites some cases, then fails',
      async apply(_db, tx) {
        tx.objectStore('cases').createIndex('byPersonalId', 'person.personalId');
        const first = (await tx.objectStore('cases').get('case-000'))!;
        await tx.objectStore('cases').put({ ...first, state: 'half-migrated' });
        throw new Error('cannot read record case-001');
      },
    };
    const error = await rejection(openDatabase(name, { onVersionChange() {}, onTerminated() {} }, [initial, broken]));
    expect(error).to.be.instanceOf(MigrationError);
    expect(String(error)).to.contain('from version 1 to 2').and.contain('cannot read record case-001');
    expect((error as MigrationError).messages.vi).to.contain('Dữ liệu cũ vẫn được giữ nguyên');
    const raw = await openExisting(name);
    try {
      expect(raw.version).to.equal(1);
      expect([...raw.transaction('cases').objectStore('cases').indexNames]).to.not.include('byPersonalId');
      expect(await readAll(raw, 'cases')).to.deep.equal(before);
    } finally {
      raw.close();
    }
  });

  it('an old tab that keeps version 1 open blocks the upgrade: the page is told, and it opens once that tab closes', async () => {
    const name = uniqueName('blocked');
    await previousReleaseDatabase(name);
    const oldTab = await openV1(name);
    let blocked: StoreUnavailableError | undefined;
    const opening = openCaseStore({ name, onBlocked: (e) => (blocked = e) });
    await nextCall<void>((cb) => {
      const poll = () => (blocked ? cb() : setTimeout(poll, 10));
      poll();
    });
    expect(blocked).to.be.instanceOf(StoreUnavailableError);
    expect(blocked!.reason).to.equal('blocked');
    expect(blocked!.messages.en).to.contain('Close the other tabs');
    oldTab.close();
    const store = await opening;
    try {
      expect((await store.getCase('case-000'))?.person.personalId).to.equal('001090000000');
    } finally {
      store.close();
    }
  });

  it('gives up on a blocked upgrade after blockedTimeoutMs, and does not keep the late connection', async () => {
    const name = uniqueName('blocked-timeout');
    await previousReleaseDatabase(name);
    const oldTab = await openV1(name);
    const error = await rejection(openCaseStore({ name, blockedTimeoutMs: 200 }));
    expect(error).to.be.instanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).to.equal('blocked');
    oldTab.close();
    // The upgrade then runs; the connection it opened is closed again, so deleting the database is not blocked.
    await new Promise((r) => setTimeout(r, 300));
    let deleteBlocked = false;
    await deleteDB(name, { blocked: () => (deleteBlocked = true) });
    expect(deleteBlocked).to.equal(false);
  });

  it('says IndexedDB is not available when opening throws (as some private modes do)', async () => {
    // A factory that behaves like Firefox's old private mode: open() throws at once.
    const privateMode = {
      open() {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const error = await rejection(openCaseStore({ name: uniqueName('private'), indexedDB: privateMode }));
    expect(error).to.be.instanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).to.equal('no-indexeddb');
    expect((error as StoreUnavailableError).messages.en).to.contain('private mode');
    expect(((error as StoreUnavailableError).cause as DOMException).name).to.equal('InvalidStateError');
  });

  it('closes itself when another tab opens a newer version, and tells the page why', async () => {
    const name = uniqueName('newer');
    const store = await openCaseStore({ name });
    await store.putCase(makeCase('c1'), { expectedRev: 0 });
    const lost = nextCall<StoreUnavailableError>((cb) => store.onUnavailable(cb));
    const newer = indexedDB.open(name, DB_VERSION + 1);
    let newerBlocked = false;
    newer.onblocked = () => (newerBlocked = true);
    const newerDb = await new Promise<IDBDatabase>((resolve, reject) => {
      newer.onsuccess = () => resolve(newer.result);
      newer.onerror = () => reject(newer.error);
    });
    try {
      expect(newerBlocked).to.equal(false);
      expect((await lost).reason).to.equal('version-change');
      const error = await rejection(store.putCase(makeCase('c2'), { expectedRev: 0 }));
      expect(error).to.be.instanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).to.equal('version-change');
      expect((error as StoreUnavailableError).messages.vi).to.contain('phiên bản mới');
    } finally {
      newerDb.close();
      store.close();
    }
    // This (older) code cannot open what a newer release wrote: it says so instead of failing obscurely.
    const refused = await rejection(openCaseStore({ name }));
    expect(refused).to.be.instanceOf(StoreUnavailableError);
    expect((refused as StoreUnavailableError).reason).to.equal('newer-version');
  });
});
