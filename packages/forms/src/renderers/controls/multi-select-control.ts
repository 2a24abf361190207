/**
 * `<hoso-multi-select-control>`: several choices for an array whose `items` is an enum (or a
 * `oneOf` of `const`s): one checkbox per option in a `<fieldset>`. The data keeps the options'
 * order; no choice removes the property (so `required`/`minItems` apply).
 *
 * @summary Multi-select (checkbox group) control.
 * @csspart control - the fieldset · @csspart input - each checkbox · @csspart choice - a checkbox with its label
 * @csspart label - the legend · @csspart hint · @csspart error
 */
import { resolveSchema, type JsonSchema } from '@jsonforms/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { isChoiceSchema, optionsOf, type Option } from './options.js';
import { controlTester, hasType } from './testers.js';

function itemsSchema(schema: JsonSchema | undefined, rootSchema: JsonSchema | undefined): JsonSchema | undefined {
  const items = schema?.items;
  if (!items || Array.isArray(items) || typeof items !== 'object') return undefined;
  const ref = (items as { $ref?: string }).$ref;
  return ref && rootSchema ? resolveSchema(rootSchema, ref, rootSchema) : (items as JsonSchema);
}

export class HosoMultiSelectControl extends HosoControlElement {
  protected options: Option[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const p = this.props;
    if (!p) return;
    const items = itemsSchema(p.schema, p.rootSchema);
    this.options = optionsOf(items, this.uischema, p.path, this.store.state.jsonforms.i18n?.translate);
  }

  protected get selected(): unknown[] {
    return Array.isArray(this.props?.data) ? (this.props.data as unknown[]) : [];
  }

  protected override focusTarget(): HTMLElement | null {
    if (this.isReadonly) return super.focusTarget();
    return this.querySelector<HTMLElement>('input[type=checkbox]');
  }

  protected renderControl(): TemplateResult {
    const p = this.props;
    const chosen = this.selected;
    if (this.isReadonly) {
      const labels = this.options.filter((o) => chosen.includes(o.value)).map((o) => o.label);
      return this.renderReadonlyText(new Intl.ListFormat(this.store.terms.locale).format(labels));
    }
    const id = this.controlId;
    return html`<div class="choices" part="choices">
      ${this.options.map(
        (o, i) =>
          html`<div class="choice" part="choice">
            <input
              part="input checkbox"
              type="checkbox"
              id=${`${id}-${i}`}
              value=${i}
              data-path=${p?.path ?? ''}
              .checked=${live(chosen.includes(o.value))}
              ?disabled=${this.isDisabled}
              aria-describedby=${this.describedBy()}
              aria-invalid=${this.errorShown ? 'true' : nothing}
              @change=${this.#onChange}
              @blur=${this.handleBlur}
            />
            <label for=${`${id}-${i}`}>${o.label}</label>
          </div>`,
      )}
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    return this.isReadonly ? super.render() : this.renderFieldset(this.renderControl());
  }

  readonly #onChange = (): void => {
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const values = this.options.filter((_, i) => boxes[i]?.checked).map((o) => o.value);
    this.commit(values.length ? values : undefined);
  };
}

defineElement('hoso-multi-select-control', HosoMultiSelectControl);

export const multiSelectControl: RendererEntry = {
  tester: controlTester(4, (s, _ui, root) => hasType(s, 'array') && isChoiceSchema(itemsSchema(s, root))),
  tag: 'hoso-multi-select-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-multi-select-control': HosoMultiSelectControl;
  }
}
