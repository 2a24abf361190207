/**
 * `<hoso-label>`: a UI schema `Label` — a paragraph of explanatory text between fields. The text is
 * translated with the key `<i18n>.text` (JSON Forms convention), else shown as written. Rules apply
 * (SHOW/HIDE), and the element subscribes only to its rule's condition paths.
 *
 * @summary Static text (UI schema Label).
 * @csspart label-text - the paragraph
 */
import { consume } from '@lit/context';
import { mapStateToLabelProps, rankWith, uiTypeIs, type JsonSchema, type LabelElement } from '@jsonforms/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../base/define.js';
import { storeContext } from '../../context.js';
import type { RendererEntry } from '../../dispatch.js';
import { ruleDependencies } from '../../rules.js';
import type { FormStore } from '../../store.js';
import { layoutStyles } from '../layouts/layout.styles.js';

/** A key no data path uses: labels without rules still hear whole-form broadcasts (locale, reset). */
const LABEL_CHANNEL = '\u0000label';

export class HosoLabel extends LitElement {
  static override styles = layoutStyles;

  @consume({ context: storeContext }) store!: FormStore;
  @property({ attribute: false }) uischema!: LabelElement;
  @property({ attribute: false }) schema!: JsonSchema;
  @property({ attribute: false }) path = '';
  @property({ attribute: false }) enabled: boolean | undefined;

  #text = '';
  #visible = true;
  #stale = true;
  #key: string | undefined;
  #unsubscribe: (() => void) | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = this.#key = undefined;
    this.#stale = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.store?.initialized || !this.uischema) return;
    if (changed.has('uischema') || changed.has('path')) this.#stale = true;
    if (this.#stale) {
      const props = mapStateToLabelProps(this.store.state, { uischema: this.uischema, path: this.path });
      this.#text = props.text ?? '';
      this.#visible = props.visible;
      this.#stale = false;
    }
    this.hidden = !this.#visible;
    const deps = ruleDependencies(this.uischema, this.path);
    const key = deps.join('\n');
    if (key !== this.#key) {
      this.#unsubscribe?.();
      this.#key = key;
      this.#unsubscribe = this.store.subscribe(deps.length ? deps : [LABEL_CHANNEL], () => {
        this.#stale = true;
        this.requestUpdate();
      });
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.#visible || !this.#text) return nothing;
    return html`<p part="label-text" class="label-text">${this.#text}</p>`;
  }
}

defineElement('hoso-label', HosoLabel);

export const labelRenderer: RendererEntry = { tester: rankWith(1, uiTypeIs('Label')), tag: 'hoso-label' };

declare global {
  interface HTMLElementTagNameMap {
    'hoso-label': HosoLabel;
  }
}
