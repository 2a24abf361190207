/**
 * Base class of layout renderers (vertical, horizontal, group, categorization…): props from JSON
 * Forms' `mapStateToLayoutProps` (visibility and enablement from rules, translated label), a
 * subscription to the rule's condition paths only, and `renderChildren()` which dispatches each child
 * UI schema element to its renderer with this layout's schema, path and enabled state.
 */
import { consume } from '@lit/context';
import {
  mapStateToLayoutProps,
  type JsonSchema,
  type Layout,
  type LayoutProps,
  type UISchemaElement,
} from '@jsonforms/core';
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { storeContext } from '../context.js';
import { dispatch } from '../dispatch.js';
import { ruleDependencies } from '../rules.js';
import type { FormStore } from '../store.js';

export abstract class HosoLayoutElement<L extends Layout = Layout> extends LitElement {
  @consume({ context: storeContext }) store!: FormStore;
  @property({ attribute: false }) uischema!: L;
  @property({ attribute: false }) schema!: JsonSchema;
  /** The data path children compose their scopes against (layouts do not change it). */
  @property({ attribute: false }) path = '';
  @property({ attribute: false }) enabled: boolean | undefined;

  /** Layout props (visible, enabled, label); recomputed when a rule input or the locale changes. */
  protected props: LayoutProps | undefined;
  #stale = true;
  #subscriptionKey: string | undefined;
  #unsubscribe: (() => void) | undefined;

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
    this.#unsubscribe = undefined;
    this.#subscriptionKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.store?.initialized || !this.uischema) return;
    if (changed.has('uischema') || changed.has('schema') || changed.has('path') || changed.has('enabled')) {
      this.#stale = true;
    }
    if (this.#stale || !this.props) {
      this.props = mapStateToLayoutProps(this.store.state, {
        uischema: this.uischema,
        schema: this.schema,
        path: this.path,
        ...(this.enabled === undefined ? {} : { enabled: this.enabled }),
      });
      this.#stale = false;
    }
    this.hidden = !this.props.visible;
    // Subscribe to the rule's inputs, plus the locale/submit broadcasts every subscriber receives.
    const deps = ruleDependencies(this.uischema, this.path);
    const key = deps.join('\n');
    if (key !== this.#subscriptionKey) {
      this.#unsubscribe?.();
      this.#subscriptionKey = key;
      this.#unsubscribe = this.store.subscribe(deps.length ? deps : [LAYOUT_CHANNEL], this.#onStoreChange);
    }
  }

  readonly #onStoreChange = (): void => {
    this.#stale = true;
    this.requestUpdate();
  };

  /** Child UI schema elements rendered through the registry, keyed by element identity. */
  protected renderChildren(elements: readonly UISchemaElement[] = this.uischema.elements): TemplateResult[] | unknown {
    const enabled = this.props?.enabled;
    return repeat(
      elements,
      (element) => element,
      (element) => dispatch(this.store, { uischema: element, schema: this.schema, path: this.path, enabled }),
    );
  }
}

/**
 * A key no data path uses (paths are dotted property names): layouts without rules subscribe here so
 * whole-form broadcasts (locale, reset) still reach their labels, while no keystroke ever does.
 */
const LAYOUT_CHANNEL = '\u0000layout';
