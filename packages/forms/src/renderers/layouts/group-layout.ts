/**
 * `<hoso-group-layout>`: a UI schema `Group` as a `<fieldset>` whose `<legend>` is the group's translated
 * label (`<i18n>.label`). A DISABLE rule on the group disables every control inside it (children receive
 * `enabled=false`); a HIDE rule removes the whole fieldset.
 *
 * A group over a nested object (its controls share a parent path, `manager.*` → `manager`; see
 * `object-path.ts`) shows that object's own errors — a missing required object, an object-level condition —
 * under its legend once errors are shown (after a submit), linked to the fieldset with `aria-describedby`,
 * and registers them with the error summary, whose link focuses the group's first invalid field.
 *
 * @summary Group (fieldset with legend).
 * @csspart group - the `<fieldset>`
 * @csspart legend - the `<legend>`
 * @csspart error - the object's own error under the legend
 */
import { and, getControlPath, isLayout, rankWith, uiTypeIs, type GroupLayout } from '@jsonforms/core';
import { html, nothing, type PropertyValues } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { HosoLayoutElement } from '../../base/layout-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { fieldLabel } from '../../error-summary.js';
import type { FormStore } from '../../store.js';
import { layoutStyles } from './layout.styles.js';
import { layoutObjectPath } from './object-path.js';

/** Keywords whose errors always come with a more precise one (the failing branch's own errors). */
const SUMMARISING = new Set(['allOf', 'anyOf', 'oneOf', 'if']);

/** The translated errors at exactly `path` (object-level errors), joined; empty when none. */
export function objectErrorText(store: FormStore, path: string): string {
  const { translate, translateError } = store.state.jsonforms.i18n ?? {};
  const texts = new Set<string>();
  for (const error of store.shownErrors) {
    if (SUMMARISING.has(error.keyword) || getControlPath(error) !== path) continue;
    texts.add(translate && translateError ? translateError(error, translate) : String(error.message));
  }
  return [...texts].join('. ');
}

export class HosoGroupLayout extends HosoLayoutElement<GroupLayout> {
  static override styles = layoutStyles;

  #objectPath: string | undefined;
  #error = '';
  #unsubscribe: (() => void) | undefined;
  #unregister: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unregister?.();
    this.#unsubscribe = this.#unregister = this.#objectPath = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.store?.initialized || !this.uischema) return;
    const path = layoutObjectPath(this.uischema, this.path);
    if (path !== this.#objectPath || !this.#unsubscribe) {
      this.#release();
      this.#objectPath = path;
      if (path !== undefined) {
        // Errors at the object path change with any keystroke below it: re-render only when our text changes.
        this.#unsubscribe = this.store.subscribe([path], () => {
          if (this.#errorText() !== this.#error) this.requestUpdate();
        });
        this.#unregister = this.store.registerField(path, {
          element: () => this.#focusTarget(),
          label: () => this.props?.label || (fieldLabel(this.store, path) ?? ''),
          // Shown or not (like a control's): the wizard's Next asks before it shows them.
          error: () => (this.props?.visible ? objectErrorText(this.store, path) : ''),
        });
      }
    }
    this.#error = this.#errorText();
  }

  #errorText(): string {
    const path = this.#objectPath;
    return path !== undefined && this.props?.visible && this.store.showsErrorsAt(path)
      ? objectErrorText(this.store, path)
      : '';
  }

  /** The first invalid field of the group, else its first field. */
  #focusTarget(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-path][aria-invalid="true"]') ?? this.querySelector('[data-path]');
  }

  protected override render(): unknown {
    const p = this.props;
    const errorId = this.#objectPath === undefined ? '' : `${this.store.controlId(this.#objectPath)}-error`;
    // `cache`: a group hidden by a rule keeps its (disconnected, unsubscribed) elements, so showing it
    // again reconnects them instead of re-testing the registry and re-creating every control.
    return cache(
      p?.visible
        ? html`<fieldset
            part="group"
            class=${this.#error ? 'group layout invalid' : 'group layout'}
            aria-describedby=${this.#error ? errorId : nothing}
          >
            ${p.label ? html`<legend part="legend" class="legend">${p.label}</legend>` : nothing}
            ${this.#error ? html`<p part="error" class="error group-error" id=${errorId}>${this.#error}</p>` : nothing}
            ${this.renderChildren()}
          </fieldset>`
        : nothing,
    );
  }
}

defineElement('hoso-group-layout', HosoGroupLayout);

export const groupLayout: RendererEntry = {
  tester: rankWith(1, and(isLayout, uiTypeIs('Group'))),
  tag: 'hoso-group-layout',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-group-layout': HosoGroupLayout;
  }
}
