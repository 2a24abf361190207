/**
 * `<hoso-date-time-control>`: typed as `dd/mm/yyyy hh:mm`, stored as RFC 3339
 * `yyyy-mm-ddThh:mm:ss±hh:mm` with the browser's UTC offset on that date; shown as the wall time written.
 *
 * @summary Date-time control.
 * @csspart control - wrapper · @csspart label · @csspart hint · @csspart input · @csspart error
 */
import { HosoParsedTextControl } from '../../base/parsed-text-control.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { formatDateTime, parseDateTime } from './date-parse.js';
import { controlTester, formatOf } from './testers.js';

export class HosoDateTimeControl extends HosoParsedTextControl {
  protected format(data: unknown): string {
    return formatDateTime(data);
  }
  protected parse(text: string): unknown {
    return parseDateTime(text);
  }
  protected override formatHint(): string {
    return this.store.terms.dateTimeHint;
  }
}

defineElement('hoso-date-time-control', HosoDateTimeControl);

export const dateTimeControl: RendererEntry = {
  tester: controlTester(4, (s, ui) => formatOf(s, ui, 'date-time')),
  tag: 'hoso-date-time-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-date-time-control': HosoDateTimeControl;
  }
}
