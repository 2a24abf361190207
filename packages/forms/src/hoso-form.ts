/**
 * `<hoso-form>`: renders a JSON Schema (+ optional UI schema) as an accessible form, validates it
 * (precompiled validators, or run-time compilation with `@hoso/forms/runtime`) and takes part in a
 * surrounding `<form>` as a form-associated element (value = the JSON of `data`, under `name`).
 *
 * @summary JSON Schema form over @jsonforms/core with Lit renderers.
 * @fires change - `HosoChangeEvent` with `.data` and `.errors`, after each change a user makes
 * @fires hoso-invalid - `HosoInvalidEvent`: a submit found errors; the summary is shown and focused
 * @csspart form - the wrapper of the rendered UI schema
 * @csspart error-summary - the error summary box shown on submit
 * @csspart control - a control's wrapper (label, hint, input, error)
 * @csspart label - a control's label or legend
 * @csspart hint - a control's description
 * @csspart input - a native input, select or textarea
 * @csspart error - a control's error message
 * @cssproperty --hoso-gap - space between fields
 * @cssproperty --hoso-error-color - colour of errors and the summary border
 * @cssproperty --hoso-border-color - input border colour
 * @cssproperty --hoso-focus-color - focus ring colour
 * @cssproperty --hoso-radius - corner radius
 */
import { ContextProvider } from '@lit/context';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import {
  adoptStyles,
  html,
  LitElement,
  nothing,
  type CSSResultOrNative,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from './base/define.js';
import { storeContext } from './context.js';
import { dispatch, type RendererEntry } from './dispatch.js';
import { collectSummary, renderErrorSummary, type SummaryItem } from './error-summary.js';
import { HosoChangeEvent } from './events/change-event.js';
import { HosoInvalidEvent } from './events/invalid-event.js';
import { formStyles } from './hoso-form.styles.js';
import { langSource, normalizeLang, resolveLang, type Messages } from './i18n/locale.js';
import { renderers as defaultRenderers } from './renderers/index.js';
import { FormStore, type ValidationMode } from './store.js';
import { runtimeCompiler, type AjvLike, type ValidateFunction } from './validation/ajv-like.js';
import { createPrecompiledAjv } from './validation/precompiled.js';
import { settled } from './base/settled.js';
import { generateUiSchema } from './renderers/layouts/object-renderer.js';

export class HosoForm extends LitElement {
  static formAssociated = true;
  static override styles = formStyles;

  /** The JSON Schema (self-contained: `$ref`s resolve inside it). */
  @property({ attribute: false }) schema: JsonSchema | undefined;
  /** The UI schema; when absent a default vertical layout is generated from the schema. */
  @property({ attribute: false }) uischema: UISchemaElement | undefined;
  /** Read-only form: values show in read-only controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Language (`vi` default, `en`); when absent, the closest ancestor's `lang` applies. */
  @property({ reflect: true }) override lang!: string;
  /** Name under which the JSON value is submitted with an enclosing `<form>`. */
  @property({ reflect: true }) name = '';
  /** Form-specific strings per language (keys: see ARCHITECTURE.md). */
  @property({ attribute: false }) messages: Messages | undefined;
  /** Precompiled validators keyed by `schemaKey(schema)`; without them `@hoso/forms/runtime` must be imported. */
  @property({ attribute: false }) validators: Readonly<Record<string, ValidateFunction>> | undefined;
  /** Renderer registry; defaults to `renderers`. */
  @property({ attribute: false }) renderers: readonly RendererEntry[] | undefined;
  /** Current wizard step (0-based) of a categorization rendered as a wizard. */
  @property({ type: Number, reflect: true }) step = 0;
  /** `ValidateAndShow` (default: errors on blur and submit), `ValidateAndHide`, `NoValidation`. */
  @property({ attribute: 'validation-mode' }) validationMode: ValidationMode = 'ValidateAndShow';

  @state() private summary: readonly SummaryItem[] = [];

  readonly #store = new FormStore(defaultRenderers);
  readonly #internals: ElementInternals;
  #data: unknown;
  #dataSet = false;
  #initialData: unknown;
  #generated = new WeakMap<object, UISchemaElement>();
  #formDisabled = false;
  #langObserver: MutationObserver | undefined;
  #quietValidity = false;
  #stylesFor: readonly RendererEntry[] | undefined;
  #summaryRefresh: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    new ContextProvider(this, { context: storeContext, initialValue: this.#store });
    this.#store.onChange = (core) => {
      this.#data = core.data;
      this.#syncFormValue();
      this.dispatchEvent(new HosoChangeEvent(core.data, this.#store.errors));
      if (this.summary.length) this.#scheduleSummaryRefresh();
    };
    this.#store.onStepRequest = (step) => {
      this.step = step;
    };
    this.addEventListener('invalid', this.#onInvalid);
  }

  /** The form data. Setting it replaces the data (and the state a form reset returns to). */
  get data(): unknown {
    return this.#data;
  }
  set data(value: unknown) {
    const old = this.#data;
    this.#data = value;
    this.#initialData = value;
    this.#dataSet = true;
    this.requestUpdate('data', old);
  }

  /** The validation errors of the current data (shown or not). */
  get errors(): readonly import('ajv').ErrorObject[] {
    return this.#store.initialized ? this.#store.errors : [];
  }

  /** The native control for a dotted data path (e.g. `family.1.phone`), or null. */
  control(path: string): HTMLElement | null {
    const value = CSS.escape(path);
    return this.renderRoot.querySelector<HTMLElement>(
      `:is(input, select, textarea, button, [contenteditable])[data-path="${value}"]`,
    );
  }

  /** Validity without showing anything. */
  checkValidity(): boolean {
    this.#quietValidity = true;
    try {
      return this.#internals.checkValidity();
    } finally {
      this.#quietValidity = false;
    }
  }

  /** Submit-style validation: shows every error and the summary (focused) when invalid. */
  validate(): boolean {
    if (!this.#store.initialized) return true;
    this.#store.submit();
    const valid = this.#store.errors.length === 0;
    void this.#showSummary(valid);
    if (!valid) this.dispatchEvent(new HosoInvalidEvent(this.#store.errors));
    return valid;
  }

  /** Same as `validate()`, under the name native form controls use. */
  reportValidity(): boolean {
    return this.validate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observeLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = undefined;
    clearTimeout(this.#summaryRefresh);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.#store;
    if (changed.has('renderers') || !this.#stylesFor) {
      store.setRenderers(this.renderers ?? defaultRenderers);
      this.#adoptRendererStyles(store.renderers);
    }
    const langBefore = store.lang;
    store.setLocale(this.lang ? normalizeLang(this.lang) : resolveLang(this), this.messages);
    const relabel = store.lang !== langBefore || changed.has('messages');
    if (relabel && this.summary.length) this.#scheduleSummaryRefresh(); // the summary follows the language
    store.setReadonly(this.readonly || this.#formDisabled);
    if (changed.has('lang')) this.#observeLang();
    store.setStep(this.step);
    const reinit =
      changed.has('schema') ||
      changed.has('uischema') ||
      changed.has('validators') ||
      changed.has('validationMode') ||
      (this.#dataSet && (!store.initialized || this.#data !== store.data));
    this.#dataSet = false;
    if (reinit && this.schema) {
      store.init({
        schema: this.schema,
        uischema: this.#uischemaFor(this.schema),
        // No data yet on an object form is an empty object, so validation (e.g. `required`) applies.
        data: this.#data === undefined && this.schema.type === 'object' ? {} : this.#data,
        ajv: this.#ajv(),
        validationMode: this.validationMode,
      });
      this.#data = store.data;
      this.summary = [];
      this.#syncFormValue();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const store = this.#store;
    if (!this.schema || !store.initialized) return nothing;
    return html`${renderErrorSummary(store, this.summary, this.#onSummaryLink)}
      <div part="form" class="form">
        ${dispatch(store, { uischema: this.#uischemaFor(this.schema), schema: store.core.schema, path: '' })}
      </div>`;
  }

  // ---- form association (ElementInternals) ---------------------------------------------------
  formResetCallback(): void {
    this.#data = this.#initialData;
    this.#dataSet = true;
    this.summary = [];
    if (this.#store.initialized) this.#store.clearShown();
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.#data = JSON.parse(state) as unknown;
      this.#dataSet = true;
      this.requestUpdate();
    } catch {
      console.error(`<hoso-form name="${this.name}">: the restored form state is not JSON; it was ignored`);
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  #syncFormValue(): void {
    if (!this.#store.initialized) return;
    const json = JSON.stringify(this.#store.data ?? null);
    this.#internals.setFormValue(json, json);
    if (this.#store.errors.length) {
      this.#internals.setValidity({ customError: true }, this.#store.terms.summaryTitle);
    } else {
      this.#internals.setValidity({});
    }
  }

  readonly #onInvalid = (event: Event): void => {
    if (this.#quietValidity) return;
    // The enclosing form is submitting: show our own summary instead of the browser's bubble.
    event.preventDefault();
    this.validate();
  };

  async #showSummary(valid: boolean): Promise<void> {
    if (valid) {
      this.summary = [];
      return;
    }
    await this.updateComplete; // fields re-rendered with their errors shown
    this.summary = this.#collectSummary();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #collectSummary(): SummaryItem[] {
    return collectSummary(this.#store, this.schema && this.#uischemaFor(this.schema));
  }

  /**
   * After a change while the summary is shown: once the fields have re-rendered (a task later, coalescing a
   * burst of keystrokes), re-collect it and keep only the errors it listed that still fail, with their new text.
   */
  #scheduleSummaryRefresh(): void {
    clearTimeout(this.#summaryRefresh);
    this.#summaryRefresh = setTimeout(() => {
      this.#summaryRefresh = undefined;
      if (!this.summary.length || !this.#store.initialized) return;
      const listed = new Set(this.summary.map((item) => item.path));
      this.summary = this.#collectSummary().filter((item) => listed.has(item.path));
    }, 0);
  }

  readonly #onSummaryLink = async (item: SummaryItem, event: Event): Promise<void> => {
    event.preventDefault();
    let target = item.target?.isConnected ? item.target : null;
    if (!target && item.step !== undefined) {
      this.step = item.step; // another wizard step: show it, then find the field there
      await this.updateComplete;
      const form = this.renderRoot.querySelector('.form');
      if (form) await settled(form);
      target = this.#fieldFor(item.path);
    }
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  };

  /** The rendered field for a data path: its own, else the first one inside it, else the closest ancestor's. */
  #fieldFor(path: string): HTMLElement | null {
    const fields = this.#store.fields;
    const own = fields.get(path)?.element();
    if (own) return own;
    const inside = this.renderRoot.querySelector<HTMLElement>(
      `[data-path^="${CSS.escape(`${path}.`)}"]:not([disabled]):not([data-error-path])`,
    );
    if (inside) return inside;
    for (let i = path.lastIndexOf('.'); i > 0; i = path.lastIndexOf('.', i - 1)) {
      const element = fields.get(path.slice(0, i))?.element();
      if (element) return element;
    }
    return null;
  }

  // ---- helpers -----------------------------------------------------------------------------
  #uischemaFor(schema: JsonSchema): UISchemaElement {
    if (this.uischema) return this.uischema;
    let generated = this.#generated.get(schema);
    if (!generated) {
      generated = generateUiSchema(schema, schema);
      this.#generated.set(schema, generated);
    }
    return generated;
  }

  #ajv(): AjvLike {
    if (this.validators) return createPrecompiledAjv(this.validators);
    const factory = runtimeCompiler();
    if (factory) return factory();
    throw new Error(
      '<hoso-form>: no validators. Pass the precompiled `validators` of the generated form module ' +
        '(schemas/generated/…), or import "@hoso/forms/runtime" to compile schemas at run time.',
    );
  }

  #adoptRendererStyles(entries: readonly RendererEntry[]): void {
    this.#stylesFor = entries;
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const styles = new Set<CSSResultOrNative>(HosoForm.elementStyles);
    for (const { tag } of entries) {
      const ctor = customElements.get(tag) as
        (CustomElementConstructor & { elementStyles?: CSSResultOrNative[] }) | undefined;
      for (const s of ctor?.elementStyles ?? []) styles.add(s);
    }
    adoptStyles(root, [...styles]);
  }

  #observeLang(): void {
    this.#langObserver?.disconnect();
    if (!this.isConnected) return;
    const source = (this.parentElement && langSource(this.parentElement)) ?? document.documentElement;
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    this.#langObserver.observe(source, { attributes: true, attributeFilter: ['lang'] });
  }
}

defineElement('hoso-form', HosoForm);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-form': HosoForm;
  }
}
