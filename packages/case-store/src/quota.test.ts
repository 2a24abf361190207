import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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

/**
 * Chromium: lowers the origin's quota through CDP (scripts/wtr-case-store-plugin.mjs) to what is used now plus
 * `headroom` bytes, for real. It must happen before the database is opened (Chromium reads the quota when it opens
 * the backing store). Resolves false where the browser has no such protocol call (Firefox, WebKit).
 */
async function limitQuota(headroom: number): Promise<boolean> {
  const { usage = 0 } = await navigator.storage.estimate();
  try {
    const answer = (await executeServerCommand('hoso-storage-quota', {
      origin: location.origin,
      quotaSize: usage + headroom,
    })) as { supported?: boolean } | null;
    return answer?.supported === true;
  } catch {
    return false; // the plugin is not registered in this wtr config
  }
}

async function resetQuota(): Promise<void> {
  await executeServerCommand('hoso-storage-quota', { origin: location.origin });
}

/**
 * Where the quota cannot be lowered (Firefox, WebKit): IDBObjectStore.prototype.put throws the DOMException a full
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
  afterEach(async () => {
    store?.close();
    await cleanUp();
  });

  it('a write over the quota rejects with StorageFullError and the stored records stay as they were', async () => {
    const real = await limitQuota(512 * 1024);
    if (!real && navigator.userAgent.includes('Chrome')) {
      console.warn('scripts/wtr-case-store-plugin.mjs is not registered in the wtr config: full storage is simulated');
    }
    store = await openCaseStore({ name: uniqueName('quota') });
    const first = await store.saveDraft(makeDraft('c1/registration', { fullName: 'Phạm Thị Dung' }), {
      expectedRev: 0,
    });
    await store.putAttachment(attachment('small', noise(16 * 1024)));
    const undo = real ? undefined : simulateFullDisk();
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
      if (real) await resetQuota();
    }
    expect(await store.getAttachment('big')).to.equal(undefined);
    expect((await store.getAttachment('small'))?.size).to.equal(16 * 1024);
    expect(await store.getDraft('c1/registration')).to.deep.equal(first);
    // With room again, the same writes go through.
    await store.putAttachment(attachment('big', noise(2 * MB)));
    expect((await store.getAttachment('big'))?.size).to.equal(2 * MB);
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
