/**
 * `openCaseStore()`: the `CaseStore` over IndexedDB. Every operation is one transaction. Writes of cases and
 * drafts carry the revision they were based on; the check runs inside the write transaction, so two tabs cannot
 * both win: the second gets `RevisionConflictError` and nothing of it is written. Committed writes reach
 * `subscribe` listeners in this tab (`local`) and, through a `BroadcastChannel`, in every other tab (`remote`).
 *
 * When another tab upgrades the database (a newer release) this connection closes itself at once so the upgrade
 * is not blocked, and `onUnavailable` listeners hear why.
 */
import type { StoreNames } from 'idb';
import { openDatabase } from './db.js';
import { RevisionConflictError, StoreUnavailableError } from './errors.js';
import { IdbOutboxStore } from './outbox-store.js';
import { putRemoteCase, resolveConflict } from './remote.js';
import type { HosoDB, HosoDatabase } from './schema.js';
import { transactionRunner, type WriteRunner } from './transactions.js';
import type {
  AttachmentRecord,
  AuditRecord,
  CaseRecord,
  CaseStore,
  ConflictResolution,
  ConflictResolutionInput,
  Draft,
  OpenOptions,
  OutboxStore,
  RemoteCaseOutcome,
  StoreChange,
  WriteOptions,
} from './types.js';

type Listener = (change: StoreChange, origin: 'local' | 'remote') => void;
type UnavailableListener = (error: StoreUnavailableError) => void;

const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) => b.updatedAt.localeCompare(a.updatedAt);
const CASES: StoreNames<HosoDB>[] = ['cases'];
const DRAFTS: StoreNames<HosoDB>[] = ['drafts'];
const ATTACHMENTS: StoreNames<HosoDB>[] = ['attachments'];
const AUDIT: StoreNames<HosoDB>[] = ['audit'];

function checkWrite(kind: string, id: unknown, options: WriteOptions | undefined): number {
  if (typeof id !== 'string' || id === '')
    throw new TypeError(`${kind}: id must be a non-empty string, got ${JSON.stringify(id)}`);
  const rev = options?.expectedRev;
  if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0) {
    throw new TypeError(
      `${kind} ${id}: options.expectedRev must be the rev that was read (0 for a new record), got ${JSON.stringify(rev)}`,
    );
  }
  return rev;
}

/** An attachment stored as bytes (see `putAttachment`) comes back with a Blob like any other. */
function withBlob(record: AttachmentRecord): AttachmentRecord {
  const stored: unknown = record.blob;
  return stored instanceof Blob
    ? record
    : { ...record, blob: new Blob([stored as ArrayBuffer], { type: record.type }) };
}

function isChange(value: unknown): value is StoreChange {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return (
    (kind === 'case' || kind === 'draft' || kind === 'outbox') && typeof (value as { id?: unknown }).id === 'string'
  );
}

function report(error: unknown): void {
  // A listener's bug must not stop the other listeners nor fail the write that has already committed.
  if (typeof reportError === 'function') reportError(error);
  else
    setTimeout(() => {
      throw error;
    });
}

class IdbCaseStore implements CaseStore {
  readonly outbox: OutboxStore;
  private db: HosoDatabase | undefined;
  private lost: StoreUnavailableError | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly unavailableListeners = new Set<UnavailableListener>();
  private readonly channel: BroadcastChannel | undefined;
  private readonly run: WriteRunner;

  constructor(
    readonly name: string,
    channelName: string,
  ) {
    this.run = transactionRunner(() => this.connection());
    this.outbox = new IdbOutboxStore(this.run, (change) => this.emit(change));
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isChange(event.data)) this.notify(event.data, 'remote');
      };
    }
  }

  /** Called by `openCaseStore` once the database is open. */
  attach(db: HosoDatabase): void {
    this.db = db;
  }

  /** The connection went away under us (another tab's upgrade, or the browser). */
  loseConnection(reason: 'version-change' | 'terminated'): void {
    if (this.lost) return;
    this.lost = new StoreUnavailableError(reason);
    this.db?.close();
    this.db = undefined;
    for (const listener of [...this.unavailableListeners]) {
      try {
        listener(this.lost);
      } catch (error) {
        report(error);
      }
    }
  }

  private connection(): HosoDatabase {
    if (this.lost) throw this.lost;
    if (!this.db) throw new StoreUnavailableError('closed');
    return this.db;
  }

  private emit(change: StoreChange): void {
    try {
      this.channel?.postMessage(change);
    } catch {
      // the channel is closed (store closed): local listeners still hear it
    }
    this.notify(change, 'local');
  }

  private notify(change: StoreChange, origin: 'local' | 'remote'): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change, origin);
      } catch (error) {
        report(error);
      }
    }
  }

  // ---- cases -------------------------------------------------------------------------------------------------

  getCase<C extends CaseRecord = CaseRecord>(id: string): Promise<C | undefined> {
    return this.run(CASES, 'readonly', (tx) => tx.objectStore('cases').get(id)) as Promise<C | undefined>;
  }

  async putCase<C extends CaseRecord>(record: C, options: WriteOptions): Promise<C> {
    const expectedRev = checkWrite('putCase', record?.id, options);
    const stored = await this.run(CASES, 'readwrite', async (tx) => {
      const store = tx.objectStore('cases');
      const current = await store.get(record.id);
      const currentRev = current?.rev ?? 0;
      if (currentRev !== expectedRev) throw new RevisionConflictError('case', record.id, currentRev, expectedRev);
      const next: C = { ...record, rev: expectedRev + 1 };
      await store.put(next);
      return next;
    });
    this.emit({ kind: 'case', id: stored.id, rev: stored.rev });
    return stored;
  }

  putRemoteCase(record: CaseRecord): Promise<RemoteCaseOutcome> {
    return putRemoteCase(this.run, (change) => this.emit(change), record);
  }

  resolveConflict(input: ConflictResolutionInput): Promise<ConflictResolution> {
    return resolveConflict(this.run, (change) => this.emit(change), input);
  }

  async deleteCase(id: string): Promise<void> {
    const rev = await this.run(CASES, 'readwrite', async (tx) => {
      const store = tx.objectStore('cases');
      const current = await store.get(id);
      if (current) await store.delete(id);
      return current?.rev;
    });
    if (rev !== undefined) this.emit({ kind: 'case', id, rev: rev + 1, deleted: true });
  }

  listCases<C extends CaseRecord = CaseRecord>(query: { communeCode?: string; procedure?: string } = {}): Promise<C[]> {
    const { communeCode, procedure } = query;
    return this.run(CASES, 'readonly', async (tx) => {
      const store = tx.objectStore('cases');
      let cases: CaseRecord[];
      if (communeCode !== undefined) {
        cases = await store.index('byCommune').getAll(communeCode);
        if (procedure !== undefined) cases = cases.filter((c) => c.procedure === procedure);
      } else if (procedure !== undefined) {
        cases = await store.index('byProcedure').getAll(procedure);
      } else {
        cases = await store.getAll();
      }
      return cases.sort(newestFirst) as C[];
    });
  }

  casesOfPerson<C extends CaseRecord = CaseRecord>(personalId: string): Promise<C[]> {
    return this.run(CASES, 'readonly', async (tx) => {
      const cases = await tx.objectStore('cases').index('byPersonalId').getAll(personalId);
      return cases.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) as C[];
    });
  }

  // ---- drafts ------------------------------------------------------------------------------------------------

  getDraft(id: string): Promise<Draft | undefined> {
    return this.run(DRAFTS, 'readonly', (tx) => tx.objectStore('drafts').get(id));
  }

  async saveDraft(draft: Draft, options: WriteOptions): Promise<Draft> {
    const expectedRev = checkWrite('saveDraft', draft?.id, options);
    const stored = await this.run(DRAFTS, 'readwrite', async (tx) => {
      const store = tx.objectStore('drafts');
      const current = await store.get(draft.id);
      const currentRev = current?.rev ?? 0;
      if (currentRev !== expectedRev) throw new RevisionConflictError('draft', draft.id, currentRev, expectedRev);
      const next: Draft = { ...draft, rev: expectedRev + 1, updatedAt: new Date().toISOString() };
      await store.put(next);
      return next;
    });
    this.emit({ kind: 'draft', id: stored.id, rev: stored.rev });
    return stored;
  }

  async saveDraftCopy(draft: Draft): Promise<Draft> {
    checkWrite('saveDraftCopy', draft?.id, { expectedRev: 0 });
    const id = `${draft.id}~${crypto.randomUUID().slice(0, 8)}`;
    const stored = await this.run(DRAFTS, 'readwrite', async (tx) => {
      const next: Draft = { ...draft, id, rev: 1, updatedAt: new Date().toISOString() };
      await tx.objectStore('drafts').add(next);
      return next;
    });
    this.emit({ kind: 'draft', id, rev: 1 });
    return stored;
  }

  async deleteDraft(id: string): Promise<void> {
    const rev = await this.run(DRAFTS, 'readwrite', async (tx) => {
      const store = tx.objectStore('drafts');
      const current = await store.get(id);
      if (current) await store.delete(id);
      return current?.rev;
    });
    if (rev !== undefined) this.emit({ kind: 'draft', id, rev: rev + 1, deleted: true });
  }

  listDrafts(query: { caseId?: string; procedure?: string } = {}): Promise<Draft[]> {
    const { caseId, procedure } = query;
    return this.run(DRAFTS, 'readonly', async (tx) => {
      const store = tx.objectStore('drafts');
      let drafts = caseId !== undefined ? await store.index('byCase').getAll(caseId) : await store.getAll();
      if (procedure !== undefined) drafts = drafts.filter((d) => d.procedure === procedure);
      return drafts.sort(newestFirst);
    });
  }

  // ---- attachments -------------------------------------------------------------------------------------------

  /**
   * Stores the Blob itself. Some engines refuse Blobs in IndexedDB (WebKitGTK under automation, older Safari in
   * private mode: `UnknownError`/`DataCloneError`): then the bytes are stored as an ArrayBuffer instead, and read
   * back as a Blob of the same type, so the caller never sees the difference.
   */
  async putAttachment(record: AttachmentRecord): Promise<void> {
    if (typeof record?.id !== 'string' || record.id === '' || typeof record.caseId !== 'string') {
      throw new TypeError('putAttachment: the record needs a string id and caseId');
    }
    if (!(record.blob instanceof Blob)) throw new TypeError(`putAttachment ${record.id}: blob must be a Blob or File`);
    try {
      await this.run(ATTACHMENTS, 'readwrite', (tx) => tx.objectStore('attachments').put(record));
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name !== 'UnknownError' && name !== 'DataCloneError' && name !== 'NotSupportedError') throw error;
      const bytes = await record.blob.arrayBuffer(); // read before the transaction: it must not wait on anything else
      const asBytes = { ...record, blob: bytes as unknown as Blob };
      await this.run(ATTACHMENTS, 'readwrite', (tx) => tx.objectStore('attachments').put(asBytes));
    }
  }

  async getAttachment(id: string): Promise<AttachmentRecord | undefined> {
    const record = await this.run(ATTACHMENTS, 'readonly', (tx) => tx.objectStore('attachments').get(id));
    return record && withBlob(record);
  }

  async listAttachments(caseId: string): Promise<AttachmentRecord[]> {
    const list = await this.run(ATTACHMENTS, 'readonly', (tx) =>
      tx.objectStore('attachments').index('byCase').getAll(caseId),
    );
    return list.map(withBlob).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  // ---- audit -------------------------------------------------------------------------------------------------

  async appendAudit(record: AuditRecord): Promise<void> {
    if (typeof record?.caseId !== 'string' || typeof record.action !== 'string') {
      throw new TypeError('appendAudit: the record needs a string caseId and action');
    }
    const { id: _ignored, ...entry } = record;
    await this.run(AUDIT, 'readwrite', (tx) => tx.objectStore('audit').add(entry as AuditRecord));
  }

  /** Oldest first (the order they were appended). */
  listAudit(caseId: string): Promise<AuditRecord[]> {
    return this.run(AUDIT, 'readonly', (tx) => tx.objectStore('audit').index('byCase').getAll(caseId));
  }

  // ---- events ------------------------------------------------------------------------------------------------

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onUnavailable(listener: UnavailableListener): () => void {
    this.unavailableListeners.add(listener);
    return () => this.unavailableListeners.delete(listener);
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
    this.channel?.close();
    this.listeners.clear();
    this.unavailableListeners.clear();
  }
}

/**
 * Opens (creating or migrating) the case store. Rejects with `StoreUnavailableError` (no IndexedDB, blocked by an
 * older tab for longer than `blockedTimeoutMs`, a newer version already stored) or `MigrationError`.
 */
export async function openCaseStore(options: OpenOptions = {}): Promise<CaseStore> {
  const name = options.name ?? 'hoso';
  const store = new IdbCaseStore(name, options.channel ?? `hoso:${name}`);
  try {
    const db = await openDatabase(name, {
      factory: options.indexedDB,
      onBlocked: options.onBlocked,
      blockedTimeoutMs: options.blockedTimeoutMs,
      onVersionChange: () => store.loseConnection('version-change'),
      onTerminated: () => store.loseConnection('terminated'),
    });
    store.attach(db);
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}
