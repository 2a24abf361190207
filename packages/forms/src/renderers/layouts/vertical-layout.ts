/**
 * `<hoso-vertical-layout>`: children stacked in a column.
 *
 * @summary Vertical layout.
 * @csspart layout - the column wrapper
 */
import { isLayout, rankWith, uiTypeIs, and, type VerticalLayout } from '@jsonforms/core';
import { html, nothing } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { HosoLayoutElement } from '../../base/layout-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';

export class HosoVerticalLayout extends HosoLayoutElement<VerticalLayout> {
  protected override render(): unknown {
    // `cache`: hidden by a rule, the column keeps its elements (disconnected) for a cheap show.
    return cache(
      this.props?.visible
        ? html`<div part="layout vertical" class="layout vertical">${this.renderChildren()}</div>`
        : nothing,
    );
  }
}

defineElement('hoso-vertical-layout', HosoVerticalLayout);

export const verticalLayout: RendererEntry = {
  tester: rankWith(1, and(isLayout, uiTypeIs('VerticalLayout'))),
  tag: 'hoso-vertical-layout',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-vertical-layout': HosoVerticalLayout;
  }
}
