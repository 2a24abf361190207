/**
 * `<hoso-object-renderer>`: a `Control` whose scope is an object — its properties in a `<fieldset>` with
 * the control's label as `<legend>`. The inner UI schema is `options.detail` when given, else a vertical
 * layout generated from the object's schema. Rules on the control hide or disable the whole group.
 *
 * @summary Object (nested group of fields).
 * @csspart fieldset - the `<fieldset>`
 * @csspart legend - the `<legend>`
 */
import { Generate, isObjectControl, rankWith, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import { html, nothing, type TemplateResult } from 'lit';
import { HosoControlElement } from '../../base/control-element.js';
import { defineElement } from '../../base/define.js';
import { dispatch, type RendererEntry } from '../../dispatch.js';
import { layoutStyles } from './layout.styles.js';

const generated = new WeakMap<object, UISchemaElement>();

/** The UI schema of a nested object or array item: `options.detail` when it is a UI schema, else generated. */
export function detailUiSchema(
  options: Record<string, unknown> | undefined,
  schema: JsonSchema,
  rootSchema: JsonSchema,
): UISchemaElement {
  const detail = options?.['detail'];
  if (detail && typeof detail === 'object' && typeof (detail as { type?: unknown }).type === 'string') {
    return detail as UISchemaElement;
  }
  let ui = generated.get(schema);
  if (!ui) {
    ui = generateUiSchema(schema, rootSchema);
    generated.set(schema, ui);
  }
  return ui;
}

/**
 * A vertical layout for an object schema. JSON Forms generates a single `Control` at `#` (wrapped in a layout) for an object with a
 * `oneOf`/`anyOf`/`allOf` beside its `properties`; rendered as an object, that control would generate itself
 * again without end (the page hangs), so such an object gets its properties laid out instead.
 */
export function generateUiSchema(schema: JsonSchema, rootSchema: JsonSchema): UISchemaElement {
  const ui = Generate.uiSchema(schema, 'VerticalLayout', '#', rootSchema);
  const isSelf = (el: UISchemaElement | undefined): boolean =>
    el?.type === 'Control' && (el as { scope?: string }).scope === '#';
  const only = (ui as { elements?: UISchemaElement[] }).elements;
  const selfControl = isSelf(ui) || (only?.length === 1 && isSelf(only[0]));
  if (!selfControl || !schema.properties) return ui;
  const { oneOf: _oneOf, anyOf: _anyOf, allOf: _allOf, ...plain } = schema;
  return Generate.uiSchema(plain, 'VerticalLayout', '#', rootSchema);
}

export class HosoObjectRenderer extends HosoControlElement {
  static override styles = layoutStyles;

  protected renderControl(): TemplateResult {
    const p = this.props;
    if (!p) return html``;
    const detail = detailUiSchema(this.uischema.options, p.schema, p.rootSchema);
    return html`${dispatch(this.store, { uischema: detail, schema: p.schema, path: p.path, enabled: p.enabled })}`;
  }

  /** The first field inside the group (the error summary focuses it for an error on the object itself). */
  protected override focusTarget(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-path][aria-invalid="true"]') ?? this.querySelector('[data-path]');
  }

  /** The object's own errors (e.g. it is required and missing) under the legend, described to the fieldset. */
  protected override render(): TemplateResult | typeof nothing {
    if (!this.props?.visible) return nothing;
    return html`<fieldset part="control fieldset" class="control fieldset" aria-describedby=${this.describedBy()}>
      <legend part="label legend" class="label">${this.props.label}${this.renderRequiredMark()}</legend>
      ${this.renderHint()} ${this.renderError()} ${this.renderControl()}
    </fieldset>`;
  }
}

defineElement('hoso-object-renderer', HosoObjectRenderer);

export const objectRenderer: RendererEntry = { tester: rankWith(2, isObjectControl), tag: 'hoso-object-renderer' };

declare global {
  interface HTMLElementTagNameMap {
    'hoso-object-renderer': HosoObjectRenderer;
  }
}
