import { expect } from '@open-wc/testing';
import { StorageFullError, toStoreError } from './errors.js';
import { openCaseStore } from './store.js';
import { cleanUp, makeDraft, rejection, uniqueName } from './test/helpers.js';
import type { AttachmentRecord, CaseStore } from './types.js';

const MB = 1024 * 1024;

/** Bytes that do not compress (the browser may compress what it stores). */
function noise(bytes: number): Blob {
  const parts: BlobPart[] = [];
  for (let n = 0; n < bytes; n += 65536) parts.push(crypto.getRandomValues(new Uint8Array(Math.min(65536, bytes - n))));
  return new Blob(parts, { type: 'application/octet-stream' });
}

const attachment = (id: string, blob: Blob): AttachmentRecord => ({
  id,
  caseId: 'c1',
  name: `${id}.bin`,
  type: blob.type,
  size: blob.size,
  blob,
  addedAt: new Date().toISOString(),
});

interface StorageBuckets {
  open(name: string, options: { quota: number }): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

/**
 * An IndexedDB with only `quota` bytes of room. Chromium: for real, a Storage Bucket opened with that quota (the
 * browser itself then refuses a bigger write with QuotaExceededError). Elsewhere (no Storage Buckets API) the
 * global IndexedDB, and the test simulates the full disk with `simulateFullDisk`.
 */
async function smallStorage(quota: number): Promise<{ factory: IDBFactory; real: boolean; remove(): Promise<void> }> {
  const buckets = (navigator as { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) return { factory: indexedDB, real: false, remove: async () => undefined };
  const bucketName = `quota-${crypto.randomUUID()}`;
  const bucket = await buckets.open(bucketName, { quota });
  return { factory: bucket.indexedDB, real: true, remove: () => buckets.delete(bucketName) };
}

/**
 * Where no small storage can be had (Firefox, WebKit): IDBObjectStore.prototype.put throws the DOMException a full
 * disk gives, `QuotaExceededError`. Returns the undo.
 */
function simulateFullDisk(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

describe('full storage', () => {
  let store: CaseStore | undefined;
  let storage: Awaited<ReturnType<typeof smallStorage>> | undefined;
  afterEach(async () => {
    store?.close();
    await storage?.remove();
    await cleanUp();
  });

  it('a write over the quota rejects with StorageFullError and the stored records stay as they were', async () => {
    storage = await smallStorage(512 * 1024);
    if (navigator.userAgent.includes('Chrome')) expect(storage.real, 'Chromium has Storage Buckets').to.equal(true);
    store = await openCaseStore({ name: uniqueName('quota'), indexedDB: storage.factory });
    const first = await store.saveDraft(makeDraft('c1/registration', { fullName: 'Phạm Thị Dung' }), {
      expectedRev: 0,
    });
    await store.putAttachment(attachment('small', noise(16 * 1024)));
    const undo = storage.real ? undefined : simulateFullDisk();
    try {
      const error = await rejection(store.putAttachment(attachment('big', noise(2 * MB))));
      expect(error).to.be.instanceOf(StorageFullError);
      const storageFull = error as StorageFullError;
      expect(storageFull.code).to.equal('storage-full');
      expect((storageFull.cause as DOMException).name).to.equal('QuotaExceededError');
      expect(storageFull.messages.vi).to.contain('xuất bản nháp ra tệp');
      expect(storageFull.messages.en).to.contain('export the draft to a file');

      // Random text (a browser may compress what it stores): about 1 MB even compressed.
      const random = new Uint8Array(await noise(MB).arrayBuffer());
      const notes = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
      const typed = { ...first, data: { fullName: 'Phạm Thị Dung', notes } };
      const draftError = await rejection(store.saveDraft(typed, { expectedRev: first.rev }));
      expect(draftError).to.be.instanceOf(StorageFullError);
      expect(typed.data.notes).to.have.length(2 * MB); // what the person typed is still in memory, to export
    } finally {
      undo?.();
    }
    expect(await store.getAttachment('big')).to.equal(undefined);
    expect((await store.getAttachment('small'))?.size).to.equal(16 * 1024);
    expect(await store.getDraft('c1/registration')).to.deep.equal(first);
    // The store keeps working: a write that fits goes through.
    await store.putAttachment(attachment('medium', noise(64 * 1024)));
    expect((await store.getAttachment('medium'))?.size).to.equal(64 * 1024);
  });

  it('recognises the quota error when it only shows as the aborted transaction’s error', () => {
    const abort = new DOMException('The transaction was aborted.', 'AbortError');
    const quota = new DOMException('Quota exceeded.', 'QuotaExceededError');
    const mapped = toStoreError(abort, quota);
    expect(mapped).to.be.instanceOf(StorageFullError);
    expect((mapped as StorageFullError).cause).to.equal(quota);
    expect(toStoreError(abort, null)).to.equal(abort);
  });
});
