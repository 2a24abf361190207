/**
 * `OutboxSender`: delivers every queued submission to the backend exactly once, when the network allows.
 *
 * - `queue(submission)` writes an outbox item (idempotency key = `crypto.randomUUID()`) to IndexedDB *before* any
 *   request; `queueUpload(attachment)` does the same for a file kept in the store.
 * - `flush()` sends due items oldest first, one request at a time per case (a case's order is kept; different
 *   cases go side by side). Each item is marked `sending` (attempts + 1) before its request and `sent`, `failed`
 *   (a refusal: not retried until `retry(id)`), or `pending` with `nextAttemptAt` (backoff with jitter) after it.
 * - An item found `sending` (its tab died mid-request) is sent again with the same key: the server dedupes.
 * - `start()` listens to `online` and to other tabs' writes, and takes the Web Lock `hoso-outbox:<store name>`:
 *   of several tabs only the lock holder sends. `stop()` lets go, as a closed tab would (an item in flight stays
 *   `sending`).
 * - Events: `change` (`CustomEvent<OutboxCounts>`: pending, sending, failed), `sent` and `failed`
 *   (`CustomEvent<{ item, result }>`), `conflict` (`CustomEvent<{ item, result, resolution }>`: a revision
 *   conflict settled by `onConflict`), `error` (`CustomEvent<unknown>`: the store failed).
 *
 * There is no sender without an adapter: with none, hoso keeps everything local and queues nothing for sending.
 */
import type { CaseStore, ConflictResolution, OutboxItem } from '../types.js';
import {
  classifyError,
  type BackendAdapter,
  type Refusal,
  type Submission,
  type SubmitResult,
  type UploadResult,
} from './adapter.js';
import { backoffDelay, backoffOptions, type BackoffOptions } from './backoff.js';
import type { ConflictHandler } from './conflict.js';
import type { OutboxItemWithRefusal } from './messages.js';

/** The store calls the sender uses (a `CaseStore` has them all). */
export type SenderStore = Pick<CaseStore, 'name' | 'outbox'> & Partial<Pick<CaseStore, 'getAttachment' | 'subscribe'>>;

export interface OutboxSenderOptions {
  store: SenderStore;
  adapter: BackendAdapter;
  backoff?: Partial<BackoffOptions>;
  /** Whether the device is online; default `navigator.onLine`. Nothing is sent while it is false. */
  online?: () => boolean;
  /** Web Lock name; default `hoso-outbox:<store name>`. */
  lockName?: string;
  /** How many cases send at the same time (each one request at a time); default 4. */
  concurrency?: number;
  /** Random numbers for the jitter; default `Math.random`. */
  random?: () => number;
  /** A 409 `revision-conflict`: settle it here (`keepAsDraft`) or resolve undefined to leave it `failed`. */
  onConflict?: ConflictHandler;
}

export interface OutboxCounts {
  pending: number;
  sending: number;
  failed: number;
}

/** Payload of an upload item: the attachment is read from the store when it is sent. */
export interface UploadPayload {
  attachmentId: string;
  caseId: string;
}

const MAX_TIMER = 2 ** 31 - 1;

function checkSubmission(s: Submission): void {
  const problems: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v !== '';
  if (typeof s !== 'object' || s === null) throw new TypeError('OutboxSender.queue: the submission must be an object');
  if (!text(s.caseId)) problems.push('caseId must be a non-empty string');
  if (!text(s.procedure)) problems.push('procedure must be a non-empty string');
  if (!text(s.procedureVersion)) problems.push('procedureVersion must be a non-empty string');
  if (!text(s.lawVersion)) problems.push('lawVersion must be a non-empty string');
  if (!Number.isInteger(s.baseRev) || s.baseRev < 0) problems.push('baseRev must be an integer ≥ 0');
  const e = s.event as Partial<Submission['event']> | undefined;
  if (!e || !text(e.type)) problems.push('event.type must be a non-empty string');
  else {
    if (!text(e.at) || Number.isNaN(Date.parse(e.at as string))) problems.push('event.at must be an ISO date-time');
    if (!e.by || !text(e.by.id) || !Array.isArray(e.by.roles)) problems.push('event.by must be { id, roles[] }');
  }
  if (problems.length) throw new TypeError(`OutboxSender.queue (case ${String(s.caseId)}): ${problems.join('; ')}`);
}

export class OutboxSender extends EventTarget {
  /** The last counts announced with `change`. */
  counts: OutboxCounts = { pending: 0, sending: 0, failed: 0 };

  private readonly store: SenderStore;
  private readonly adapter: BackendAdapter;
  private readonly backoff: BackoffOptions;
  private readonly online: () => boolean;
  private readonly lockName: string;
  private readonly concurrency: number;
  private readonly random: () => number;
  private readonly onConflict: ConflictHandler | undefined;

  private started = false;
  private leader = false;
  private releaseLock: (() => void) | undefined;
  private lockRequest: AbortController | undefined;
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** caseId → the request in flight for that case. */
  private readonly active = new Map<string, Promise<void>>();
  private readonly inFlight = new Map<string, AbortController>();
  private countsVersion = 0;

  constructor(options: OutboxSenderOptions) {
    super();
    if (!options || !options.adapter) {
      throw new TypeError(
        'OutboxSender: an adapter is required. Without one hoso works locally and nothing is queued for sending.',
      );
    }
    if (!options.store?.outbox) throw new TypeError('OutboxSender: store must be a CaseStore (with .outbox)');
    this.store = options.store;
    this.adapter = options.adapter;
    this.backoff = backoffOptions(options.backoff);
    this.online = options.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
    this.lockName = options.lockName ?? `hoso-outbox:${options.store.name}`;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.random = options.random ?? Math.random;
    this.onConflict = options.onConflict;
  }

  /** Whether this sender holds the lock and sends (false in the other tabs). */
  get isSending(): boolean {
    return this.started && this.leader;
  }

  /** Queues one event of a case; resolves with the stored item (written before any request). */
  async queue(submission: Submission): Promise<OutboxItem> {
    checkSubmission(submission);
    return this.enqueue({ id: crypto.randomUUID(), caseId: submission.caseId, kind: 'event', payload: submission });
  }

  /** Queues the upload of an attachment already saved with `store.putAttachment`. */
  async queueUpload(attachment: { id: string; caseId: string }): Promise<OutboxItem> {
    if (!attachment?.id || !attachment.caseId) {
      throw new TypeError('OutboxSender.queueUpload: the attachment needs an id and a caseId');
    }
    const payload: UploadPayload = { attachmentId: attachment.id, caseId: attachment.caseId };
    return this.enqueue({ id: crypto.randomUUID(), caseId: attachment.caseId, kind: 'upload', payload });
  }

  /** Items not sent yet, oldest first (for a list of what is waiting or failed). */
  items(): Promise<OutboxItemWithRefusal[]> {
    return this.store.outbox.list();
  }

  /** Sends a failed (or waiting) item now; throws if there is no such item or it was sent already. */
  async retry(id: string): Promise<OutboxItem> {
    const item = await this.store.outbox.get(id);
    if (!item) throw new Error(`OutboxSender.retry: no outbox item ${id}`);
    if (item.status === 'sent' || item.status === 'resolved')
      throw new Error(`OutboxSender.retry: item ${id} was ${item.status} already`);
    if (item.status === 'sending') return item;
    const next: OutboxItem = { ...item, status: 'pending' };
    delete next.nextAttemptAt;
    await this.store.outbox.update(next);
    await this.refreshCounts();
    void this.flush();
    return next;
  }

  /** Starts sending: takes the lock (or waits for it), then sends what is due; listens to `online`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    this.unsubscribe = this.store.subscribe?.((change, origin) => {
      if (change.kind !== 'outbox' || origin !== 'remote') return;
      void this.refreshCounts();
      void this.flush();
    });
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks) {
      const request = new AbortController();
      this.lockRequest = request;
      locks
        .request(this.lockName, { signal: request.signal }, () => {
          if (!this.started || request.signal.aborted) return undefined;
          this.leader = true;
          void this.flush();
          return new Promise<void>((resolve) => (this.releaseLock = resolve));
        })
        .catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === 'AbortError')) this.report(error);
        });
    } else {
      this.leader = true;
      void this.flush();
    }
    void this.refreshCounts();
  }

  /** Stops as a closed tab would: aborts requests in flight (their items stay `sending`) and lets go of the lock. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.leader = false;
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.timer);
    for (const controller of this.inFlight.values()) controller.abort(new DOMException('sender stopped', 'AbortError'));
    this.lockRequest?.abort();
    this.releaseLock?.();
    this.releaseLock = undefined;
  }

  /**
   * Sends every item that is due, then resolves (items waiting for their backoff get a timer). Does nothing unless
   * started, holding the lock and online. Calls made while a flush runs join it.
   */
  flush(): Promise<void> {
    if (!this.isSending) return Promise.resolve();
    this.again = true;
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
        // A flush asked for between the run's last look and its end.
        if (this.again) void this.flush();
      });
    }
    return this.running;
  }

  private readonly onOnline = () => void this.flush();
  /** Offline: no retry timer (nothing could go out); `online` sends at once. A request in flight ends by itself. */
  private readonly onOffline = () => clearTimeout(this.timer);

  private async enqueue(item: Pick<OutboxItem, 'id' | 'caseId' | 'kind' | 'payload'>): Promise<OutboxItem> {
    const stored = await this.store.outbox.enqueue(item);
    await this.refreshCounts();
    void this.flush();
    return stored;
  }

  private async run(): Promise<void> {
    let storeFailed = false;
    try {
      do {
        this.again = false;
        while (this.isSending && this.online() && !storeFailed) {
          const due = await this.dueHeads();
          for (const item of due.slice(0, this.concurrency - this.active.size)) {
            const sending = this.send(item)
              .catch((error: unknown) => {
                storeFailed = true;
                this.report(error);
              })
              .finally(() => this.active.delete(item.caseId));
            this.active.set(item.caseId, sending);
          }
          if (this.active.size === 0) break;
          await Promise.race(this.active.values());
        }
        await Promise.all(this.active.values());
        if (!storeFailed && this.isSending) await this.schedule();
      } while (this.again && !storeFailed);
      if (storeFailed) this.arm(Math.max(this.backoff.baseMs, 1000));
    } catch (error) {
      this.report(error);
      if (this.isSending) this.arm(Math.max(this.backoff.baseMs, 1000));
    }
  }

  /** The oldest unsent item of each case not busy, if it is due; oldest first. */
  private async dueHeads(now = Date.now()): Promise<OutboxItem[]> {
    const heads = new Map<string, OutboxItem>();
    for (const item of await this.store.outbox.list()) {
      if (!heads.has(item.caseId)) heads.set(item.caseId, item);
    }
    return [...heads.values()].filter(
      (item) =>
        !this.active.has(item.caseId) &&
        (item.status === 'sending' ||
          (item.status === 'pending' && (!item.nextAttemptAt || Date.parse(item.nextAttemptAt) <= now))),
    );
  }

  /** Sets a timer for the earliest head waiting for its backoff. */
  private async schedule(): Promise<void> {
    const heads = new Map<string, OutboxItem>();
    for (const item of await this.store.outbox.list()) {
      if (!heads.has(item.caseId)) heads.set(item.caseId, item);
    }
    const waits = [...heads.values()]
      .filter((i) => i.status === 'pending' && i.nextAttemptAt)
      .map((i) => Date.parse(i.nextAttemptAt as string) - Date.now());
    if (waits.length) this.arm(Math.max(0, Math.min(...waits)));
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.min(ms, MAX_TIMER));
  }

  private async send(queued: OutboxItem): Promise<void> {
    const item: OutboxItemWithRefusal = { ...queued, status: 'sending', attempts: queued.attempts + 1 };
    delete item.nextAttemptAt;
    await this.store.outbox.update(item);
    await this.refreshCounts();
    const controller = new AbortController();
    this.inFlight.set(item.id, controller);
    let result: SubmitResult | UploadResult;
    try {
      result = await this.request(item, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return; // stopped: left `sending`, as a closed tab leaves it
      const { kind, code, retryAfterMs } = classifyError(error);
      const next: OutboxItemWithRefusal = { ...item, status: kind === 'permanent' ? 'failed' : 'pending' };
      next.lastError = code;
      delete next.refusal;
      if (kind === 'transient') {
        const wait = Math.max(backoffDelay(item.attempts, this.backoff, this.random), retryAfterMs ?? 0);
        next.nextAttemptAt = new Date(Date.now() + wait).toISOString();
      }
      await this.store.outbox.update(next);
      await this.refreshCounts();
      if (kind === 'permanent') this.announce('failed', next, { ok: false, code });
      return;
    } finally {
      this.inFlight.delete(item.id);
    }
    if (!this.started) return;
    if (result.ok) {
      const sent: OutboxItemWithRefusal = { ...item, status: 'sent', sentAt: new Date().toISOString() };
      delete sent.lastError;
      delete sent.refusal;
      await this.store.outbox.update(sent);
      await this.refreshCounts();
      this.announce('sent', sent, result);
    } else {
      const failed: OutboxItemWithRefusal = { ...item, status: 'failed', lastError: result.code, refusal: result };
      if (result.code === 'revision-conflict' && (await this.settle(failed, result))) return;
      await this.store.outbox.update(failed);
      await this.refreshCounts();
      this.announce('failed', failed, result);
    }
  }

  private async request(item: OutboxItem, signal: AbortSignal): Promise<SubmitResult | UploadResult> {
    const options = { idempotencyKey: item.id, signal };
    if (item.kind === 'event') return this.adapter.submit(item.payload as Submission, options);
    const { attachmentId } = item.payload as UploadPayload;
    const attachment = await this.store.getAttachment?.(attachmentId);
    if (!attachment) {
      const refusal: Refusal = { ok: false, code: 'attachment-missing' };
      return refusal;
    }
    return this.adapter.upload(attachment, options);
  }

  /** Runs `onConflict`; true when it settled the item (then `conflict` is announced). */
  private async settle(item: OutboxItem, refusal: Refusal): Promise<boolean> {
    if (!this.onConflict) return false;
    let resolution: ConflictResolution | undefined;
    try {
      resolution = await this.onConflict(item, refusal);
    } catch (error) {
      this.report(error);
    }
    if (!resolution?.items.includes(item.id)) return false;
    await this.refreshCounts();
    this.dispatchEvent(new CustomEvent('conflict', { detail: { item, result: refusal, resolution } }));
    return true;
  }

  private announce(type: 'sent' | 'failed', item: OutboxItem, result: SubmitResult | UploadResult): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { item, result } }));
  }

  private report(error: unknown): void {
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  /** Re-reads the counts and announces `change` when they differ from the last ones. */
  private async refreshCounts(): Promise<void> {
    const version = ++this.countsVersion;
    const counts: OutboxCounts = { pending: 0, sending: 0, failed: 0 };
    for (const item of await this.store.outbox.list()) {
      if (item.status === 'pending' || item.status === 'sending' || item.status === 'failed') counts[item.status] += 1;
    }
    if (version !== this.countsVersion) return; // a later read is under way
    const last = this.counts;
    if (last.pending === counts.pending && last.sending === counts.sending && last.failed === counts.failed) return;
    this.counts = counts;
    this.dispatchEvent(new CustomEvent('change', { detail: { ...counts } }));
  }
}
