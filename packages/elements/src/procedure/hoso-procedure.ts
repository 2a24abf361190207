/**
 * `<hoso-procedure procedure="voluntary-rehab" case-id="…">`: a whole legal procedure in one element. It starts
 * or resumes a case, shows the step list, the case's time limits (status, working days, legal basis), the
 * documents of the step and the actions the user's roles allow; an action with a form opens it, then a
 * "check your answers" page, then applies the event with `@hoso/workflow` and stores the case on the device
 * (`@hoso/case-store`). What a person types is saved as a draft shortly after every change and when the page
 * is hidden, and restored at the same step after a reload or a crash.
 *
 * The host page sets `.user = { id, name, roles, communeCode }`; optionally `.store` (default: the device's
 * IndexedDB store), `.outbox` (to send accepted events to the portal's backend), `.source` (where procedures
 * come from), `.now` (a fixed clock, for demos and tests).
 *
 * @summary A legal procedure: its steps, forms, time limits and documents, offline first.
 * @fires hoso-step-change - `HosoCaseStepEvent`: the case moved to another step, or another case was opened
 * @fires hoso-case-saved - `HosoCaseSavedEvent`: an accepted event's case was written to the store
 * @fires submit - `HosoProcedureSubmitEvent` (cancelable): the person confirmed an event and the procedure accepted it
 * @csspart header - procedure title, person, current step and law version
 * @csspart steps - the step list
 * @csspart deadlines - the time limits of the case
 * @csspart documents - documents of the step and issued
 * @csspart actions - the buttons of the allowed events
 * @csspart records - what the case has on record: services provided, the latest needs assessment, the notice received
 * @csspart stale-drafts - drafts typed for a step the case has left: view, export or delete them
 * @csspart badge - a deadline status badge (also `due`, `at-risk`, `overdue`)
 * @csspart status - save status and storage persistence line
 * @cssproperty --hoso-gap - space between regions
 * @cssproperty --hoso-button-color - primary button colour
 * @cssproperty --hoso-error-color - colour of alerts
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { HosoChangeEvent } from '@hoso/forms/events';
import type { HosoForm } from '@hoso/forms';
import { normalizeLang, resolveLang } from '@hoso/forms/lang';
import type { Case, CaseEvent, CaseView } from '@hoso/workflow';
import { requestPersistence, type CaseStore } from '@hoso/case-store';
import { defaultStore } from './defaults.js';
import { procedureTerms, type ProcedureTerms } from '../i18n/procedure-terms.js';
import { builtinProcedures, type LoadedProcedure, type ProcedureSource } from './content.js';
import { DraftKeeper } from './draft-keeper.js';
import { HosoCaseSavedEvent, HosoCaseStepEvent, HosoProcedureSubmitEvent } from '../events/procedure-events.js';
import { renderDeadlines, renderDocuments, renderSteps, stepsOf } from './parts.js';
import { procedureStyles } from './hoso-procedure.styles.js';
import { CaseSession, type ActiveStep } from './session.js';
import { RecordForms, recordedNotice, renderRecords } from './records.js';
import { StaleDrafts } from './stale-drafts.js';
import { renderActions, renderActive, renderAlert, renderHeader, renderStatus } from './views.js';
import type { ProcedureAlert, ProcedureUser, SubmissionQueue } from './types.js';

export type { ProcedureUser, SubmissionQueue } from './types.js';

export class HosoProcedure extends LitElement {
  static override styles = procedureStyles;

  /** Procedure id (`voluntary-rehab`, `compulsory-rehab`, …). */
  @property({ reflect: true }) procedure = '';
  /** The case to open; without it, a new case starts (or the last unfinished new case resumes). */
  @property({ attribute: 'case-id', reflect: true }) caseId = '';
  @property({ reflect: true }) override lang!: string;
  @property({ attribute: false }) user: ProcedureUser = { id: 'anonymous', roles: [] };
  @property({ attribute: false }) store: CaseStore | undefined;
  @property({ attribute: false }) outbox: SubmissionQueue | undefined;
  @property({ attribute: false }) source: ProcedureSource = builtinProcedures;
  /** A fixed "now" (ISO instant) instead of the clock. */
  @property() now: string | undefined;

  @state() private loaded: LoadedProcedure | undefined;
  @state() private failure: string | undefined;
  @state() private view: CaseView | undefined;
  @state() private active: ActiveStep | undefined;
  @state() private notice: string | undefined;
  @state() private alert: ProcedureAlert | undefined;
  @state() private persisted: 'persisted' | 'prompt-denied' | 'unsupported' | undefined;

  @query('hoso-form') private form!: HosoForm | null;

  readonly #drafts = new DraftKeeper(this, () => this.#session?.store);
  readonly #records = new RecordForms(this);
  readonly #stale = new StaleDrafts(this);
  #session: CaseSession | undefined;
  #unsubscribe: (() => void) | undefined;
  #loadToken = 0;

  get #t(): ProcedureTerms {
    return procedureTerms[this.#lang];
  }
  get #lang(): 'vi' | 'en' {
    return this.lang ? normalizeLang(this.lang) : resolveLang(this);
  }
  #clock(): string {
    return this.now ?? new Date().toISOString();
  }

  /** The case shown (undefined while a new case has not been submitted yet). */
  get case(): Case | undefined {
    return this.#session?.isNew ? undefined : this.#session?.current;
  }

  /** Saves any unsaved typing now (the element also does it by itself). */
  flush(): Promise<void> {
    return this.#drafts.flush();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedure') || changed.has('caseId') || changed.has('store') || changed.has('source')) {
      if (this.#session && changed.has('caseId') && this.caseId === this.#session.current.id) return;
      void this.#load();
    }
    if (changed.has('user') || changed.has('now')) this.#refreshView();
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    this.failure = undefined;
    this.alert = undefined;
    this.active = undefined;
    this.#drafts.close();
    if (!this.procedure) return;
    try {
      const loaded = await this.source(this.procedure);
      const store = this.store ?? (await defaultStore());
      const session = await CaseSession.open(loaded, store, this.caseId || undefined, this.#clock());
      if (token !== this.#loadToken) return;
      this.loaded = loaded;
      this.#session = session;
      this.#unsubscribe?.();
      this.#unsubscribe = store.subscribe((change, origin) => void this.#onStoreChange(change, origin));
      this.#refreshView();
      await this.#stale.load(session, this.view!);
      const resume = await session.resumableDraft(this.view!);
      if (resume) await this.#openStep(resume.event, resume.draft);
    } catch (e) {
      if (token === this.#loadToken) this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  #refreshView(): void {
    const s = this.#session;
    if (!s) return;
    this.view = s.loaded.runtime.view(s.current, { now: this.#clock(), roles: this.user.roles });
  }

  async #openStep(event: string, draft?: import('@hoso/case-store').Draft): Promise<void> {
    const s = this.#session!;
    this.alert = undefined;
    // A draft for a step the case has left is listed on the case page, never opened as this step's form.
    if (draft && !this.view!.allowedEvents.some((e) => e.type === event)) return this.#stale.load(s, this.view!);
    try {
      // <hoso-form> and JSON Forms load with the first form a person opens, not with the page.
      const [step] = await Promise.all([s.step(event, this.view!, draft), import('@hoso/forms')]);
      this.active = step;
      this.#drafts.open(step.draft);
      if (step.restoredAt)
        this.notice = this.#t.draftRestored(new Date(step.restoredAt).toLocaleTimeString(this.#lang));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#active-h')?.focus();
    } catch (e) {
      this.alert = { kind: 'error', text: e instanceof Error ? e.message : String(e) };
    }
  }

  readonly #onFormChange = (e: HosoChangeEvent): void => {
    if (!this.active) return;
    this.active = { ...this.active, data: e.data };
    this.#drafts.change(e.data, this.form?.step ?? 0);
  };

  readonly #onWizardStep = (e: Event): void => {
    if (e instanceof HosoCaseStepEvent) return;
    e.stopPropagation(); // the form's own wizard steps are not the procedure's steps
    if (this.active) this.#drafts.change(this.active.data, this.form?.step ?? 0);
  };

  async #review(): Promise<void> {
    const form = this.form;
    if (form) await form.updateComplete;
    if (form && !form.validate()) return;
    const data = form ? form.data : this.active!.data;
    this.active = { ...this.active!, data, mode: 'review', step: form?.step ?? 0 };
    if (form) this.#drafts.change(data, form.step);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#active-h')?.focus());
  }

  async #change(path: string, step: number): Promise<void> {
    this.active = { ...this.active!, mode: 'edit', step };
    await this.updateComplete;
    const form = this.form;
    if (!form) return;
    form.step = step;
    await form.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    form.control(path)?.focus();
  }

  async #submit(): Promise<void> {
    const s = this.#session!;
    const active = this.active!;
    await this.#drafts.flush();
    const event: CaseEvent = {
      type: active.event,
      at: this.#clock(),
      by: { id: this.user.id, roles: this.user.roles },
      ...(active.form ? { data: active.data } : {}),
    };
    const before = s.current;
    const result = await s.apply(event, this.user.communeCode);
    if (!result.ok) {
      const r = result.refusal;
      this.alert = { kind: 'refused', text: r.message[this.#lang], ...(r.detail ? { detail: r.detail } : {}) };
      return;
    }
    if (!this.dispatchEvent(new HosoProcedureSubmitEvent(event, result.case))) return;
    try {
      await s.save(result.case, before);
    } catch (e) {
      this.#storeFailure(e);
      return;
    }
    this.#drafts.close();
    await s.discardDraft(active.draftId);
    this.active = undefined;
    this.alert = undefined;
    this.caseId = result.case.id;
    this.#refreshView();
    void this.#stale.load(s, this.view!);
    const kept = before.rev !== 0 && before.state === result.case.state;
    this.notice = kept ? recordedNotice(this.#lang, this.view!, event.type) : this.#t.saved;
    void this.#askPersistence();
    this.dispatchEvent(new HosoCaseSavedEvent(result.case, event));
    if (before.state !== result.case.state || before.rev === 0) {
      const steps = stepsOf(result.case, this.view!, (st) => s.stateTitle(st, this.#lang), this.#lang);
      this.dispatchEvent(
        new HosoCaseStepEvent(
          result.case.id,
          result.case.state,
          before.state,
          steps.length - 1,
          this.view!.stateTitle[this.#lang],
        ),
      );
    }
    await this.outbox?.queue({
      caseId: result.case.id,
      procedure: result.case.procedure,
      procedureVersion: result.case.procedureVersion,
      lawVersion: result.case.lawVersion,
      event,
      baseRev: before.rev,
      case: result.case,
    });
  }

  #storeFailure(e: unknown): void {
    const err = e as { name?: string; localized?: (lang: string) => string; message?: string };
    const text = err.localized?.(this.#lang) ?? err.message ?? String(e);
    if (err.name === 'RevisionConflictError') this.alert = { kind: 'conflict', text: this.#t.conflict };
    else this.alert = { kind: 'storage', text: `${this.#t.storageProblem} ${text}` };
  }

  async #onStoreChange(change: import('@hoso/case-store').StoreChange, origin: 'local' | 'remote'): Promise<void> {
    const s = this.#session;
    if (!s || origin !== 'remote') return;
    if (change.kind === 'case' && change.id === s.current.id) {
      await s.reloadCase();
      this.#refreshView();
      void this.#stale.load(s, this.view!);
      this.notice = this.#t.remoteChange;
    } else if (
      change.kind === 'draft' &&
      change.id === this.active?.draftId &&
      change.rev > (this.#drafts.current?.rev ?? 0)
    ) {
      this.alert = { kind: 'conflict', text: this.#t.conflict };
    }
  }

  /** Conflict: take the stored case and draft (another tab's) and show them. */
  async #reload(): Promise<void> {
    const s = this.#session!;
    await s.reloadCase();
    this.alert = undefined;
    this.#refreshView();
    const event = this.active?.event;
    const stored = this.active ? await s.store.getDraft(this.active.draftId) : undefined;
    this.active = undefined;
    if (event && stored) await this.#openStep(event, stored);
  }

  /** Conflict: keep this tab's typing as a separate draft, then continue on it. */
  async #keepAsDraft(): Promise<void> {
    const s = this.#session!;
    const current = this.#drafts.current;
    if (!current || !this.active) return;
    const copy = await s.forkDraft(current);
    this.active = { ...this.active, draftId: copy.id };
    this.#drafts.open(copy);
    this.alert = undefined;
    this.notice = this.#t.keptAsDraft;
  }

  async #askPersistence(): Promise<void> {
    if (this.persisted) return;
    this.persisted = await requestPersistence();
  }

  protected override updated(): void {
    if (this.#drafts.status === 'error' && this.alert?.kind !== 'storage') this.#storeFailure(this.#drafts.error);
    if (this.#drafts.status === 'conflict' && this.alert?.kind !== 'conflict')
      this.alert = { kind: 'conflict', text: this.#t.conflict };
    if (this.#drafts.status === 'saved' && this.persisted === undefined) void this.#askPersistence();
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const lang = this.#lang;
    if (this.failure) return html`<div class="alert" role="alert">${t.loadFailed(this.failure)}</div>`;
    const s = this.#session;
    const view = this.view;
    if (!s || !view || !this.loaded) return html`<p role="status">${t.loading}</p>`;
    return html`${renderHeader(this.loaded.title[lang], s.isNew, s.current.person['fullName'], view, t, lang)}
      <div role="status" aria-live="polite" class=${this.notice ? 'notice' : 'visually-hidden'}>
        ${this.notice ?? ''}
      </div>
      ${renderAlert(this.alert, this.#t, { reload: () => void this.#reload(), keep: () => void this.#keepAsDraft() })}
      <div class="layout">
        ${renderSteps(
          stepsOf(s.current, view, (st) => s.stateTitle(st, lang), lang),
          t,
          lang,
        )}
        <div class="work">
          ${this.active ? this.#renderActive() : renderActions(view, this.#t, this.#lang, (type) => void this.#openStep(type))}
          ${this.#stale.render(lang, t)}
          ${s.isNew ? nothing : renderRecords(s.current.data as Record<string, unknown>, this.loaded, this.#records, lang, t)}
        </div>
        <div class="side">${renderDeadlines(view, s.loaded.runtime, t, lang)} ${renderDocuments(view, t, lang)}</div>
      </div>
      ${renderStatus(this.#drafts, this.persisted, t, lang, {
        export: () => s.exportDraft(this.#drafts.current),
        import: (file: File) => void this.#import(file),
      })}`;
  }

  async #import(file: File): Promise<void> {
    try {
      const { event, draft } = await this.#session!.importDraft(file);
      this.active = undefined;
      await this.#openStep(event, draft);
      this.notice = this.#t.imported;
    } catch (e) {
      this.#storeFailure(e);
    }
  }

  #renderActive(): TemplateResult {
    return renderActive(this.active!, this.#t, this.#lang, {
      title:
        this.view!.allowedEvents.find((e) => e.type === this.active!.event)?.title?.[this.#lang] ?? this.active!.event,
      onChange: this.#onFormChange,
      onWizardStep: this.#onWizardStep,
      onContinue: () => void this.#review(),
      onCancel: () => {
        void this.#drafts.flush();
        this.active = undefined;
        this.alert = undefined;
      },
      onBack: () => void this.#change('', this.active!.step),
      onChangeField: (path, step) => void this.#change(path, step),
      onSubmit: () => void this.#submit(),
    });
  }
}

if (!customElements.get('hoso-procedure')) customElements.define('hoso-procedure', HosoProcedure);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-procedure': HosoProcedure;
  }
}
