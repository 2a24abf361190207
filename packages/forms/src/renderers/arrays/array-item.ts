/**
 * `<hoso-array-item>`: one item of an array — a `<fieldset>` with the legend "Mục 2"/"Item 2", the item's
 * fields (the detail UI schema dispatched at the item's path, so inner controls get `family.1.phone`)
 * and the move up / move down / remove buttons, whose accessible names say which item they act on.
 *
 * The item does not subscribe to the store: it re-renders only when its parent array passes changed
 * properties (its index, its edge flags, the language, the registry), so a keystroke in one item never re-renders
 * the others — the inner controls subscribe to their own paths.
 *
 * @csspart array-item - the item's `<fieldset>`
 * @csspart legend - the item's `<legend>`
 * @csspart button - every action button (also `move-up`, `move-down`, `remove`)
 */
import { consume } from '@lit/context';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../base/define.js';
import { storeContext } from '../../context.js';
import { dispatch, type RendererEntry } from '../../dispatch.js';
import type { Lang } from '../../i18n/locale.js';
import type { FormStore } from '../../store.js';
import { arrayStyles } from './array.styles.js';

/** What an item asks of its array. */
export interface ArrayItemActions {
  remove(index: number): void;
  move(index: number, by: -1 | 1): void;
}

export class HosoArrayItem extends LitElement {
  static override styles = arrayStyles;

  @consume({ context: storeContext }) store!: FormStore;
  /** 0-based position in the array (the labels say `index + 1`). */
  @property({ attribute: false }) index = 0;
  /** The item's own data path (`family.1`). */
  @property({ attribute: false }) path = '';
  /** The item's UI schema (scopes resolve against `schema`, the items schema). */
  @property({ attribute: false }) uischema!: UISchemaElement;
  @property({ attribute: false }) schema!: JsonSchema;
  @property({ attribute: false }) enabled: boolean | undefined;
  @property({ attribute: false }) first = false;
  @property({ attribute: false }) last = false;
  @property({ attribute: false }) canRemove = true;
  /** Read-only form: no action buttons. */
  @property({ attribute: false }) locked = false;
  /** The form's language; a change re-renders the translated legend and button names. */
  @property({ attribute: false }) locale: Lang = 'vi';
  @property({ attribute: false }) actions: ArrayItemActions | undefined;
  /** The form's renderer registry; a new registry re-dispatches the item's fields. */
  @property({ attribute: false }) renderers: readonly RendererEntry[] | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.store?.initialized || !this.uischema) return nothing;
    const t = this.store.terms;
    const n = this.index + 1;
    const disabled = this.enabled === false;
    return html`<fieldset part="array-item" class="array-item">
      <legend part="legend" class="legend">${t.itemLabel(n)}</legend>
      ${dispatch(this.store, { uischema: this.uischema, schema: this.schema, path: this.path, enabled: this.enabled })}
      ${
        this.locked
          ? nothing
          : html`<div class="array-actions" part="array-actions">
              <button
                type="button"
                part="button move-up"
                class="button move-up"
                ?disabled=${disabled || this.first}
                @click=${() => this.actions?.move(this.index, -1)}
              >
                ${t.moveUp(n)}
              </button>
              <button
                type="button"
                part="button move-down"
                class="button move-down"
                ?disabled=${disabled || this.last}
                @click=${() => this.actions?.move(this.index, 1)}
              >
                ${t.moveDown(n)}
              </button>
              <button
                type="button"
                part="button remove"
                class="button remove"
                ?disabled=${disabled || !this.canRemove}
                @click=${() => this.actions?.remove(this.index)}
              >
                ${t.removeItem(n)}
              </button>
            </div>`
      }
    </fieldset>`;
  }
}

defineElement('hoso-array-item', HosoArrayItem);

declare global {
  interface HTMLElementTagNameMap {
    'hoso-array-item': HosoArrayItem;
  }
}
