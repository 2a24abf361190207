/**
 * A frozen copy of how the previous release (database version 1) opened and wrote its database, in raw IndexedDB
 * as that code did. Tests create a version-1 database with it, then open it with the current code and check every
 * record arrived. Do not "fix" this file: it is what is out there.
 *
 * Version 1 differences: no `byPersonalId` index, the personal ID stored as `person.idNumber`, attachments' bytes
 * stored as an ArrayBuffer (the current code stores the Blob where the engine allows it and reads both), and no
 * `onversionchange` handler (an old tab left open blocks a newer release's upgrade).
 */

export interface V1Case {
  id: string;
  procedure: string;
  procedureVersion: string;
  state: string;
  status: 'active' | 'closed';
  person: { fullName?: string; idNumber?: string; communeCode?: string; [k: string]: unknown };
  deadlines: Array<{ id: string; dueAt: string }>;
  createdAt: string;
  updatedAt: string;
  rev: number;
  [k: string]: unknown;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** `openDb()` of release 1. */
export function openV1(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    const cases = db.createObjectStore('cases', { keyPath: 'id' });
    cases.createIndex('byCommune', 'person.communeCode');
    cases.createIndex('byProcedure', 'procedure');
    cases.createIndex('byUpdated', 'updatedAt');
    db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byCase', 'caseId');
    db.createObjectStore('attachments', { keyPath: 'id' }).createIndex('byCase', 'caseId');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('byStatus', 'status');
    outbox.createIndex('byCase', 'caseId');
    db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex('byCase', 'caseId');
  };
  return request(req);
}

/** `put(storeName, value)` of release 1: one readwrite transaction, resolved when it completes. */
export function putV1(db: IDBDatabase, storeName: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    tx.objectStore(storeName).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Reads every record of a store with raw IndexedDB (to check a database without the current code). */
export async function readAll(db: IDBDatabase, storeName: string): Promise<unknown[]> {
  return request(db.transaction(storeName).objectStore(storeName).getAll());
}

/** Opens `name` at whatever version it has, without upgrading it. */
export function openExisting(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}
