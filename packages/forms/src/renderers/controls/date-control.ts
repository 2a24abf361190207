/**
 * `<hoso-date-control>`: a date typed as `dd/mm/yyyy` (both languages), stored as ISO `yyyy-mm-dd`.
 * A text input with a parser rather than `<input type=date>`, whose display format follows the
 * browser's locale and cannot be set to the Vietnamese `dd/mm/yyyy`.
 *
 * @summary Date control.
 * @csspart control - wrapper · @csspart label · @csspart hint · @csspart input · @csspart error
 */
import { HosoParsedTextControl } from '../../base/parsed-text-control.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { formatDate, parseDate } from './date-parse.js';
import { controlTester, formatOf } from './testers.js';

export class HosoDateControl extends HosoParsedTextControl {
  protected format(data: unknown): string {
    return formatDate(data);
  }
  protected parse(text: string): unknown {
    return parseDate(text);
  }
  protected override keyboardMode(): string {
    return 'numeric';
  }
  protected override formatHint(): string {
    return this.store.terms.dateHint;
  }
}

defineElement('hoso-date-control', HosoDateControl);

export const dateControl: RendererEntry = {
  tester: controlTester(4, (s, ui) => formatOf(s, ui, 'date')),
  tag: 'hoso-date-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-date-control': HosoDateControl;
  }
}
