/**
 * Base class of every control renderer: props from JSON Forms, per-path subscription, and the
 * accessible shell (real `<label for>`, hint and error linked by `aria-describedby`, `aria-invalid`
 * exactly while the error is shown, `data-path` on the native control, `part`s for theming).
 *
 * Renderers render into light DOM: the whole form lives in `<hoso-form>`'s one shadow root, so label
 * `for`, `aria-describedby` ids and the error summary's links all resolve inside one tree.
 * A subclass implements `renderControl()` (the native control, using `controlAttributes`) and, for a
 * group of inputs, may override `render()` with `renderFieldset()`.
 */
import { consume } from '@lit/context';
import {
  mapStateToControlProps,
  type ControlElement,
  type JsonSchema,
  type StatePropsOfControl,
} from '@jsonforms/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { storeContext } from '../context.js';
import { ruleDependencies } from '../rules.js';
import type { FormStore } from '../store.js';

/** Control props as JSON Forms 3.8 computes them (its `readonly` is not in the published type). */
export type ControlProps = StatePropsOfControl & { readonly readonly?: boolean; readonly errors: string };

export abstract class HosoControlElement<P extends ControlProps = ControlProps> extends LitElement {
  @consume({ context: storeContext }) store!: FormStore;
  /** The UI schema `Control` element. */
  @property({ attribute: false }) uischema!: ControlElement;
  /** The parent's schema, against which `uischema.scope` resolves. */
  @property({ attribute: false }) schema!: JsonSchema;
  /** The parent's data path; this control's own path is `props.path`. */
  @property({ attribute: false }) path = '';
  /** The parent's enabled state (`undefined`: enabled). */
  @property({ attribute: false }) enabled: boolean | undefined;

  /** Props from JSON Forms; recomputed only when the store says this control's inputs changed. */
  protected props: P | undefined;
  #stale = true;
  #subscriptionKey = '';
  #unsubscribe: (() => void) | undefined;
  #unregister: (() => void) | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stale = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unregister?.();
    this.#unsubscribe = this.#unregister = undefined;
    this.#subscriptionKey = '';
  }

  /** Maps the form state to this control's props. Enum-like controls override with their mapper. */
  protected mapProps(): P {
    return mapStateToControlProps(this.store.state, {
      uischema: this.uischema,
      schema: this.schema,
      path: this.path,
      ...(this.enabled === undefined ? {} : { enabled: this.enabled }),
    }) as P;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.store?.initialized || !this.uischema) return;
    if (changed.has('uischema') || changed.has('schema') || changed.has('path') || changed.has('enabled')) {
      this.#stale = true;
    }
    if (this.#stale || !this.props) {
      this.props = this.mapProps();
      this.#stale = false;
    }
    const props = this.props;
    this.hidden = !props.visible;
    const deps = [props.path, ...ruleDependencies(this.uischema, this.path)];
    const key = deps.join('\n');
    if (key !== this.#subscriptionKey) {
      this.#unsubscribe?.();
      this.#unregister?.();
      this.#subscriptionKey = key;
      this.#unsubscribe = this.store.subscribe(deps, this.#onStoreChange);
      this.#unregister = this.store.registerField(props.path, {
        element: () => this.focusTarget(),
        label: () => (this.props?.visible ? this.props.label : ''),
        error: () => (this.props?.visible ? this.props.errors : ''),
      });
    }
  }

  readonly #onStoreChange = (): void => {
    this.#stale = true;
    this.requestUpdate();
  };

  // ---- helpers for subclasses ------------------------------------------------------------------
  /** The id of the native control (unique per form and data path). */
  protected get controlId(): string {
    return this.store.controlId(this.props?.path ?? '');
  }
  protected get hintId(): string {
    return `${this.controlId}-hint`;
  }
  protected get errorId(): string {
    return `${this.controlId}-error`;
  }
  /** True exactly while an error is displayed (after blur or submit). */
  protected get errorShown(): boolean {
    const p = this.props;
    return !!p && p.errors !== '' && this.store.showsErrorsAt(p.path);
  }
  protected get isReadonly(): boolean {
    return this.store.readonly || this.props?.readonly === true;
  }
  protected get isDisabled(): boolean {
    return !this.isReadonly && this.props?.enabled === false;
  }
  /** Text of the hint: the translated description, plus a control-specific format hint. */
  protected hintText(): string {
    return this.props?.description ?? '';
  }
  /** Ids for `aria-describedby`: the hint when there is one, the error while it is shown. */
  protected describedBy(): string | typeof nothing {
    const ids = [this.hintText() ? this.hintId : '', this.errorShown ? this.errorId : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }
  /** The element the error summary focuses. */
  protected focusTarget(): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[id="${CSS.escape(this.controlId)}"]`);
  }
  /** Writes a value into the form data (validates and notifies the affected controls). */
  protected commit(value: unknown): void {
    this.store.update(this.props?.path ?? '', value);
  }
  /** Blur handler: shows this field's error from now on. */
  protected readonly handleBlur = (): void => {
    if (this.props) this.store.touch(this.props.path);
  };

  protected renderRequiredMark(): TemplateResult | typeof nothing {
    return this.props?.required && !this.isReadonly
      ? html`<span part="required" class="required" aria-hidden="true">*</span>`
      : nothing;
  }
  protected renderLabel(): TemplateResult {
    return html`<label part="label" class="label" for=${this.controlId}
      >${this.props?.label ?? ''}${this.renderRequiredMark()}</label
    >`;
  }
  protected renderHint(): TemplateResult | typeof nothing {
    const text = this.hintText();
    return text ? html`<div part="hint" class="hint" id=${this.hintId}>${text}</div>` : nothing;
  }
  protected renderError(): TemplateResult | typeof nothing {
    return this.errorShown
      ? html`<div part="error" class="error" id=${this.errorId}>${this.props?.errors ?? ''}</div>`
      : nothing;
  }
  /**
   * A group of native inputs (radios, checkboxes) under a `<fieldset>`/`<legend>`. Each input carries
   * `data-path`, `aria-describedby` and `aria-invalid` itself; the error id is the control's.
   */
  protected renderFieldset(content: TemplateResult): TemplateResult {
    return html`<fieldset part="control fieldset" class="control fieldset">
      <legend part="label legend" class="label">${this.props?.label ?? ''}${this.renderRequiredMark()}</legend>
      ${this.renderHint()} ${content} ${this.renderError()}
    </fieldset>`;
  }

  /**
   * Read-only display for controls without a native read-only state (select, radios, checkboxes):
   * a read-only text input showing the chosen option's label, still labelled and focusable.
   */
  protected renderReadonlyText(text: string): TemplateResult {
    return html`<input
      part="input"
      class="input"
      id=${this.controlId}
      type="text"
      readonly
      data-path=${this.props?.path ?? ''}
      .value=${text}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
    />`;
  }

  /** The native control. */
  protected abstract renderControl(): TemplateResult;

  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    // No whitespace between the parts: `.control` is a flex column (it would not render), and 300 fields
    // would clone ~900 more empty text nodes on first render.
    return html`<div part="control" class="control">
      ${this.renderLabel()}${this.renderHint()}${this.renderControl()}${this.renderError()}
    </div>`;
  }
}
