/**
 * The error summary shown at the top of the form on submit (GOV.UK pattern): a focusable box with a
 * title and one link per error, in the order the fields appear; a link focuses its field.
 * An error whose field is on another wizard step is a link too (`step`): the host shows that step and
 * focuses the field. Errors with no field anywhere (a path hidden by a rule, not in the UI schema) are text.
 * While shown, the host re-collects the items after each change and keeps only those still failing.
 */
import type { ErrorObject } from 'ajv';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FormStore } from './store.js';
import { getControlPath, type UISchemaElement } from '@jsonforms/core';
import { schemaAtPath } from './missing-objects.js';
import { categoryOf } from './renderers/layouts/object-path.js';

export interface SummaryItem {
  readonly path: string;
  readonly text: string;
  /** Field to focus; absent when the path has no rendered control. */
  readonly target?: HTMLElement;
  /** The wizard step (index among all categories) that shows the field, when it is not rendered now. */
  readonly step?: number;
}

/** Collects the summary items from the store's rendered fields and remaining errors (`uischema`: the root's). */
export function collectSummary(store: FormStore, uischema?: UISchemaElement): SummaryItem[] {
  const linked: { item: SummaryItem; el: HTMLElement }[] = [];
  for (const [path, field] of store.fields) {
    const error = field.error();
    const el = field.element();
    if (!error || !el) continue;
    linked.push({ item: { path, text: `${field.label()}: ${error}`, target: el }, el });
  }
  const covered = new Set(store.fields.keys());
  const { translate, translateError } = store.state.jsonforms.i18n ?? {};
  const loose: SummaryItem[] = [];
  const seen = new Set<string>();
  for (const error of store.errors) {
    // `if` fails only with its `then`/`else` error, which says what is wrong: list that one.
    if (error.keyword === 'if') continue;
    const path = String(getControlPath(error));
    if (covered.has(path) && store.fields.get(path)?.element()) continue;
    const message =
      translate && translateError ? translateError(error as ErrorObject, translate) : String(error.message);
    // The field is not on screen (another wizard step, a collapsed part): name it, or the person cannot tell
    // which of several "required" errors is which.
    const label = fieldLabel(store, path);
    const text = label ? `${label}: ${message}` : message;
    const key = `${path}\n${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A missing object laid out without a Group: its fields are on screen, link to the first one.
    const inside = path ? firstFieldInside(store, path) : undefined;
    const step = inside || !uischema ? undefined : categoryOf(uischema, path);
    if (inside) linked.push({ item: { path, text, target: inside }, el: inside });
    else loose.push(step === undefined ? { path, text } : { path, text, step });
  }
  // Document order; a group and its first field share an element: the group (the shorter path) first.
  linked.sort((a, b) =>
    a.el === b.el
      ? a.item.path.length - b.item.path.length
      : a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  return [...linked.map((l) => l.item), ...loose];
}

/** The first rendered field (in document order) below `path`, if any. */
function firstFieldInside(store: FormStore, path: string): HTMLElement | undefined {
  let first: HTMLElement | undefined;
  for (const [p, field] of store.fields) {
    if (!p.startsWith(`${path}.`)) continue;
    const el = field.element();
    if (el && (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) first = el;
  }
  return first;
}

/** The translated label of a field that has no rendered control: `<key>.label`, else the schema title. */
export function fieldLabel(store: FormStore, path: string): string | undefined {
  if (!path) return undefined;
  const translate = store.state.jsonforms.i18n?.translate;
  const title = schemaAtPath(store.core.schema, path)?.title;
  const key = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  return translate ? (translate(`${key}.label`, title) ?? title) : title;
}

/** Renders the summary; `onActivate` focuses the item's field. */
export function renderErrorSummary(
  store: FormStore,
  items: readonly SummaryItem[],
  onActivate: (item: SummaryItem, event: Event) => void,
): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const titleId = `${store.idPrefix}-summary-title`;
  return html`<div part="error-summary" class="error-summary" tabindex="-1" aria-labelledby=${titleId}>
    <h2 id=${titleId} part="error-summary-title">${store.terms.summaryTitle}</h2>
    <p>${store.terms.summaryCount(items.length)}</p>
    <ul part="error-summary-list">
      ${repeat(
        items,
        (item) => `${item.path}\n${item.text}`,
        (item) =>
          html`<li>
            ${
              item.target || item.step !== undefined
                ? html`<a
                    part="error-summary-link"
                    href=${`#${item.target?.id ?? store.controlId(item.path)}`}
                    data-error-path=${item.path}
                    @click=${(event: Event) => onActivate(item, event)}
                    >${item.text}</a
                  >`
                : item.text
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
