/**
 * `<hoso-text-control>`: a single-line text input for a string property.
 *
 * An empty input removes the property (so `required` applies). `uischema.options.autocomplete` and
 * the schema's `format` (email, uri) set `autocomplete`/`inputmode`; `maxLength` caps typing.
 *
 * @summary Text input control.
 * @csspart control - wrapper of label, hint, input and error
 * @csspart label - the `<label>`
 * @csspart hint - the description under the label
 * @csspart input - the `<input>`
 * @csspart error - the error message
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { controlTester, hasType } from './testers.js';

const INPUT_MODE: Readonly<Record<string, string>> = { email: 'email', uri: 'url', url: 'url' };

export class HosoTextControl extends HosoControlElement {
  protected renderControl(): TemplateResult {
    const p = this.props;
    const schema = (p?.schema ?? {}) as { format?: string; maxLength?: number };
    const options = (this.uischema.options ?? {}) as { autocomplete?: string; placeholder?: string };
    const value = typeof p?.data === 'string' ? p.data : p?.data == null ? '' : String(p.data);
    return html`<input
      part="input"
      class="input"
      id=${this.controlId}
      type="text"
      data-path=${p?.path ?? ''}
      .value=${live(value)}
      ?readonly=${this.isReadonly}
      ?disabled=${this.isDisabled}
      aria-required=${p?.required ? 'true' : nothing}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
      autocomplete=${options.autocomplete ?? nothing}
      inputmode=${(schema.format && INPUT_MODE[schema.format]) ?? nothing}
      maxlength=${schema.maxLength ?? nothing}
      @input=${this.#onInput}
      @blur=${this.handleBlur}
    />`;
  }

  readonly #onInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.commit(value === '' ? undefined : value);
  };
}

defineElement('hoso-text-control', HosoTextControl);

export const textControl: RendererEntry = {
  tester: controlTester(1, (s) => hasType(s, 'string')),
  tag: 'hoso-text-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-text-control': HosoTextControl;
  }
}
