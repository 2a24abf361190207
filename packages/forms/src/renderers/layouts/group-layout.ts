/**
 * `<hoso-group-layout>`: a UI schema `Group` as a `<fieldset>` whose `<legend>` is the group's translated
 * label (`<i18n>.label`). A DISABLE rule on the group disables every control inside it (children receive
 * `enabled=false`); a HIDE rule removes the whole fieldset.
 *
 * @summary Group (fieldset with legend).
 * @csspart group - the `<fieldset>`
 * @csspart legend - the `<legend>`
 */
import { and, isLayout, rankWith, uiTypeIs, type GroupLayout } from '@jsonforms/core';
import { html, nothing } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { HosoLayoutElement } from '../../base/layout-element.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { layoutStyles } from './layout.styles.js';

export class HosoGroupLayout extends HosoLayoutElement<GroupLayout> {
  static override styles = layoutStyles;

  protected override render(): unknown {
    const p = this.props;
    // `cache`: a group hidden by a rule keeps its (disconnected, unsubscribed) elements, so showing it
    // again reconnects them instead of re-testing the registry and re-creating every control.
    return cache(
      p?.visible
        ? html`<fieldset part="group" class="group layout">
            ${p.label ? html`<legend part="legend" class="legend">${p.label}</legend>` : nothing}
            ${this.renderChildren()}
          </fieldset>`
        : nothing,
    );
  }
}

defineElement('hoso-group-layout', HosoGroupLayout);

export const groupLayout: RendererEntry = {
  tester: rankWith(1, and(isLayout, uiTypeIs('Group'))),
  tag: 'hoso-group-layout',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-group-layout': HosoGroupLayout;
  }
}
