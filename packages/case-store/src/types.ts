/**
 * The records `@hoso/case-store` keeps. The store knows the *shape* of a case (the persisted case JSON of
 * `@hoso/workflow`, `schemaVersion: 1`) only as far as it needs to index and guard it: it never imports the
 * workflow runtime, Lit or xstate.
 */
import type { StoreUnavailableError } from './errors.js';

/** The fields of a persisted case the store reads. The rest of the case JSON is kept as it is. */
export interface CaseRecord {
  id: string;
  procedure: string;
  procedureVersion: string;
  state: string;
  status: 'active' | 'closed';
  province?: string;
  person: {
    fullName?: string;
    personalId?: string;
    dateOfBirth?: string;
    /** Commune code of residence, when known; used by `listCases({ communeCode })`. */
    communeCode?: string;
    [k: string]: unknown;
  };
  deadlines: Array<{ id: string; dueAt: string; metAt?: string; [k: string]: unknown }>;
  createdAt: string;
  updatedAt: string;
  /** Revision: increments on every write. A write carries the revision it was based on. */
  rev: number;
  [k: string]: unknown;
}

/** What a person is typing for one form of one case (or of a case not started yet). */
export interface Draft {
  /** `<caseId>/<form>` for a case's step, `new/<procedure>/<uuid>` before the case exists. */
  id: string;
  caseId?: string;
  procedure: string;
  /** Form id, `<procedure>/<form>` as in `schemas/`. */
  form: string;
  /** Version of the form's schema the data was typed against (`schemas/<p>/<f>/schema.json` `$comment`/`version`). */
  formVersion: string;
  /** Wizard step (category index) the person was on. */
  step: number;
  data: unknown;
  /** Dotted paths (`person.fax`) of values a migration could not carry over, for a person to re-check. */
  flagged?: string[];
  /** Those values, by their old JSON pointer (`/person/fax`; `/x@1` when a later migration sets aside `/x` again). */
  unmigrated?: Record<string, unknown>;
  rev: number;
  updatedAt: string;
}

export interface AttachmentRecord {
  id: string;
  caseId: string;
  /** Item of the required-documents checklist it satisfies (`attachment-item` code). */
  item?: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  addedAt: string;
}

/**
 * `resolved`: never sent, on purpose: the server refused it for a revision conflict and the device kept what it
 * carried as a draft (`OutboxItem.resolution`); like `sent`, it is no longer in the list of what waits.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'resolved';

/** How an outbox item refused for a revision conflict was settled on the device (see `CaseStore.resolveConflict`). */
export interface OutboxResolution {
  kind: 'draft';
  /** The draft that now holds the event's form data. */
  draftId: string;
  /** The server's revision of the case that was adopted instead. */
  serverRev: number;
  at: string;
}

/** One submission waiting to go to the portal's backend, sent exactly once (idempotency key = `id`). */
export interface OutboxItem {
  /** Idempotency key, a UUID made when the submission is queued; the backend dedupes on it. */
  id: string;
  caseId: string;
  kind: 'event' | 'upload';
  /** The JSON sent (documented in docs/adapter-contract.md). */
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
  /** Order of queueing, set by `enqueue` (increasing within a case, also across tabs); `list` sorts by it. */
  seq?: number;
  /** With status `resolved`: where what it carried went. */
  resolution?: OutboxResolution;
}

/** What `putRemoteCase` did: `written`, or why not (`not-newer`: the copy here is as new; `queued`: events of the
 * case wait in the outbox here, which the server judges first). */
export type RemoteCaseOutcome = 'written' | 'not-newer' | 'queued';

/** One revision conflict to settle on the device, in one transaction (`CaseStore.resolveConflict`). */
export interface ConflictResolutionInput {
  /** The case as the server holds it (its `rev` is the server's); replaces the copy here whatever its rev. */
  serverCase: CaseRecord;
  /**
   * The refused outbox items, each with the draft that keeps its form data (`id` `<caseId>/<EVENT>`; when a draft
   * with that id exists it is kept and this one gets `<id>~<random>`, as `saveDraftCopy` does). Items no longer
   * unsent when the transaction runs are left as they are, and their draft is not written.
   */
  items: Array<{ itemId: string; draft: Omit<Draft, 'rev' | 'updatedAt'> }>;
  /** Who settled it, for the local audit line (`action: 'sync-conflict'`). */
  by: string;
}

/** What `resolveConflict` did. */
export interface ConflictResolution {
  caseId: string;
  serverRev: number;
  /** The drafts written (with their final ids), in the order of the items. */
  drafts: Draft[];
  /** The outbox items now `resolved`. */
  items: string[];
}

/** A local log line: who did what on this device (the case's own hash-chained audit lives in the case). */
export interface AuditRecord {
  id?: number;
  caseId: string;
  at: string;
  by: string;
  action: string;
  detail?: unknown;
}

/** Sent on the store's `BroadcastChannel` and to `subscribe` listeners after every committed write. */
export type StoreChange =
  | { kind: 'case'; id: string; rev: number; deleted?: boolean }
  | { kind: 'draft'; id: string; rev: number; deleted?: boolean }
  | { kind: 'outbox'; id: string; status: OutboxStatus };

/** Options of `openCaseStore`. */
export interface OpenOptions {
  /** IndexedDB database name; default `hoso`. Tests use a unique name each. */
  name?: string;
  /** BroadcastChannel name; default `hoso:<name>`. */
  channel?: string;
  /**
   * The IndexedDB to use; default the global `indexedDB`. A Storage Bucket's `bucket.indexedDB`
   * (`navigator.storageBuckets.open('hoso', { persisted: true, quota })`, Chromium) gives hoso's data its own
   * quota and eviction, apart from the portal's.
   */
  indexedDB?: IDBFactory;
  /**
   * Another tab keeps an older version of the database open, so the upgrade waits: called at once with a
   * `StoreUnavailableError` (reason `blocked`) the UI can show ("close the other tabs of this page").
   */
  onBlocked?: (error: StoreUnavailableError) => void;
  /** How long to wait for a blocked upgrade before `openCaseStore` rejects with that error; default 5000 ms. */
  blockedTimeoutMs?: number;
}

/** A write that carries the revision it was based on (`rev` of what was read, 0 for a new record). */
export interface WriteOptions {
  expectedRev: number;
}

/**
 * The store, as `openCaseStore()` resolves it. Every write is one IndexedDB transaction; a write whose
 * `expectedRev` is not the stored `rev` rejects with `RevisionConflictError` and changes nothing; the stored
 * record then gets `rev = expectedRev + 1`. Errors are `StorageFullError` (quota), `StoreUnavailableError`
 * (blocked, closed, private mode without IndexedDB), `RevisionConflictError`, `MigrationError`.
 */
export interface CaseStore {
  readonly name: string;
  getCase<C extends CaseRecord = CaseRecord>(id: string): Promise<C | undefined>;
  /** Writes the case with `rev = expectedRev + 1` and returns what was stored. */
  putCase<C extends CaseRecord>(record: C, options: WriteOptions): Promise<C>;
  /**
   * Stores a case pulled from the server *at the server's revision* (`record.rev`, kept as it is), in one
   * transaction: only when it is newer than the copy here and no event of the case waits in the outbox here
   * (those go to the server first; a stale one comes back as a revision conflict, see `resolveConflict`).
   * Listeners (this tab and the others) hear `{ kind: 'case', id, rev }`.
   */
  putRemoteCase(record: CaseRecord): Promise<RemoteCaseOutcome>;
  /**
   * Settles a revision conflict in one transaction: the server's case replaces the copy here, each refused outbox
   * item's form data becomes a draft of its step, those items become `resolved`, and a local audit line
   * (`sync-conflict`) says so. Nothing typed is lost and nothing is merged: a person reconciles from the draft.
   */
  resolveConflict(input: ConflictResolutionInput): Promise<ConflictResolution>;
  deleteCase(id: string): Promise<void>;
  /** Cases, newest `updatedAt` first; `communeCode` filters on `person.communeCode`. */
  listCases<C extends CaseRecord = CaseRecord>(query?: { communeCode?: string; procedure?: string }): Promise<C[]>;
  /** Every case of one person (by personal ID), oldest `createdAt` first. */
  casesOfPerson<C extends CaseRecord = CaseRecord>(personalId: string): Promise<C[]>;

  getDraft(id: string): Promise<Draft | undefined>;
  /** Saves with `rev = expectedRev + 1` (0 for a new draft). */
  saveDraft(draft: Draft, options: WriteOptions): Promise<Draft>;
  deleteDraft(id: string): Promise<void>;
  /**
   * Keeps `draft` as a new draft (id `<draft.id>~<random>`, rev 1): what a tab does with its copy after a
   * `RevisionConflictError`, so what the person typed is not lost and the original can be reloaded.
   */
  saveDraftCopy(draft: Draft): Promise<Draft>;
  listDrafts(query?: { caseId?: string; procedure?: string }): Promise<Draft[]>;

  putAttachment(record: AttachmentRecord): Promise<void>;
  getAttachment(id: string): Promise<AttachmentRecord | undefined>;
  listAttachments(caseId: string): Promise<AttachmentRecord[]>;

  /** The outbox store (see `outbox/`): queue, list, update status. */
  readonly outbox: OutboxStore;

  appendAudit(record: AuditRecord): Promise<void>;
  listAudit(caseId: string): Promise<AuditRecord[]>;

  /** Listens to committed writes, in this tab and (through BroadcastChannel) in other tabs. Returns unsubscribe. */
  subscribe(listener: (change: StoreChange, origin: 'local' | 'remote') => void): () => void;
  /**
   * Called once when the connection is lost under this tab: another tab opened a newer version (reason
   * `version-change`) or the browser closed the database (`terminated`). Every later call rejects with the same
   * `StoreUnavailableError`; the page should keep what is on screen and offer reload / export. Returns unsubscribe.
   */
  onUnavailable(listener: (error: StoreUnavailableError) => void): () => void;
  close(): void;
}

export interface OutboxStore {
  enqueue(item: Omit<OutboxItem, 'status' | 'attempts' | 'createdAt'> & Partial<OutboxItem>): Promise<OutboxItem>;
  get(id: string): Promise<OutboxItem | undefined>;
  /** Items not yet sent (`pending`, `sending`, `failed`), oldest first; or all of one case. */
  list(query?: { caseId?: string; status?: OutboxStatus }): Promise<OutboxItem[]>;
  update(item: OutboxItem): Promise<void>;
}
