/**
 * `<hoso-boolean-control>`: a checkbox for a boolean property (checked → `true`, unchecked → `false`).
 * Read-only forms show "Có"/"Không" ("Yes"/"No") in a read-only input.
 *
 * @summary Boolean (checkbox) control.
 * @csspart control - wrapper · @csspart input - the checkbox · @csspart label · @csspart hint · @csspart error
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { controlTester, hasType } from './testers.js';

export class HosoBooleanControl extends HosoControlElement {
  protected renderControl(): TemplateResult {
    const p = this.props;
    if (this.isReadonly) {
      const terms = this.store.terms;
      return this.renderReadonlyText(p?.data === true ? terms.yes : p?.data === false ? terms.no : '');
    }
    return html`<input
      part="input checkbox"
      class="checkbox"
      id=${this.controlId}
      type="checkbox"
      data-path=${p?.path ?? ''}
      .checked=${live(p?.data === true)}
      ?disabled=${this.isDisabled}
      aria-required=${p?.required ? 'true' : nothing}
      aria-describedby=${this.describedBy()}
      aria-invalid=${this.errorShown ? 'true' : nothing}
      @change=${this.#onChange}
      @blur=${this.handleBlur}
    />`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    if (this.isReadonly) return super.render();
    return html`<div part="control" class="control boolean">
      <div class="choice">${this.renderControl()} ${this.renderLabel()}</div>
      ${this.renderHint()} ${this.renderError()}
    </div>`;
  }

  readonly #onChange = (event: Event): void => {
    this.commit((event.target as HTMLInputElement).checked);
  };
}

defineElement('hoso-boolean-control', HosoBooleanControl);

export const booleanControl: RendererEntry = {
  tester: controlTester(2, (s) => hasType(s, 'boolean')),
  tag: 'hoso-boolean-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-boolean-control': HosoBooleanControl;
  }
}
