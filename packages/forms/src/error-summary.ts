/**
 * The error summary shown at the top of the form on submit (GOV.UK pattern): a focusable box with a
 * title and one link per error, in the order the fields appear; a link focuses its field.
 * Errors with no rendered field (for example on a hidden or unrendered path) are listed as text.
 */
import type { ErrorObject } from 'ajv';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FormStore } from './store.js';
import { getControlPath } from '@jsonforms/core';

export interface SummaryItem {
  readonly path: string;
  readonly text: string;
  /** Field to focus; absent when the path has no rendered control. */
  readonly target?: HTMLElement;
}

/** Collects the summary items from the store's rendered fields and remaining errors. */
export function collectSummary(store: FormStore): SummaryItem[] {
  const linked: { item: SummaryItem; el: HTMLElement }[] = [];
  for (const [path, field] of store.fields) {
    const error = field.error();
    const el = field.element();
    if (!error || !el) continue;
    linked.push({ item: { path, text: `${field.label()}: ${error}`, target: el }, el });
  }
  linked.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const covered = new Set(store.fields.keys());
  const { translate, translateError } = store.state.jsonforms.i18n ?? {};
  const loose: SummaryItem[] = [];
  const seen = new Set<string>();
  for (const error of store.errors) {
    const path = String(getControlPath(error));
    if (covered.has(path) && store.fields.get(path)?.element()) continue;
    const text = translate && translateError ? translateError(error as ErrorObject, translate) : String(error.message);
    const key = `${path}\n${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    loose.push({ path, text });
  }
  return [...linked.map((l) => l.item), ...loose];
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
              item.target
                ? html`<a
                    part="error-summary-link"
                    href=${`#${item.target.id}`}
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
