/**
 * `<hoso-horizontal-layout>`: children side by side; they wrap below `--hoso-column-min-width` so a
 * narrow screen shows one column.
 *
 * @summary Horizontal layout.
 * @csspart layout - the row wrapper
 * @cssproperty --hoso-column-min-width - narrowest column before wrapping (default 14rem)
 */
import { and, isLayout, rankWith, uiTypeIs, type HorizontalLayout } from '@jsonforms/core';
import { html, nothing } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { HosoLayoutElement } from '../../base/layout-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { layoutStyles } from './layout.styles.js';

export class HosoHorizontalLayout extends HosoLayoutElement<HorizontalLayout> {
  static override styles = layoutStyles;

  protected override render(): unknown {
    // `cache`: hidden by a rule, the row keeps its elements (disconnected) for a cheap show.
    return cache(
      this.props?.visible
        ? html`<div part="layout horizontal" class="layout horizontal">${this.renderChildren()}</div>`
        : nothing,
    );
  }
}

defineElement('hoso-horizontal-layout', HosoHorizontalLayout);

export const horizontalLayout: RendererEntry = {
  tester: rankWith(1, and(isLayout, uiTypeIs('HorizontalLayout'))),
  tag: 'hoso-horizontal-layout',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-horizontal-layout': HosoHorizontalLayout;
  }
}
