/**
 * One case being worked on in `<hoso-procedure>`: the case (or a provisional one until its first event is
 * accepted), its drafts in the store, and the steps opened on it. No rendering here.
 *
 * Draft ids: `<caseId>/<EVENT>` for a stored case; `new/<procedure>/<provisionalId>/<EVENT>` before the case
 * exists, so a reload resumes the newest unfinished new case; a copy kept after a conflict appends `~<time>`.
 */
import type { ApplyResult, Case, CaseEvent, CaseView } from '@hoso/workflow';
import {
  draftFileName,
  exportDraft,
  importDraft,
  migrateDraft,
  type CaseStore,
  type Draft,
  type FormMigrations,
} from '@hoso/case-store';
import type { FormModule, LoadedProcedure } from './content.js';
import { personFromForm } from './person.js';

export interface ActiveStep {
  event: string;
  formId?: string;
  form?: FormModule;
  data: unknown;
  step: number;
  mode: 'edit' | 'review';
  draftId: string;
  draft: Draft;
  restoredAt?: string;
  flagged?: string[];
}

type Obj = Record<string, unknown>;

/** A stored draft and the event it was typed for. */
export interface StepDraft {
  event: string;
  draft: Draft;
}

const eventOfDraft = (id: string): string => id.split('/').pop()!.split('~')[0]!;

export class CaseSession {
  private constructor(
    readonly loaded: LoadedProcedure,
    readonly store: CaseStore,
    public current: Case,
    public isNew: boolean,
    private pending?: Draft,
  ) {}

  static async open(
    loaded: LoadedProcedure,
    store: CaseStore,
    caseId: string | undefined,
    now: string,
  ): Promise<CaseSession> {
    const runtime = loaded.runtime;
    if (caseId) {
      const record = await store.getCase(caseId);
      if (!record) throw new Error(`case "${caseId}" is not on this device`);
      return new CaseSession(loaded, store, runtime.restore(record), false);
    }
    const prefix = `new/${loaded.id}/`;
    const drafts = (await store.listDrafts({ procedure: loaded.id }))
      .filter((d) => d.id.startsWith(prefix))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    const newest = drafts[0];
    const id = newest ? newest.id.slice(prefix.length).split('/')[0]! : globalThis.crypto.randomUUID();
    return new CaseSession(loaded, store, runtime.createCase({ id, person: {}, at: now }), true, newest);
  }

  /** This case's drafts, newest first: those `view` lets open, and those typed for a step the case has left. */
  async drafts(view: CaseView): Promise<{ open: StepDraft[]; stale: StepDraft[] }> {
    const all = this.isNew
      ? this.pending
        ? [this.pending]
        : []
      : (await this.store.listDrafts({ caseId: this.current.id })).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    const open: StepDraft[] = [];
    const stale: StepDraft[] = [];
    for (const draft of all) {
      const event = eventOfDraft(draft.id);
      (view.allowedEvents.some((e) => e.type === event) ? open : stale).push({ event, draft });
    }
    return { open, stale };
  }

  /** The newest unfinished draft of this case that `view` lets open, to reopen at once. */
  async resumableDraft(view: CaseView): Promise<StepDraft | undefined> {
    return (await this.drafts(view)).open[0];
  }

  /** An event's title wherever the machine declares it (any state), for drafts of steps the case has left. */
  eventTitle(event: string): { vi: string; en: string } | undefined {
    const find = (node: Obj | undefined): Obj | undefined => {
      const meta = (node?.['meta'] as Obj | undefined)?.['events'] as Obj | undefined;
      const own = (meta?.[event] as Obj | undefined)?.['title'] as Obj | undefined;
      if (own) return own;
      for (const child of Object.values((node?.['states'] as Obj | undefined) ?? {})) {
        const found = find(child as Obj);
        if (found) return found;
      }
      return undefined;
    };
    const title = find(this.loaded.module.machine as Obj);
    return typeof title?.['vi'] === 'string' && typeof title['en'] === 'string'
      ? { vi: title['vi'], en: title['en'] }
      : undefined;
  }

  draftId(event: string): string {
    return this.isNew ? `new/${this.loaded.id}/${this.current.id}/${event}` : `${this.current.id}/${event}`;
  }

  async step(event: string, view: CaseView, given?: Draft): Promise<ActiveStep> {
    const allowed = view.allowedEvents.find((e) => e.type === event);
    if (!allowed) throw new Error(`"${event}" is not an action your roles may take at this step`);
    const formId = allowed.form;
    const form = formId ? await this.loaded.form(formId) : undefined;
    const id = given?.id ?? this.draftId(event);
    let stored = given ?? (await this.store.getDraft(id));
    const version = String(form?.version ?? 1);
    if (stored && form && stored.formVersion !== version) {
      stored = migrateDraft(stored, {
        version: form.version ?? 1,
        migrations: (form.migrations ?? []) as FormMigrations['migrations'],
      });
    }
    const draft: Draft = stored ?? {
      id,
      ...(this.isNew ? {} : { caseId: this.current.id }),
      procedure: this.loaded.id,
      form: formId ?? '',
      formVersion: version,
      step: 0,
      data: {},
      rev: 0,
      updatedAt: new Date().toISOString(),
    };
    return {
      event,
      ...(formId ? { formId } : {}),
      ...(form ? { form } : {}),
      data: draft.data,
      step: draft.step,
      mode: form ? 'edit' : 'review',
      draftId: id,
      draft,
      ...(stored ? { restoredAt: stored.updatedAt } : {}),
      ...(draft.flagged?.length ? { flagged: draft.flagged } : {}),
    };
  }

  /** Applies the event; a new case is created first, its person taken from the form. */
  apply(event: CaseEvent, communeCode: string | undefined): Promise<ApplyResult> {
    const runtime = this.loaded.runtime;
    const base = this.isNew
      ? runtime.createCase({ id: this.current.id, person: personFromForm(event.data, communeCode), at: event.at })
      : this.current;
    return runtime.apply(base, event);
  }

  /** Stores the case after an accepted event; a revision conflict rejects and changes nothing. */
  async save(next: Case, before: Case): Promise<void> {
    await this.store.putCase(next as unknown as Parameters<CaseStore['putCase']>[0], {
      expectedRev: this.isNew ? 0 : before.rev,
    });
    this.current = next;
    this.isNew = false;
  }

  async discardDraft(id: string): Promise<void> {
    await this.store.deleteDraft(id);
  }

  async reloadCase(): Promise<void> {
    if (this.isNew) return;
    const record = await this.store.getCase(this.current.id);
    if (record) this.current = this.loaded.runtime.restore(record);
  }

  async forkDraft(draft: Draft): Promise<Draft> {
    const copy: Draft = { ...draft, id: `${draft.id.split('~')[0]}~${Date.now()}`, rev: 0 };
    return this.store.saveDraft(copy, { expectedRev: 0 });
  }

  /** Downloads the draft as a file (works when the store does not). */
  exportDraft(draft: Draft | undefined): void {
    if (!draft) return;
    const url = URL.createObjectURL(exportDraft(draft));
    const a = document.createElement('a');
    a.href = url;
    a.download = draftFileName(draft);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async importDraft(file: Blob): Promise<{ event: string; draft: Draft }> {
    const draft = await importDraft(file);
    if (draft.procedure !== this.loaded.id)
      throw new Error(`the file holds a draft of "${draft.procedure}", not of "${this.loaded.id}"`);
    const event = eventOfDraft(draft.id);
    const id = this.draftId(event);
    const existing = await this.store.getDraft(id).catch(() => undefined);
    const saved = await this.store
      .saveDraft({ ...draft, id, rev: existing?.rev ?? 0 }, { expectedRev: existing?.rev ?? 0 })
      .catch(() => ({ ...draft, id }));
    return { event, draft: saved };
  }

  /** A state's title (`a.b` names a nested state). */
  stateTitle(state: string, lang: 'vi' | 'en'): string {
    let node: Obj | undefined = this.loaded.module.machine as Obj;
    for (const part of state.split('.')) node = (node?.['states'] as Obj | undefined)?.[part] as Obj | undefined;
    const title = ((node?.['meta'] as Obj | undefined)?.['title'] as Obj | undefined)?.[lang];
    return typeof title === 'string' ? title : state;
  }
}
