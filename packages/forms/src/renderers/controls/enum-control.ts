/**
 * `<hoso-enum-control>`: one choice among an `enum` or a `oneOf`/`anyOf` of `const`s with titles.
 * Radios in a `<fieldset>` for up to four options or `options.format: "radio"`; otherwise (or with
 * `options.format: "select"`) a `<select>` whose empty first option clears the value.
 *
 * @summary Enum control (select or radio group).
 * @csspart control - wrapper (a fieldset for radios) · @csspart input - the select or each radio
 * @csspart label · @csspart hint · @csspart error · @csspart choice - a radio with its label
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { isChoiceSchema, optionsOf, type Option } from './options.js';
import { controlTester } from './testers.js';

/** Up to this many options render as radios unless `options.format` says otherwise. */
export const RADIO_MAX = 4;

export class HosoEnumControl extends HosoControlElement {
  protected options: Option[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const p = this.props;
    if (p) this.options = optionsOf(p.schema, this.uischema, p.path, this.store.state.jsonforms.i18n?.translate);
  }

  protected get asRadios(): boolean {
    const format = (this.uischema.options as { format?: string } | undefined)?.format;
    return format === 'radio' || (format !== 'select' && this.options.length <= RADIO_MAX);
  }

  protected get selectedIndex(): number {
    const data = this.props?.data;
    return this.options.findIndex((o) => o.value === data);
  }

  protected override focusTarget(): HTMLElement | null {
    if (!this.asRadios || this.isReadonly) return super.focusTarget();
    return (
      this.querySelector<HTMLElement>('input[type=radio]:checked') ??
      this.querySelector<HTMLElement>('input[type=radio]')
    );
  }

  protected renderControl(): TemplateResult {
    const p = this.props;
    const selected = this.selectedIndex;
    if (this.isReadonly) return this.renderReadonlyText(this.options[selected]?.label ?? '');
    if (this.asRadios) return this.#renderRadios(selected);
    return html`<select
      part="input select"
      class="input"
      id=${this.controlId}
      data-path=${p?.path ?? ''}
      ?disabled=${this.isDisabled}
      aria-required=${p?.required ? 'true' : nothing}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
      @change=${this.#onSelect}
      @blur=${this.handleBlur}
    >
      <option value="" ?selected=${selected < 0}>${this.store.terms.selectPlaceholder}</option>
      ${this.options.map((o, i) => html`<option value=${i} ?selected=${i === selected}>${o.label}</option>`)}
    </select>`;
  }

  #renderRadios(selected: number): TemplateResult {
    const p = this.props;
    const id = this.controlId;
    return html`<div class="choices" part="choices">
      ${this.options.map(
        (o, i) =>
          html`<div class="choice" part="choice">
            <input
              part="input radio"
              type="radio"
              id=${`${id}-${i}`}
              name=${id}
              value=${i}
              data-path=${p?.path ?? ''}
              .checked=${live(i === selected)}
              ?disabled=${this.isDisabled}
              aria-describedby=${this.describedBy()}
              aria-invalid=${this.errorShown ? 'true' : nothing}
              @change=${this.#onRadio}
              @blur=${this.handleBlur}
            />
            <label for=${`${id}-${i}`}>${o.label}</label>
          </div>`,
      )}
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    return this.asRadios && !this.isReadonly ? this.renderFieldset(this.renderControl()) : super.render();
  }

  readonly #onSelect = (event: Event): void => {
    const raw = (event.target as HTMLSelectElement).value;
    this.commit(raw === '' ? undefined : this.options[Number(raw)]?.value);
  };

  readonly #onRadio = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.checked) this.commit(this.options[Number(input.value)]?.value);
  };
}

defineElement('hoso-enum-control', HosoEnumControl);

export const enumControl: RendererEntry = {
  tester: controlTester(3, (s) => isChoiceSchema(s)),
  tag: 'hoso-enum-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-enum-control': HosoEnumControl;
  }
}
