/**
 * `<hoso-array-control>`: an array (of objects, or of primitive values) as a `<fieldset>` holding an
 * ordered list of items, each its own fieldset ("Mục 1", "Mục 2", …) with move up / move down /
 * remove buttons, and a "Thêm mục" (add item) button. `minItems`/`maxItems` disable remove/add at the
 * limits; a read-only form shows the items without buttons.
 *
 * Focus after an action: add → the new item's first field; remove → the first field of the item now
 * in that place (else the previous one, else the add button); move → the same button on the moved
 * item (or its other move button once it reaches an end).
 * Items are keyed by index: item `i` always shows the data at `path.i`. The item UI schema is
 * `options.detail` when given, else generated from the items schema.
 *
 * @summary Array with add / remove / reorder.
 * @csspart control - the array's `<fieldset>` (also `fieldset`)
 * @csspart label - the array's `<legend>`
 * @csspart array-items - the `<ol>` of items
 * @csspart array-empty - the "no items" text
 * @csspart button - the add button (also `add`) and the item buttons
 * @csspart error - the array's own error (e.g. `minItems`), under the legend
 */
import {
  and,
  createDefaultValue,
  isObjectArrayControl,
  isPrimitiveArrayControl,
  or,
  rankWith,
  Resolve,
  schemaTypeIs,
  uiTypeIs,
  type JsonSchema,
} from '@jsonforms/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { detailUiSchema } from '../layouts/object-renderer.js';
import { arrayStyles } from './array.styles.js';
import { HosoArrayItem, type ArrayItemActions } from './array-item.js';
import { settled } from '../../base/settled.js';

export { settled } from '../../base/settled.js';

export class HosoArrayControl extends HosoControlElement {
  static override styles = arrayStyles;

  readonly #actions: ArrayItemActions = {
    remove: (index) => void this.#remove(index),
    move: (index, by) => void this.#move(index, by),
  };

  get #items(): readonly unknown[] {
    const data = this.props?.data;
    return Array.isArray(data) ? (data as unknown[]) : [];
  }

  get #itemsSchema(): JsonSchema {
    const p = this.props;
    if (!p) return {};
    return Resolve.schema(p.schema, 'items', p.rootSchema) ?? {};
  }

  protected renderControl(): TemplateResult {
    const p = this.props;
    if (!p) return html``;
    const items = this.#items;
    const schema = p.schema as { minItems?: number; maxItems?: number };
    const itemsSchema = this.#itemsSchema;
    const detail = detailUiSchema(this.uischema.options, itemsSchema, p.rootSchema);
    const locked = this.isReadonly;
    const canRemove = items.length > (schema.minItems ?? 0);
    const canAdd = schema.maxItems === undefined || items.length < schema.maxItems;
    const lang = this.store.lang;
    return html`${
      items.length
        ? html`<ol part="array-items" class="array-items">
            ${repeat(
              items,
              (_item, index) => index,
              (_item, index) =>
                html`<li class="array-entry">
                  <hoso-array-item
                    .index=${index}
                    .path=${`${p.path}.${index}`}
                    .uischema=${detail}
                    .schema=${itemsSchema}
                    .enabled=${p.enabled}
                    .first=${index === 0}
                    .last=${index === items.length - 1}
                    .canRemove=${canRemove}
                    .locked=${locked}
                    .locale=${lang}
                    .actions=${this.#actions}
                    .renderers=${this.store.renderers}
                  ></hoso-array-item>
                </li>`,
            )}
          </ol>`
        : html`<p part="array-empty" class="array-empty">${this.store.terms.noItems}</p>`
    }
    ${
      locked
        ? nothing
        : html`<button
            type="button"
            part="button add"
            class="button add"
            id=${this.controlId}
            aria-describedby=${this.describedBy()}
            ?disabled=${this.isDisabled || !canAdd}
            @click=${this.#add}
            @blur=${this.handleBlur}
          >
            ${this.store.terms.addItem}
          </button>`
    }`;
  }

  /**
   * The list's own errors (`minItems`, `maxItems`, `uniqueItems`, a missing required list) show under the
   * legend, before the items, described to the fieldset and to the add button (the summary's link target).
   */
  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    return html`<fieldset
      part="control fieldset"
      class=${this.errorShown ? 'control fieldset invalid' : 'control fieldset'}
      aria-describedby=${this.describedBy()}
    >
      <legend part="label legend" class="label">${this.props.label}${this.renderRequiredMark()}</legend>
      ${this.renderHint()} ${this.renderError()} ${this.renderControl()}
    </fieldset>`;
  }

  #write(items: unknown[]): void {
    this.commit(items);
    if (this.props) this.store.touch(this.props.path);
  }

  readonly #add = async (): Promise<void> => {
    const p = this.props;
    if (!p) return;
    const index = this.#items.length;
    this.#write([...this.#items, createDefaultValue(this.#itemsSchema, p.rootSchema)]);
    await this.#focusItem(index, 'field');
  };

  async #remove(index: number): Promise<void> {
    const items = [...this.#items];
    items.splice(index, 1);
    this.#write(items);
    if (items.length === 0) {
      await this.updateComplete;
      this.querySelector<HTMLElement>('button.add')?.focus();
      return;
    }
    await this.#focusItem(Math.min(index, items.length - 1), 'field');
  }

  async #move(index: number, by: -1 | 1): Promise<void> {
    const to = index + by;
    const items = [...this.#items];
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    this.#write(items);
    await this.#focusItem(to, by < 0 ? 'move-up' : 'move-down');
  }

  /** Focuses, in item `index`, its first field or the given move button (its sibling when disabled). */
  async #focusItem(index: number, target: 'field' | 'move-up' | 'move-down'): Promise<void> {
    await this.updateComplete;
    const item = this.querySelectorAll<HosoArrayItem>('hoso-array-item')[index];
    if (!item) return;
    await settled(item);
    const pick = (selector: string): HTMLElement | null => {
      const el = item.querySelector<HTMLElement>(selector);
      return el && !(el as HTMLButtonElement).disabled ? el : null;
    };
    const el =
      target === 'field'
        ? (pick('[data-path]') ?? pick('button.remove'))
        : target === 'move-up'
          ? (pick('button.move-up') ?? pick('button.move-down'))
          : (pick('button.move-down') ?? pick('button.move-up'));
    el?.focus();
  }
}

defineElement('hoso-array-control', HosoArrayControl);

export const arrayControl: RendererEntry = {
  // The cheap type checks first: testers run for every element a layout shows.
  tester: rankWith(
    3,
    and(uiTypeIs('Control'), schemaTypeIs('array'), or(isObjectArrayControl, isPrimitiveArrayControl)),
  ),
  tag: 'hoso-array-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-array-control': HosoArrayControl;
  }
}
