/**
 * `<hoso-textarea-control>`: multi-line text (`uischema.options.multi: true`).
 *
 * @summary Textarea control.
 * @csspart control - wrapper · @csspart label · @csspart hint · @csspart input · @csspart error
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { controlTester, hasType, option } from './testers.js';

export class HosoTextareaControl extends HosoControlElement {
  protected renderControl(): TemplateResult {
    const p = this.props;
    const maxLength = (p?.schema as { maxLength?: number } | undefined)?.maxLength;
    const rows = (this.uischema.options as { rows?: number } | undefined)?.rows ?? 4;
    return html`<textarea
      part="input"
      class="input"
      id=${this.controlId}
      data-path=${p?.path ?? ''}
      rows=${rows}
      .value=${live(typeof p?.data === 'string' ? p.data : '')}
      ?readonly=${this.isReadonly}
      ?disabled=${this.isDisabled}
      aria-required=${p?.required ? 'true' : nothing}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
      maxlength=${maxLength ?? nothing}
      @input=${this.#onInput}
      @blur=${this.handleBlur}
    ></textarea>`;
  }

  readonly #onInput = (event: Event): void => {
    const value = (event.target as HTMLTextAreaElement).value;
    this.commit(value === '' ? undefined : value);
  };
}

defineElement('hoso-textarea-control', HosoTextareaControl);

export const textareaControl: RendererEntry = {
  tester: controlTester(2, (s, ui) => hasType(s, 'string') && option(ui, 'multi') === true),
  tag: 'hoso-textarea-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-textarea-control': HosoTextareaControl;
  }
}
