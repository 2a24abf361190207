/**
 * Keeps what a person types: saves the draft shortly after each change (debounced), at once when the page is
 * hidden or left (`visibilitychange`, `pagehide`), and never drops the in-memory copy when a save fails. A
 * failed save (full storage, closed database) or a revision conflict (another tab saved the same draft) is
 * exposed as `status` for the element to show; the next change or `flush()` tries again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaseStore, Draft } from '@hoso/case-store';

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export class DraftKeeper implements ReactiveController {
  status: DraftStatus = 'idle';
  /** The latest copy, saved or not. */
  current: Draft | undefined;
  savedAt: string | undefined;
  error: unknown;
  #rev = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => CaseStore | undefined,
    private readonly delayMs = 300,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onHide);
    window.addEventListener('pagehide', this.#onHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onHide);
    window.removeEventListener('pagehide', this.#onHide);
    void this.flush();
  }

  /** Starts keeping `draft` (a restored one, or a new one with rev 0). */
  open(draft: Draft): void {
    clearTimeout(this.#timer);
    this.current = draft;
    this.#rev = draft.rev;
    this.status = draft.rev > 0 ? 'saved' : 'idle';
    this.savedAt = draft.rev > 0 ? draft.updatedAt : undefined;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Forgets the draft (after it was submitted or discarded), without saving. */
  close(): void {
    clearTimeout(this.#timer);
    this.current = undefined;
    this.status = 'idle';
  }

  change(data: unknown, step: number): void {
    if (!this.current) return;
    this.current = { ...this.current, data, step, updatedAt: new Date().toISOString() };
    if (this.status !== 'conflict') this.status = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
    this.host.requestUpdate();
  }

  /** Saves now if anything is unsaved; resolves when the save is done (or failed: see `status`). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#saving) await this.#saving;
    const store = this.store();
    const draft = this.current;
    if (!store || !draft || this.status === 'saved' || this.status === 'idle' || this.status === 'conflict') return;
    this.status = 'saving';
    this.#saving = (async () => {
      try {
        const saved = await store.saveDraft({ ...draft, rev: this.#rev }, { expectedRev: this.#rev });
        this.#rev = saved.rev;
        // A change typed while saving stays pending.
        this.status = this.current === draft ? 'saved' : 'pending';
        if (this.current === draft) this.current = saved;
        this.savedAt = saved.updatedAt;
        this.error = undefined;
      } catch (e) {
        this.error = e;
        this.status = (e as { name?: string }).name === 'RevisionConflictError' ? 'conflict' : 'error';
      } finally {
        this.#saving = undefined;
        this.host.requestUpdate();
      }
    })();
    await this.#saving;
  }

  /** Another tab's copy won: adopt its revision (the element reloads the data). */
  adopt(draft: Draft): void {
    this.open(draft);
  }

  readonly #onHide = (e: Event): void => {
    if (e.type === 'pagehide' || document.visibilityState === 'hidden') void this.flush();
  };
}
