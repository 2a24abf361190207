/**
 * The per-form store: owns the JSON Forms core state and tells each renderer only what concerns it.
 *
 * Renderers subscribe with the data paths they depend on (their own path, their rule's condition
 * paths). After `update(path, value)` the store notifies subscribers of that path, its ancestors and
 * descendants, and of every path whose errors changed — never the whole form (DESIGN §7). Whether an
 * error is *shown* is decided here too: after the field was left (blur) or after a submit.
 */
import {
  Actions,
  coreReducer,
  getControlPath,
  type JsonFormsCore,
  type JsonFormsI18nState,
  type JsonFormsState,
  type JsonSchema,
  type UISchemaElement,
} from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { RendererEntry } from './dispatch.js';
import { createI18n } from './i18n/translator.js';
import { termsFor, type Lang, type Messages } from './i18n/locale.js';
import type { Terms } from './i18n/terms.js';
import { expandMissingObjects } from './missing-objects.js';
import type { AjvLike } from './validation/ajv-like.js';

export type ValidationMode = 'ValidateAndShow' | 'ValidateAndHide' | 'NoValidation';
export type Listener = () => void;

/** What a control tells the store so the error summary can link to it. */
export interface FieldInfo {
  /** The native control's element (focused from the summary). */
  readonly element: () => HTMLElement | null;
  /** The translated label. */
  readonly label: () => string;
  /** The translated error text (empty when valid). */
  readonly error: () => string;
}

export interface FormStoreInit {
  readonly schema: JsonSchema;
  readonly uischema: UISchemaElement;
  readonly data: unknown;
  readonly ajv: AjvLike;
  readonly validationMode: ValidationMode;
}

let formCounter = 0;

const errorSignature = (e: ErrorObject): string => `${e.keyword}|${e.schemaPath}|${JSON.stringify(e.params)}`;

export class FormStore {
  /** Unique per form: prefixes every control id so two forms on a page never collide. */
  readonly idPrefix = `hoso${++formCounter}`;
  renderers: readonly RendererEntry[];
  #core: JsonFormsCore | undefined;
  /** The real errors of the data (`core.errors` adds the display errors inside missing required objects). */
  #errors: readonly ErrorObject[] = [];
  #state: JsonFormsState | undefined;
  #i18n: JsonFormsI18nState;
  #lang: Lang = 'vi';
  #messages: Messages | undefined;
  #readonly = false;
  #ajv: AjvLike | undefined;
  readonly #config: Record<string, unknown> = {
    restrict: false,
    trim: false,
    showUnfocusedDescription: true,
    hideRequiredAsterisk: false,
  };
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #errorIndex = new Map<string, string>();
  readonly #touched = new Set<string>();
  readonly #fields = new Map<string, FieldInfo>();
  #submitted = false;
  #step = 0;
  readonly #stepListeners = new Set<Listener>();
  /** Called when a renderer asks for another wizard step (the host sets its `step` property). */
  onStepRequest: (step: number) => void = () => undefined;
  /** Called after every user change with the new core state. */
  onChange: (core: JsonFormsCore) => void = () => undefined;

  constructor(renderers: readonly RendererEntry[]) {
    this.renderers = renderers;
    this.#i18n = createI18n('vi', undefined);
  }

  // ---- state read by renderers -------------------------------------------------------------
  get initialized(): boolean {
    return this.#core !== undefined;
  }
  get core(): JsonFormsCore {
    if (!this.#core) throw new Error('<hoso-form>: the store is read before a schema was set');
    return this.#core;
  }
  /** The JSON Forms state object mappers (`mapStateToControlProps` …) read. Rebuilt on each change. */
  get state(): JsonFormsState {
    if (!this.#state) this.#state = { jsonforms: { core: this.core, i18n: this.#i18n, config: this.#config } };
    return this.#state;
  }
  get data(): unknown {
    return this.core.data;
  }
  /** The validation errors of the data itself (what `form.errors` and validity answer for). */
  get errors(): readonly ErrorObject[] {
    return this.#errors;
  }
  /** The errors renderers show: the real ones plus those inside missing required objects (missing-objects.ts). */
  get shownErrors(): readonly ErrorObject[] {
    return this.core.errors ?? [];
  }
  get ajv(): AjvLike {
    if (!this.#ajv) throw new Error('<hoso-form>: no validator configured');
    return this.#ajv;
  }
  get config(): Record<string, unknown> {
    return this.#config;
  }
  get lang(): Lang {
    return this.#lang;
  }
  get terms(): Terms {
    return termsFor(this.#lang);
  }
  get readonly(): boolean {
    return this.#readonly;
  }
  get submitted(): boolean {
    return this.#submitted;
  }
  /** The id of the native control for a data path. */
  controlId(path: string): string {
    return `${this.idPrefix}-${path || 'root'}`;
  }
  /** Whether errors at `path` are shown now: after a blur on it or after a submit. */
  showsErrorsAt(path: string): boolean {
    return this.#submitted || this.#touched.has(path);
  }

  // ---- subscriptions -----------------------------------------------------------------------
  /** Calls `listener` whenever data, errors or display state at one of `paths` may have changed. */
  subscribe(paths: Iterable<string>, listener: Listener): () => void {
    const keys = [...new Set(paths)];
    for (const key of keys) {
      let set = this.#listeners.get(key);
      if (!set) this.#listeners.set(key, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const key of keys) {
        const set = this.#listeners.get(key);
        set?.delete(listener);
        if (set?.size === 0) this.#listeners.delete(key);
      }
    };
  }

  /** Registers a rendered field for the error summary; returns its unregister function. */
  registerField(path: string, info: FieldInfo): () => void {
    this.#fields.set(path, info);
    return () => {
      if (this.#fields.get(path) === info) this.#fields.delete(path);
    };
  }
  get fields(): ReadonlyMap<string, FieldInfo> {
    return this.#fields;
  }

  // ---- wizard step (categorization) ----------------------------------------------------------
  /** The host's current `step` (0-based). */
  get step(): number {
    return this.#step;
  }
  /** Host → store: the `step` property changed; wizard renderers subscribed with `subscribeStep` re-render. */
  setStep(step: number): void {
    if (step === this.#step) return;
    this.#step = step;
    for (const l of [...this.#stepListeners]) l();
  }
  /** Renderer → host: the user moved to another step (the host updates `step` and calls `setStep`). */
  requestStep(step: number): void {
    this.onStepRequest(step);
  }
  subscribeStep(listener: Listener): () => void {
    this.#stepListeners.add(listener);
    return () => this.#stepListeners.delete(listener);
  }

  // ---- changes -----------------------------------------------------------------------------
  /** (Re)initialises from a schema, UI schema and data; every subscriber re-renders. */
  init(init: FormStoreInit): void {
    this.#ajv = init.ajv;
    this.#core = coreReducer(
      undefined,
      Actions.init(init.data, init.schema, init.uischema, {
        ajv: init.ajv as never,
        validationMode: init.validationMode,
      }),
    );
    this.#expandErrors();
    this.#touched.clear();
    this.#submitted = false;
    this.#reindexErrors();
    this.#changedAll();
  }

  /** Language or messages changed: all labels and messages re-render. */
  setLocale(lang: Lang, messages: Messages | undefined): void {
    if (lang === this.#lang && messages === this.#messages) return;
    this.#lang = lang;
    this.#messages = messages;
    this.#i18n = createI18n(lang, messages);
    this.#changedAll();
  }

  /** A new renderer registry: every renderer re-dispatches its children. */
  setRenderers(renderers: readonly RendererEntry[]): void {
    if (renderers === this.renderers) return;
    this.renderers = renderers;
    this.#changedAll();
  }

  setReadonly(readonly: boolean): void {
    if (readonly === this.#readonly) return;
    this.#readonly = readonly;
    this.#changedAll();
  }

  /** A control's value changed: updates and validates, then notifies only the affected paths. */
  update(path: string, value: unknown): void {
    this.#core = coreReducer(
      this.core,
      Actions.update(path, () => value),
    );
    this.#expandErrors();
    const affected = this.#reindexErrors();
    affected.add(path);
    this.#state = undefined;
    this.#notify(affected);
    this.onChange(this.core);
  }

  /** The field at `path` lost focus: its error (if any) is shown from now on. */
  touch(path: string): void {
    if (this.#touched.has(path)) return;
    this.#touched.add(path);
    this.#notify(new Set([path]));
  }

  /** A submit: every error is shown. */
  submit(): void {
    this.#submitted = true;
    this.#changedAll();
  }

  /** Back to the pristine display state (form reset): no error shown until the next blur or submit. */
  clearShown(): void {
    this.#touched.clear();
    this.#submitted = false;
    this.#changedAll();
  }

  /** Keeps the real errors and adds, for display, the errors inside missing required objects. */
  #expandErrors(): void {
    const core = this.core;
    this.#errors = core.errors ?? [];
    const inside = expandMissingObjects(core.data, this.#errors, core.schema, core.validator as never);
    if (inside.length) this.#core = { ...core, errors: [...this.#errors, ...inside] };
  }

  #changedAll(): void {
    this.#state = undefined;
    const all = new Set<Listener>();
    for (const set of this.#listeners.values()) for (const l of set) all.add(l);
    for (const l of all) l();
  }

  /** Rebuilds the path → error signature index; returns the paths whose errors changed. */
  #reindexErrors(): Set<string> {
    const next = new Map<string, string>();
    for (const error of this.core.errors ?? []) {
      const path = String(getControlPath(error));
      const sig = errorSignature(error);
      next.set(path, next.has(path) ? `${next.get(path)}\n${sig}` : sig);
    }
    const changed = new Set<string>();
    for (const [path, sig] of next) if (this.#errorIndex.get(path) !== sig) changed.add(path);
    for (const path of this.#errorIndex.keys()) if (!next.has(path)) changed.add(path);
    this.#errorIndex.clear();
    for (const [path, sig] of next) this.#errorIndex.set(path, sig);
    return changed;
  }

  /** Notifies listeners of each changed path, of its ancestors and of its descendants, once each. */
  #notify(paths: Set<string>): void {
    const due = new Set<Listener>();
    const add = (key: string): void => {
      const set = this.#listeners.get(key);
      if (set) for (const l of set) due.add(l);
    };
    for (const path of paths) {
      add(path);
      for (let i = path.lastIndexOf('.'); i > 0; i = path.lastIndexOf('.', i - 1)) add(path.slice(0, i));
      if (path !== '') add('');
      const prefix = `${path}.`;
      for (const key of this.#listeners.keys()) if (path === '' || key.startsWith(prefix)) add(key);
    }
    for (const l of due) l();
  }
}
