/**
 * A live read of some cases of a case store, as a Lit reactive controller: it loads them, then follows the
 * store's changes (this tab and, through the store's BroadcastChannel, other tabs), re-reading only the cases
 * that changed. Used by `<hoso-case-list>` (a commune's cases) and `<hoso-case-timeline>` (one person's cases).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaseRecord, CaseStore, StoreChange } from '@hoso/case-store';

/** What to read: `key` names the query; a new store or key reloads. */
export interface FeedQuery {
  key: string;
  load(store: CaseStore): Promise<CaseRecord[]>;
  /** Whether a changed case belongs to the result. */
  accepts(record: CaseRecord): boolean;
}

export class CaseFeed implements ReactiveController {
  /** The cases read; undefined before the first read of the current query. */
  records: CaseRecord[] | undefined;
  /** The message of the error the last read failed with. */
  failure: string | undefined;
  loading = false;

  readonly #host: ReactiveControllerHost;
  #store: CaseStore | undefined;
  #query: FeedQuery | undefined;
  #unsubscribe: (() => void) | undefined;
  #token = 0;
  #reloadAfterLoad = false;
  #pending = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Points the feed at `store` and `query`; reloads when either changed (by identity and key). */
  sync(store: CaseStore | undefined, query: FeedQuery | undefined): void {
    if (store === this.#store && query?.key === this.#query?.key) {
      this.#query = query;
      return;
    }
    this.#store = store;
    this.#query = query;
    this.records = undefined;
    this.#connect();
  }

  hostConnected(): void {
    if (this.#store && !this.#unsubscribe) this.#connect();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #connect(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const store = this.#store;
    const query = this.#query;
    if (!store || !query) {
      this.#token += 1;
      this.records = [];
      this.loading = false;
      this.#host.requestUpdate();
      return;
    }
    this.#unsubscribe = store.subscribe((change) => this.#onChange(store, change));
    void this.#load(store, query);
  }

  async #load(store: CaseStore, query: FeedQuery): Promise<void> {
    const token = ++this.#token;
    this.loading = true;
    this.#pending.clear();
    this.#host.requestUpdate();
    try {
      const records = await query.load(store);
      if (token !== this.#token) return;
      this.records = records;
      this.failure = undefined;
    } catch (error) {
      if (token !== this.#token) return;
      this.records = [];
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.loading = false;
    this.#host.requestUpdate();
    if (this.#reloadAfterLoad) {
      this.#reloadAfterLoad = false;
      void this.#load(store, query);
    }
  }

  #onChange(store: CaseStore, change: StoreChange): void {
    if (change.kind !== 'case' || store !== this.#store) return;
    if (this.loading) {
      this.#reloadAfterLoad = true;
      return;
    }
    const first = this.#pending.size === 0;
    this.#pending.add(change.id);
    if (first) void this.#applyPending(store);
  }

  /** Re-reads the changed cases (coalesced) and puts them in, or takes them out of, the records. */
  async #applyPending(store: CaseStore): Promise<void> {
    await Promise.resolve();
    const token = this.#token;
    const query = this.#query;
    const ids = [...this.#pending];
    this.#pending.clear();
    if (!query) return;
    try {
      const found = await Promise.all(ids.map((id) => store.getCase(id)));
      if (token !== this.#token) return;
      const changed = new Set(ids);
      const next = (this.records ?? []).filter((r) => !changed.has(r.id));
      for (const record of found) if (record && query.accepts(record)) next.push(record);
      this.records = next;
      this.#host.requestUpdate();
    } catch {
      if (token === this.#token) void this.#load(store, query);
    }
  }
}
